/** Applying the expert's input on the novice's desktop, and the novice's Esc. */
@Export
@Version("1.1.0")
package org.lifeline.api.input;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

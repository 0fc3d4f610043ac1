/** Screen capture on the novice's side and the screen codec. */
@Export
@Version("1.0.0")
package org.lifeline.api.screen;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

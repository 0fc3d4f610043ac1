/** The secure, authenticated, multiplexed connection between novice and expert. */
@Export
@Version("1.0.0")
package org.lifeline.api.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

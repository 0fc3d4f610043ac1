/** Invitations and tickets: what a novice sends, what an expert opens, and the channels that carry them. */
@Export
@Version("1.2.0")
package org.lifeline.api.invitation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

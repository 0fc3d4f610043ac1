/** What the novice's machine allows (the seed's Remote Assistance settings). */
@Export
@Version("1.1.0")
package org.lifeline.api.policy;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

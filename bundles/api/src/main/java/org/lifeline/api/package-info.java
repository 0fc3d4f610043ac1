/** Values shared by every Lifeline contract: the one-line error a person reads, and network addresses. */
@Export
@Version("1.0.0")
package org.lifeline.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/** Assistance sessions: consent, view, control, and the features that ride on them. */
@Export
@Version("1.0.0")
package org.lifeline.api.session;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

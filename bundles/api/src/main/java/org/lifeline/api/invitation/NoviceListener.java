package org.lifeline.api.invitation;

import org.osgi.annotation.versioning.ProviderType;

/** Opens and closes the novice's listening endpoint for an invitation (provided by the session layer). */
@ProviderType
public interface NoviceListener {
    /** Starts listening for this invitation; returns the bound port (preferredPort, or a free one for 0). */
    int listen(String invitationId, int preferredPort);

    void close(String invitationId);
}

package org.lifeline.api.invitation;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The novice's side of the door: whether an invitation may be used right now, the key material and
 * password verifier it was made with, and the bookkeeping of attempts (back-off, lock after 5 failures).
 */
@ProviderType
public interface InvitationGate {
    int MAX_FAILED_ATTEMPTS = 5;

    /** Admits or refuses a connection for this invitation; a refusal carries the reason to send back. */
    Admission admit(String invitationId);

    /** The novice's TLS identity for this invitation, if it exists. */
    Optional<NoviceIdentity> identity(String invitationId);

    /** A wrong password: counts towards back-off and the lock. */
    void failedAttempt(String invitationId);

    /** A successful authentication: frees the attempt's slot and resets the failure count. */
    void succeeded(String invitationId);

    /**
     * The expert asked for consent on an authenticated connection: counts a session and updates last used.
     * An expert may authenticate on several candidate addresses at once and keep one; only that one counts.
     */
    void sessionStarted(String invitationId);
}

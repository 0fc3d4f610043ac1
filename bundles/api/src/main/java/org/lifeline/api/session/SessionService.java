package org.lifeline.api.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sessions on both sides. Every method throws a {@code LifelineException} with one clear line when the
 * action is not possible now (unknown session, wrong role, wrong state, policy).
 */
@ProviderType
public interface SessionService {
    /** Expert: connects with a ticket file; returns once authenticated (state AWAITING_CONSENT). */
    SessionInfo open(Path ticket, char[] password, String expertName);

    List<SessionInfo> sessions();

    Optional<Session> session(String id);

    /** Novice: accept the connection request (the expert starts seeing the screen). */
    void approve(String sessionId);

    /** Novice: refuse it; the connection closes. */
    void deny(String sessionId);

    /** Expert: ask for control. */
    void takeControl(String sessionId);

    /** Expert: give control back. */
    void releaseControl(String sessionId);

    /** Novice: allow the pending control request. */
    void grant(String sessionId);

    /** Novice: take control back at once (as pressing Esc does); {@code null} means every session. */
    void stopControl(String sessionId);

    void disconnect(String sessionId);
}

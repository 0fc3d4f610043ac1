package org.lifeline.api.session;

import org.lifeline.api.transport.WireChannel;
import org.osgi.annotation.versioning.ProviderType;

/** A live session as a feature sees it. */
@ProviderType
public interface Session {
    String id();

    Role role();

    SessionState state();

    SessionInfo info();

    /**
     * Sends a feature's frame. Refused (returns false) on CONTROL, before consent, after close, and for
     * INPUT unless control is granted.
     */
    boolean send(WireChannel channel, byte[] payload);

    long roundTripMillis();

    /** Bytes queued and not yet on the wire. */
    long pendingBytes();
}

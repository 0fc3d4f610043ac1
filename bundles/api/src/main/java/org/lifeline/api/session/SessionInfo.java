package org.lifeline.api.session;

import java.time.Instant;

/** A snapshot of a session for tables and UIs ({@code ra:sessions}). */
public record SessionInfo(String id, Role role, String peer, String peerName, String invitationId,
        SessionState state, boolean lowBandwidth, long bytesIn, long bytesOut, Instant since, String closeReason) {
}

package org.lifeline.session.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.lifeline.api.session.Role;
import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionFeature;
import org.lifeline.api.session.SessionInfo;
import org.lifeline.api.session.SessionState;
import org.lifeline.api.transport.Connection;
import org.lifeline.api.transport.WireChannel;

/**
 * One session on this machine. State changes happen under this object's lock (in {@link SessionManager});
 * everything a feature or listener sees is queued on {@link #mailbox} in the same order.
 */
final class LiveSession implements Session {
    private final String id;
    private final Role role;
    private final Connection connection;
    private final String peer;
    private final String peerName;
    private final String localName;
    private final String invitationId;
    private final boolean lowBandwidth;
    private final Instant since;
    final SerialExecutor mailbox;

    private volatile SessionState state = SessionState.AWAITING_CONSENT;
    private volatile String closeReason;
    /** When control was granted; guarded by this. */
    Instant controlSince;
    /** Frames dropped because consent or control was missing; guarded by this. */
    long droppedFrames;
    /** Whether this control episode already reported dropped input; guarded by this. */
    boolean inputDropReported;
    /** Features told {@code started}, by channel; touched only on the mailbox. */
    final Map<WireChannel, SessionFeature> startedFeatures = new EnumMap<>(WireChannel.class);

    LiveSession(String id, Role role, Connection connection, String peerName, String localName,
            String invitationId, boolean lowBandwidth, Instant since, SerialExecutor mailbox) {
        this.id = id;
        this.role = role;
        this.connection = connection;
        this.peer = connection.peer();
        this.peerName = peerName;
        this.localName = localName;
        this.invitationId = invitationId;
        this.lowBandwidth = lowBandwidth;
        this.since = since;
        this.mailbox = mailbox;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Role role() {
        return role;
    }

    @Override
    public SessionState state() {
        return state;
    }

    void state(SessionState next) {
        state = next;
    }

    String closeReason() {
        return closeReason;
    }

    void closeReason(String reason) {
        closeReason = reason;
    }

    String peer() {
        return peer;
    }

    String peerName() {
        return peerName;
    }

    String invitationId() {
        return invitationId;
    }

    String expertName() {
        return role == Role.EXPERT ? localName : peerName;
    }

    String noviceName() {
        return role == Role.NOVICE ? localName : peerName;
    }

    Instant since() {
        return since;
    }

    Connection connection() {
        return connection;
    }

    /** "alice@127.0.0.1:40112": who is on the other end, as people read it. */
    String who() {
        return peerName + "@" + peer;
    }

    @Override
    public SessionInfo info() {
        return new SessionInfo(id, role, peer, peerName, invitationId, state, lowBandwidth, connection.bytesIn(),
                connection.bytesOut(), since, closeReason);
    }

    @Override
    public boolean send(WireChannel channel, byte[] payload) {
        if (channel == null || channel == WireChannel.CONTROL || payload == null) return false;
        SessionState now = state;
        if (!now.isShared()) return false;
        if (channel == WireChannel.INPUT && now != SessionState.IN_CONTROL) return false;
        if (payload.length > Connection.MAX_PAYLOAD) return false;
        return connection.send(channel, payload);
    }

    boolean sendControl(ControlMessage message) {
        return connection.send(WireChannel.CONTROL, message.encode());
    }

    @Override
    public long roundTripMillis() {
        return connection.roundTripMillis();
    }

    @Override
    public long pendingBytes() {
        return connection.pendingBytes();
    }

    @Override
    public String toString() {
        return "session " + id + " (" + role + ", " + state + ")";
    }
}

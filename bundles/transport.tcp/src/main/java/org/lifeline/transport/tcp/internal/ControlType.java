package org.lifeline.transport.tcp.internal;

/**
 * The transport's reserved message types on the CONTROL channel, carried in the frame's flags byte. Type
 * {@link #APPLICATION} (flags 0) is everything the session sends on CONTROL and goes to the receiver untouched;
 * the others are the handshake (DESIGN §5), keep-alive and goodbye, and never reach the receiver. Keeping them in
 * the flags byte leaves the CONTROL payload format entirely to the session bundle.
 */
enum ControlType {
    APPLICATION(0),
    /** expert → novice: protocol version, invitation id, expert name, low-bandwidth wish */
    HELLO(1),
    /** novice → expert: SRP salt and B */
    CHALLENGE(2),
    /** expert → novice: SRP A and the expert's key confirmation */
    PROOF(3),
    /** novice → expert: the novice's key confirmation; the connection is authenticated after it */
    CONFIRM(4),
    /** novice → expert: why the novice will not go on; the last thing sent before closing */
    REFUSAL(5),
    PING(6),
    PONG(7),
    /** either side: the reason the connection is being closed, for the other side's person */
    BYE(8);

    private final int code;

    ControlType(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** @return the type, or {@code null} for a code nobody defined */
    static ControlType of(int code) {
        for (ControlType t : values()) {
            if (t.code == code) return t;
        }
        return null;
    }
}

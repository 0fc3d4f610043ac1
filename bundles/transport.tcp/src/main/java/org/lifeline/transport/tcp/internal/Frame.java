package org.lifeline.transport.tcp.internal;

import org.lifeline.api.transport.WireChannel;

/**
 * One frame of DESIGN §6: {@code [channel u8][flags u8][length u32][payload]}. The payload is a plain array so
 * that nothing reference-counted travels past the frame decoder.
 *
 * @param type on {@link WireChannel#CONTROL} the transport's own message type (see {@link ControlType}); zero on
 *        every other channel
 */
record Frame(WireChannel channel, int type, byte[] payload) {
    static final int HEADER_BYTES = 6;

    static Frame control(ControlType type, byte[] payload) {
        return new Frame(WireChannel.CONTROL, type.code(), payload);
    }

    int wireSize() {
        return HEADER_BYTES + payload.length;
    }
}

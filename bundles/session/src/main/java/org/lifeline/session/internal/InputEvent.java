package org.lifeline.session.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lifeline.api.input.InputSink;

/**
 * One expert input event on {@code WireChannel.INPUT}. A frame is a sequence of events, each
 * {@code [type u8]} followed by a fixed-size body, so typed text travels in few frames:
 * pointer {@code [x i32][y i32][buttons u8]}, wheel {@code [dx i16][dy i16]}, key {@code [keysym i32][down u8]}.
 */
sealed interface InputEvent {
    int POINTER = 1;
    int WHEEL = 2;
    int KEY = 3;
    int POINTER_BYTES = 1 + 4 + 4 + 1;
    int WHEEL_BYTES = 1 + 2 + 2;
    int KEY_BYTES = 1 + 4 + 1;
    /** Largest input frame; 400 key events, far more than a person types between two frames. */
    int MAX_FRAME_BYTES = 4096;
    /** Pointer coordinates beyond this are nonsense for any desktop (FrameBuffer allows 8192 x 8192). */
    int MAX_COORDINATE = 32767;
    /** Bits 0..2: left, middle, right, as {@link InputSink#pointer} defines them. */
    int MAX_BUTTON_MASK = 0b111;
    int MAX_WHEEL_NOTCHES = 100;
    /** X keysyms are 29-bit values. */
    int MAX_KEYSYM = 0x1fffffff;

    int size();

    void write(ByteBuffer out);

    void applyTo(InputSink sink);

    record Pointer(int x, int y, int buttonMask) implements InputEvent {
        public Pointer {
            check(Math.abs(x) <= MAX_COORDINATE && Math.abs(y) <= MAX_COORDINATE, "pointer position out of range");
            check(buttonMask >= 0 && buttonMask <= MAX_BUTTON_MASK, "button mask out of range");
        }

        @Override
        public int size() {
            return POINTER_BYTES;
        }

        @Override
        public void write(ByteBuffer out) {
            out.put((byte) POINTER).putInt(x).putInt(y).put((byte) buttonMask);
        }

        @Override
        public void applyTo(InputSink sink) {
            sink.pointer(x, y, buttonMask);
        }
    }

    record Wheel(int dx, int dy) implements InputEvent {
        public Wheel {
            check(Math.abs(dx) <= MAX_WHEEL_NOTCHES && Math.abs(dy) <= MAX_WHEEL_NOTCHES, "wheel step out of range");
        }

        @Override
        public int size() {
            return WHEEL_BYTES;
        }

        @Override
        public void write(ByteBuffer out) {
            out.put((byte) WHEEL).putShort((short) dx).putShort((short) dy);
        }

        @Override
        public void applyTo(InputSink sink) {
            sink.wheel(dx, dy);
        }
    }

    record Key(int keysym, boolean down) implements InputEvent {
        public Key {
            check(keysym > 0 && keysym <= MAX_KEYSYM, "keysym out of range");
        }

        @Override
        public int size() {
            return KEY_BYTES;
        }

        @Override
        public void write(ByteBuffer out) {
            out.put((byte) KEY).putInt(keysym).put((byte) (down ? 1 : 0));
        }

        @Override
        public void applyTo(InputSink sink) {
            sink.key(keysym, down);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) throw new IllegalArgumentException(what);
    }

    /** Packs events into as few frames as fit {@link #MAX_FRAME_BYTES}, keeping their order. */
    static List<byte[]> encode(List<? extends InputEvent> events) {
        List<byte[]> frames = new ArrayList<>();
        ByteBuffer frame = ByteBuffer.allocate(MAX_FRAME_BYTES);
        for (InputEvent e : events) {
            if (frame.remaining() < e.size()) {
                frames.add(finish(frame));
                frame.clear();
            }
            e.write(frame);
        }
        if (frame.position() > 0) frames.add(finish(frame));
        return frames;
    }

    private static byte[] finish(ByteBuffer frame) {
        byte[] bytes = new byte[frame.position()];
        frame.flip().get(bytes);
        return bytes;
    }

    static List<InputEvent> decode(byte[] frame) throws MalformedFrameException {
        if (frame == null || frame.length == 0) throw new MalformedFrameException("empty input frame");
        if (frame.length > MAX_FRAME_BYTES) {
            throw new MalformedFrameException("input frame of " + frame.length + " bytes exceeds "
                    + MAX_FRAME_BYTES);
        }
        ByteBuffer in = ByteBuffer.wrap(frame);
        List<InputEvent> events = new ArrayList<>();
        try {
            while (in.hasRemaining()) {
                int type = in.get() & 0xff;
                switch (type) {
                    case POINTER -> {
                        need(in, POINTER_BYTES - 1);
                        events.add(new Pointer(in.getInt(), in.getInt(), in.get() & 0xff));
                    }
                    case WHEEL -> {
                        need(in, WHEEL_BYTES - 1);
                        events.add(new Wheel(in.getShort(), in.getShort()));
                    }
                    case KEY -> {
                        need(in, KEY_BYTES - 1);
                        int keysym = in.getInt();
                        int down = in.get() & 0xff;
                        if (down > 1) throw new IllegalArgumentException("key state " + down);
                        events.add(new Key(keysym, down == 1));
                    }
                    default -> throw new IllegalArgumentException("unknown input event type " + type);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("bad input frame: " + e.getMessage());
        }
        return events;
    }

    private static void need(ByteBuffer in, int bytes) {
        if (in.remaining() < bytes) throw new IllegalArgumentException("truncated event");
    }
}

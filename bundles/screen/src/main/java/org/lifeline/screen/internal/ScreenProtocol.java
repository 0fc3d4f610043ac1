package org.lifeline.screen.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.Quality;
import org.lifeline.api.transport.Connection;

/**
 * The messages of the SCREEN and CURSOR wire channels. Every field is bounded by a named limit and every
 * parse failure is a {@link ScreenProtocolException} (never another exception), so a malformed frame can only
 * make the expert ask for a full frame.
 *
 * <pre>
 * SCREEN, expert to novice
 *   REQUEST  [0x01][flags u8][want u32][ack u32]      want: number of the update asked for; ack: last applied;
 *                                                     flags: 1 reset (full frame), 2 first request of a new view
 *   QUALITY  [0x02][quality u8]                       Quality.ordinal()
 * SCREEN, novice to expert
 *   UPDATE   [0x10][seq u32][epoch u32][total u32][offset u32][idLen u8][codec id][chunk bytes...]
 *   STATS    [0x11][colour depth u8][lossy u8][idLen u8][codec id][textLen u16][codec statistics, UTF-8]
 *   RESTART  [0x12]                                   a new sharer: requests sent before it are lost
 * CURSOR, novice to expert
 *   CURSOR   [0x20][x i32][y i32][serial i64][hasShape u8]
 *            ([hotX u16][hotY u16][width u16][height u16][width*height ARGB i32])  when hasShape is 1
 * </pre>
 *
 * A new epoch starts at a random number, so the streams of two sharers (one restarted live) never look alike.
 * An update larger than {@link #MAX_CHUNK_BYTES} travels as several UPDATE frames with growing offsets, so input
 * and chat (higher priority channels) overtake it between chunks. The epoch changes whenever the novice starts a
 * new encoder stream (new codec, reset after an error, new capture): the expert then makes a new decoder.
 */
final class ScreenProtocol {
    static final byte REQUEST = 0x01;
    static final byte QUALITY = 0x02;
    static final byte UPDATE = 0x10;
    static final byte STATS = 0x11;
    static final byte RESTART = 0x12;
    static final byte CURSOR = 0x20;

    /** REQUEST flag: the expert lost the stream; start a new one with a full frame. */
    static final int FLAG_RESET = 0x01;
    /** REQUEST flag: the first request of a new expert view (its screen bundle started anew). */
    static final int FLAG_NEW_VIEW = 0x02;

    /** Payload bytes of one UPDATE frame; small so that input and chat frames overtake a big update quickly. */
    static final int MAX_CHUNK_BYTES = 32 * 1024;
    /** The chunk size of the low-bandwidth profile: about half a second of a 56 kbit/s line. */
    static final int LOW_BANDWIDTH_CHUNK_BYTES = 4 * 1024;
    /** Largest encoded update (after codec compression) either side accepts. */
    static final int MAX_UPDATE_BYTES = 64 * 1024 * 1024;
    static final int MAX_CODEC_ID_BYTES = 32;
    static final int MAX_STATS_TEXT_BYTES = 1024;
    /** Larger cursor shapes are not sent (X cursors are at most 64x64 in practice). */
    static final int MAX_CURSOR_SIDE = 256;

    private static final int UPDATE_HEADER_BYTES = 1 + 4 * 4 + 1;

    static {
        assert MAX_CHUNK_BYTES + UPDATE_HEADER_BYTES + MAX_CODEC_ID_BYTES < Connection.MAX_PAYLOAD;
    }

    private ScreenProtocol() {
    }

    /**
     * @param reset the expert lost the stream: start a new one with a full frame
     * @param newView the first request of a new expert view: the sharer forgets earlier numbers
     */
    record Request(int want, int ack, boolean reset, boolean newView) {
        Request(int want, int ack, boolean reset) {
            this(want, ack, reset, false);
        }
    }

    /** One chunk of an update. */
    record UpdateChunk(int seq, int epoch, int total, int offset, String codecId, byte[] data) {
    }

    record Stats(int colourDepth, int lossyQuality, String codecId, String text) {
    }

    static byte[] request(Request r) {
        int flags = (r.reset() ? FLAG_RESET : 0) | (r.newView() ? FLAG_NEW_VIEW : 0);
        return ByteBuffer.allocate(10).put(REQUEST).put((byte) flags).putInt(r.want()).putInt(r.ack()).array();
    }

    static byte[] restart() {
        return new byte[] {RESTART};
    }

    static void parseRestart(byte[] p) throws ScreenProtocolException {
        expect(p, RESTART, 1);
    }

    static byte[] quality(Quality q) {
        return new byte[] {QUALITY, (byte) q.ordinal()};
    }

    static byte[] updateChunk(int seq, int epoch, String codecId, byte[] update, int offset) {
        return updateChunk(seq, epoch, codecId, update, offset, MAX_CHUNK_BYTES);
    }

    /** The UPDATE frame for {@code update[offset ..]}, at most {@code chunkBytes} (up to the maximum) of it. */
    static byte[] updateChunk(int seq, int epoch, String codecId, byte[] update, int offset, int chunkBytes) {
        byte[] id = codecId(codecId);
        int length = Math.min(Math.min(chunkBytes, MAX_CHUNK_BYTES), update.length - offset);
        return ByteBuffer.allocate(UPDATE_HEADER_BYTES + id.length + length).put(UPDATE).putInt(seq).putInt(epoch)
                .putInt(update.length).putInt(offset).put((byte) id.length).put(id).put(update, offset, length)
                .array();
    }

    static byte[] stats(Stats s) {
        byte[] id = codecId(s.codecId());
        byte[] text = truncatedUtf8(s.text(), MAX_STATS_TEXT_BYTES);
        return ByteBuffer.allocate(1 + 2 + 1 + id.length + 2 + text.length).put(STATS).put((byte) s.colourDepth())
                .put((byte) s.lossyQuality()).put((byte) id.length).put(id).putShort((short) text.length).put(text)
                .array();
    }

    /** A cursor message; the shape is included only when {@code withShape} and it is within the limits. */
    static byte[] cursor(Cursor c, boolean withShape) {
        boolean shape = withShape && hasSendableShape(c);
        int size = 1 + 4 + 4 + 8 + 1 + (shape ? 8 + 4 * c.width() * c.height() : 0);
        ByteBuffer b = ByteBuffer.allocate(size).put(CURSOR).putInt(c.x()).putInt(c.y()).putLong(c.serial())
                .put((byte) (shape ? 1 : 0));
        if (shape) {
            b.putShort((short) c.hotX()).putShort((short) c.hotY()).putShort((short) c.width())
                    .putShort((short) c.height());
            b.asIntBuffer().put(c.shape(), 0, c.width() * c.height());
        }
        return b.array();
    }

    static boolean hasSendableShape(Cursor c) {
        return c.shape() != null && c.width() > 0 && c.height() > 0 && c.width() <= MAX_CURSOR_SIDE
                && c.height() <= MAX_CURSOR_SIDE && c.shape().length >= c.width() * c.height()
                && c.hotX() >= 0 && c.hotY() >= 0 && c.hotX() < 65536 && c.hotY() < 65536;
    }

    static byte type(byte[] payload) throws ScreenProtocolException {
        if (payload == null || payload.length == 0) throw new ScreenProtocolException("empty message");
        return payload[0];
    }

    static Request parseRequest(byte[] p) throws ScreenProtocolException {
        ByteBuffer b = expect(p, REQUEST, 10);
        try {
            int flags = b.get() & 0xff;
            int want = b.getInt();
            int ack = b.getInt();
            if (want <= 0 || ack < 0 || ack >= want) {
                throw new ScreenProtocolException("request numbers out of range (want " + want + ", ack " + ack + ")");
            }
            return new Request(want, ack, (flags & FLAG_RESET) != 0, (flags & FLAG_NEW_VIEW) != 0);
        } catch (BufferUnderflowException e) {
            throw truncated("request");
        }
    }

    static Quality parseQuality(byte[] p) throws ScreenProtocolException {
        ByteBuffer b = expect(p, QUALITY, 2);
        int q = b.get() & 0xff;
        if (q >= Quality.values().length) throw new ScreenProtocolException("unknown quality " + q);
        return Quality.values()[q];
    }

    static UpdateChunk parseUpdateChunk(byte[] p) throws ScreenProtocolException {
        ByteBuffer b = expect(p, UPDATE, UPDATE_HEADER_BYTES);
        try {
            int seq = b.getInt();
            int epoch = b.getInt();
            int total = b.getInt();
            int offset = b.getInt();
            String codecId = readCodecId(b);
            int length = b.remaining();
            if (seq <= 0) throw new ScreenProtocolException("update number out of range: " + seq);
            if (total <= 0 || total > MAX_UPDATE_BYTES) {
                throw new ScreenProtocolException("update size " + total + " outside 1.." + MAX_UPDATE_BYTES);
            }
            if (length == 0 || length > MAX_CHUNK_BYTES) {
                throw new ScreenProtocolException("chunk size " + length + " outside 1.." + MAX_CHUNK_BYTES);
            }
            if (offset < 0 || (long) offset + length > total) {
                throw new ScreenProtocolException("chunk at " + offset + "+" + length + " beyond update size " + total);
            }
            byte[] data = new byte[length];
            b.get(data);
            return new UpdateChunk(seq, epoch, total, offset, codecId, data);
        } catch (BufferUnderflowException e) {
            throw truncated("update");
        }
    }

    static Stats parseStats(byte[] p) throws ScreenProtocolException {
        ByteBuffer b = expect(p, STATS, 6);
        try {
            int depth = b.get() & 0xff;
            int lossy = b.get() & 0xff;
            String codecId = readCodecId(b);
            int length = b.getShort() & 0xffff;
            if (length > MAX_STATS_TEXT_BYTES || length != b.remaining()) {
                throw new ScreenProtocolException("codec statistics length " + length + " does not fit the message");
            }
            byte[] text = new byte[length];
            b.get(text);
            return new Stats(depth, lossy, codecId, new String(text, StandardCharsets.UTF_8));
        } catch (BufferUnderflowException e) {
            throw truncated("statistics");
        }
    }

    static Cursor parseCursor(byte[] p) throws ScreenProtocolException {
        ByteBuffer b = expect(p, CURSOR, 18);
        try {
            int x = b.getInt();
            int y = b.getInt();
            long serial = b.getLong();
            int hasShape = b.get();
            if (hasShape != 0 && hasShape != 1) throw new ScreenProtocolException("cursor shape flag " + hasShape);
            if (hasShape == 0) {
                if (b.hasRemaining()) throw new ScreenProtocolException("cursor message too long");
                return new Cursor(x, y, 0, 0, 0, 0, null, serial);
            }
            int hotX = b.getShort() & 0xffff;
            int hotY = b.getShort() & 0xffff;
            int w = b.getShort() & 0xffff;
            int h = b.getShort() & 0xffff;
            if (w == 0 || h == 0 || w > MAX_CURSOR_SIDE || h > MAX_CURSOR_SIDE) {
                throw new ScreenProtocolException("cursor shape " + w + "x" + h + " outside 1.." + MAX_CURSOR_SIDE);
            }
            if (b.remaining() != 4 * w * h) throw new ScreenProtocolException("cursor shape length does not match");
            int[] shape = new int[w * h];
            b.asIntBuffer().get(shape);
            return new Cursor(x, y, hotX, hotY, w, h, shape, serial);
        } catch (BufferUnderflowException e) {
            throw truncated("cursor");
        }
    }

    private static ByteBuffer expect(byte[] p, byte type, int minLength) throws ScreenProtocolException {
        if (type(p) != type) throw new ScreenProtocolException("unexpected message type " + p[0]);
        if (p.length < minLength) throw truncated("message");
        if (type == REQUEST || type == QUALITY || type == RESTART) {
            if (p.length != minLength) throw new ScreenProtocolException("message of type " + type + " too long");
        }
        ByteBuffer b = ByteBuffer.wrap(p);
        b.get();
        return b;
    }

    private static String readCodecId(ByteBuffer b) throws ScreenProtocolException {
        int length = b.get() & 0xff;
        if (length == 0 || length > MAX_CODEC_ID_BYTES) {
            throw new ScreenProtocolException("codec id length " + length + " outside 1.." + MAX_CODEC_ID_BYTES);
        }
        byte[] id = new byte[length];
        b.get(id);
        for (byte c : id) {
            if (c < 0x21 || c > 0x7e) throw new ScreenProtocolException("codec id is not printable ASCII");
        }
        return new String(id, StandardCharsets.US_ASCII);
    }

    private static byte[] codecId(String id) {
        byte[] b = id.getBytes(StandardCharsets.US_ASCII);
        if (b.length == 0 || b.length > MAX_CODEC_ID_BYTES) {
            throw new IllegalArgumentException("codec id must be 1.." + MAX_CODEC_ID_BYTES + " ASCII characters: " + id);
        }
        return b;
    }

    /** UTF-8 of {@code s}, cut at a character boundary so it fits {@code max} bytes. */
    static byte[] truncatedUtf8(String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= max) return b;
        int end = max;
        while (end > 0 && (b[end] & 0xc0) == 0x80) end--;
        byte[] cut = new byte[end];
        System.arraycopy(b, 0, cut, 0, end);
        return cut;
    }

    private static ScreenProtocolException truncated(String what) {
        return new ScreenProtocolException(what + " truncated");
    }
}

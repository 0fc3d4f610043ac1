package org.lifeline.codec.tile.internal;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.lifeline.api.screen.CodecException;

/**
 * Reads an update body out of the decoder's persistent inflater, inflating only as much as the parser
 * consumes and never more than {@code budget} bytes in total, so a deflate bomb costs at most the budget in
 * time and this object's fixed buffer in memory.
 */
final class InflatingReader {
    private static final int BUFFER_BYTES = 16 * 1024;
    /** Inflate calls that make no progress before the input is judged broken. */
    private static final int MAX_IDLE_INFLATES = 4;

    private final Inflater inflater;
    private final byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int lim;
    private long inflated;
    private long budget;

    InflatingReader(Inflater inflater) {
        this.inflater = inflater;
    }

    void start(byte[] input, int off, int len, long budget) {
        inflater.setInput(input, off, len);
        this.budget = budget;
        pos = 0;
        lim = 0;
        inflated = 0;
    }

    private void fill() {
        int idle = 0;
        while (true) {
            long room = Math.min(buf.length, budget - inflated);
            if (room <= 0) throw TileFormat.malformed("body larger than its tiles allow");
            int n;
            try {
                n = inflater.inflate(buf, 0, (int) room);
            } catch (DataFormatException e) {
                throw TileFormat.malformed("corrupt compressed data");
            }
            if (n > 0) {
                pos = 0;
                lim = n;
                inflated += n;
                return;
            }
            if (inflater.finished() || inflater.needsDictionary()) throw TileFormat.malformed("compressed stream ended");
            if (inflater.needsInput()) throw TileFormat.malformed("truncated");
            if (++idle > MAX_IDLE_INFLATES) throw TileFormat.malformed("compressed data makes no progress");
        }
    }

    int u8() {
        if (pos == lim) fill();
        return buf[pos++] & 0xFF;
    }

    int varint(int max) {
        int v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = u8();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (v < 0 || v > max) throw TileFormat.malformed("number out of range");
                return v;
            }
        }
        throw TileFormat.malformed("number too long");
    }

    void read(byte[] dst, int off, int n) {
        while (n > 0) {
            if (pos == lim) fill();
            int k = Math.min(n, lim - pos);
            System.arraycopy(buf, pos, dst, off, k);
            pos += k;
            off += k;
            n -= k;
        }
    }

    int pixel(int depth) {
        return switch (depth) {
            case 24 -> (u8() << 16) | (u8() << 8) | u8();
            case 16 -> TileFormat.expand565((u8() << 8) | u8());
            default -> TileFormat.expand332(u8());
        };
    }

    /** The body must end exactly where the parser stopped: no bytes left, all input used. */
    void finish() throws CodecException {
        if (pos != lim) throw TileFormat.malformed("trailing data");
        try {
            if (inflater.inflate(buf, 0, 1) != 0) throw TileFormat.malformed("trailing data");
        } catch (DataFormatException e) {
            throw TileFormat.malformed("corrupt compressed data");
        }
        if (inflater.getRemaining() != 0 || inflater.finished()) throw TileFormat.malformed("trailing data");
    }
}

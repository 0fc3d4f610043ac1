package org.lifeline.codec.tile.internal;

import java.util.Arrays;

/** A reusable growable byte buffer for building update bodies without per-update allocation. */
final class ByteSink {
    byte[] buf;
    int len;

    ByteSink(int capacity) {
        buf = new byte[capacity];
    }

    void reset() {
        len = 0;
    }

    void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    void u8(int v) {
        ensure(1);
        buf[len++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >> 8);
        buf[len++] = (byte) v;
    }

    void varint(int v) {
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    void bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    /** Writes an already quantized colour in the wire format of {@code depth}. */
    void pixel(int rgb, int depth) {
        ensure(3);
        switch (depth) {
            case 24 -> {
                buf[len++] = (byte) (rgb >> 16);
                buf[len++] = (byte) (rgb >> 8);
                buf[len++] = (byte) rgb;
            }
            case 16 -> {
                int v = TileFormat.pack565(rgb);
                buf[len++] = (byte) (v >> 8);
                buf[len++] = (byte) v;
            }
            default -> buf[len++] = (byte) TileFormat.pack332(rgb);
        }
    }

    byte[] toArray() {
        return Arrays.copyOf(buf, len);
    }
}

package org.lifeline.codec.tile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lifeline.api.screen.CodecException;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameEncoder;

class TileDecoderFuzzTest {
    private static final int W = 150;
    private static final int H = 100;

    /** A valid first update and a valid delta after it (copies, palettes, raw and JPEG tiles). */
    private static byte[][] validPair(long seed) {
        Random random = new Random(seed);
        FrameEncoder encoder = new TileCodec().newEncoder(random.nextBoolean() ? EncoderSettings.LOSSLESS
                : new EncoderSettings(random.nextBoolean() ? 16 : 8, random.nextInt(2) * 50));
        BufferedImage img = Edits.start(W, H, random);
        byte[] first = encoder.encode(Screens.frame(img), null);
        byte[] delta = null;
        while (delta == null) {
            Edits.apply(img, random);
            delta = encoder.encode(Screens.frame(img), null);
        }
        return new byte[][] {first, delta};
    }

    /** Decoding may succeed or throw CodecException; nothing else, and a rejection changes nothing. */
    private static void decodeMutated(byte[] prefix, byte[] mutated) {
        TileDecoder decoder = new TileDecoder();
        if (prefix != null) decoder.decode(prefix);
        FrameBuffer before = decoder.frame() == null ? null : decoder.frame().copy();
        try {
            decoder.decode(mutated);
            assertThat(decoder.frame()).isNotNull();
            assertThat(decoder.frame().pixels()).hasSize(decoder.frame().width() * decoder.frame().height());
        } catch (CodecException e) {
            if (before == null) {
                assertThat(decoder.frame()).isNull();
            } else {
                Screens.assertSamePixels(before, decoder.frame());
            }
        }
    }

    @Property(tries = 300)
    void flippedBytesAreRejectedOrDecodedNeverCrash(@ForAll long seed, @ForAll boolean inDelta,
            @ForAll @IntRange(min = 1, max = 8) int flips) {
        byte[][] pair = validPair(seed);
        Random random = new Random(~seed);
        byte[] target = (inDelta ? pair[1] : pair[0]).clone();
        for (int i = 0; i < flips; i++) target[random.nextInt(target.length)] ^= (byte) (1 + random.nextInt(255));
        decodeMutated(inDelta ? pair[0] : null, target);
    }

    @Property(tries = 150)
    void truncatedUpdatesAreRejected(@ForAll long seed, @ForAll boolean inDelta) {
        byte[][] pair = validPair(seed);
        byte[] target = inDelta ? pair[1] : pair[0];
        int cut = new Random(seed).nextInt(target.length);
        TileDecoder decoder = new TileDecoder();
        if (inDelta) decoder.decode(pair[0]);
        FrameBuffer before = decoder.frame() == null ? null : decoder.frame().copy();
        assertThatThrownBy(() -> decoder.decode(Arrays.copyOf(target, cut))).isInstanceOf(CodecException.class);
        if (before != null) Screens.assertSamePixels(before, decoder.frame());
    }

    @Property(tries = 100)
    void hugeHeaderFieldsAreRejected(@ForAll long seed, @ForAll @IntRange(min = 3, max = 9) int field) {
        byte[] first = validPair(seed)[0].clone();
        first[field] = (byte) 0xFF;
        if (field >= 4 && field <= 7) first[field | 1] = (byte) 0xFF;
        decodeMutated(null, first);
    }

    // --- hand-made bodies: every limit the parser enforces -------------------------------------------------

    private static byte[] update(int flags, int width, int height, int depth, int tile, Consumer<ByteSink> body) {
        ByteSink b = new ByteSink(64);
        body.accept(b);
        Deflater deflater = new Deflater();
        deflater.setInput(b.buf, 0, b.len);
        byte[] z = new byte[b.len + 1024];
        int n = 0;
        while (true) {
            int k = deflater.deflate(z, n, z.length - n, Deflater.SYNC_FLUSH);
            n += k;
            if (n < z.length) break;
            z = Arrays.copyOf(z, z.length * 2);
        }
        ByteSink u = new ByteSink(n + 10);
        u.u16(TileFormat.MAGIC);
        u.u8(TileFormat.VERSION);
        u.u8(flags);
        u.u16(width);
        u.u16(height);
        u.u8(depth);
        u.u8(tile);
        u.bytes(z, 0, n);
        return u.toArray();
    }

    private static byte[] fullFrame(Consumer<ByteSink> body) {
        return update(TileFormat.FLAG_FULL | TileFormat.FLAG_RESET, 64, 64, 24, 64, body);
    }

    private static void rejected(byte[] update) {
        TileDecoder decoder = new TileDecoder();
        assertThatThrownBy(() -> decoder.decode(update)).isInstanceOf(CodecException.class);
        assertThat(decoder.frame()).isNull();
    }

    @Test
    void handMadeSolidFrameIsAccepted() {
        TileDecoder decoder = new TileDecoder();
        decoder.decode(fullFrame(b -> {
            b.varint(0);
            b.varint(1);
            b.varint(0);
            b.bytes(new byte[] {TileFormat.SOLID, 0, 0, 63, 63, 1, 2, 3}, 0, 8);
        }));
        assertThat(decoder.frame().pixels()).containsOnly(0x010203);
    }

    @Test
    void hugeCountsAndLengthsAreRejected() {
        rejected(fullFrame(b -> b.varint(Integer.MAX_VALUE)));
        rejected(fullFrame(b -> {
            b.varint(0);
            b.varint(Integer.MAX_VALUE);
        }));
        rejected(fullFrame(b -> {
            b.varint(0);
            b.varint(1);
            b.varint(5);
        }));
        rejected(fullFrame(b -> {
            b.varint(0);
            b.varint(1);
            b.varint(0);
            b.bytes(new byte[] {TileFormat.JPEG, 0, 0, 63, 63}, 0, 5);
            b.varint(Integer.MAX_VALUE);
        }));
        rejected(update(TileFormat.FLAG_FULL | TileFormat.FLAG_RESET, 0xFFFF, 0xFFFF, 24, 64, b -> b.varint(0)));
        rejected(update(TileFormat.FLAG_FULL | TileFormat.FLAG_RESET, 64, 64, 32, 64, b -> b.varint(0)));
        rejected(update(TileFormat.FLAG_FULL | TileFormat.FLAG_RESET, 64, 64, 24, 128, b -> b.varint(0)));
    }

    @Test
    void rectanglesOutsideTheirTileAndBadPaletteIndicesAreRejected() {
        rejected(fullFrame(b -> {
            b.varint(0);
            b.varint(1);
            b.varint(0);
            b.bytes(new byte[] {TileFormat.SOLID, 1, 0, 63, 63, 1, 2, 3}, 0, 8);
        }));
        rejected(fullFrame(b -> {
            b.varint(0);
            b.varint(1);
            b.varint(0);
            b.bytes(new byte[] {TileFormat.PACKED, 0, 0, 63, 63, 2, 1, 1, 1, 2, 2, 2, 3, 3, 3}, 0, 15);
            // three colours: 2-bit indices, 16 bytes a row; index 3 in the last byte has no colour
            b.bytes(new byte[64 * 16], 0, 64 * 16 - 1);
            b.u8(0x03);
        }));
        rejected(fullFrame(b -> {
            b.varint(0);
            b.varint(1);
            b.varint(0);
            b.bytes(new byte[] {9, 0, 0, 63, 63}, 0, 5);
        }));
    }

    @Test
    void copiesOutsideTheFrameAreRejectedAndLeaveThePictureAlone() {
        TileDecoder decoder = new TileDecoder();
        decoder.decode(fullFrame(b -> {
            b.varint(0);
            b.varint(1);
            b.varint(0);
            b.bytes(new byte[] {TileFormat.SOLID, 0, 0, 63, 63, 1, 2, 3}, 0, 8);
        }));
        // dst, size, zigzag source offset: the target sticks out on the right; the source lies left of the frame
        for (int[] copy : new int[][] {{10, 10, 60, 10, 19, 19}, {0, 0, 10, 10, 9, 0}}) {
            byte[] bad = update(TileFormat.FLAG_RESET, 64, 64, 24, 64, b -> {
                b.varint(1);
                for (int v : copy) b.varint(v);
                b.varint(0);
            });
            assertThatThrownBy(() -> decoder.decode(bad)).isInstanceOf(CodecException.class);
            assertThat(decoder.frame().pixels()).containsOnly(0x010203);
        }
    }

    @Test
    void jpegWhoseHeaderDisagreesWithItsRectangleIsRejected() {
        int[] px = new int[64 * 64];
        new Random(1).ints(px.length, 0, 0x1000000).toArray();
        byte[] jpeg = new JpegTiles().encode(px, 64, 64, 50, 1 << 20);
        // patch the SOF0 frame size to 65000 x 65000: no raster of that size may ever be allocated
        byte[] huge = jpeg.clone();
        for (int i = 0; i + 8 < huge.length; i++) {
            if ((huge[i] & 0xFF) == 0xFF && (huge[i + 1] & 0xFF) == 0xC0) {
                huge[i + 5] = (byte) 0xFD;
                huge[i + 6] = (byte) 0xE8;
                huge[i + 7] = (byte) 0xFD;
                huge[i + 8] = (byte) 0xE8;
                break;
            }
        }
        for (byte[] j : new byte[][] {huge, Arrays.copyOf(jpeg, jpeg.length / 2)}) {
            rejected(update(TileFormat.FLAG_FULL | TileFormat.FLAG_RESET, 32, 32, 24, 32, b -> {
                b.varint(0);
                b.varint(1);
                b.varint(0);
                b.bytes(new byte[] {TileFormat.JPEG, 0, 0, 31, 31}, 0, 5);
                b.varint(j.length);
                b.bytes(j, 0, j.length);
            }));
        }
    }

    @Test
    void deltaBeforeAnyFrameAndTrailingDataAreRejected() {
        rejected(update(TileFormat.FLAG_RESET, 64, 64, 24, 64, b -> {
            b.varint(0);
            b.varint(0);
        }));
        rejected(fullFrame(b -> {
            b.varint(0);
            b.varint(1);
            b.varint(0);
            b.bytes(new byte[] {TileFormat.SOLID, 0, 0, 63, 63, 1, 2, 3, 4}, 0, 9);
        }));
    }

    @Test
    void deflateBombIsRejectedWithoutInflatingIt() {
        // 200 MB of zeros after a plausible tile: about 200 kB on the wire
        byte[] bomb = fullFrame(b -> {
            b.varint(0);
            b.varint(1);
            b.varint(0);
            b.bytes(new byte[] {TileFormat.SOLID, 0, 0, 63, 63, 1, 2, 3}, 0, 8);
            b.bytes(new byte[200 << 20], 0, 200 << 20);
        });
        assertThat(bomb.length).isLessThan(1 << 20);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        rejected(bomb);
        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(4 << 20);
    }
}

package org.lifeline.codec.tile.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lifeline.api.screen.CodecException;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameDecoder;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.api.screen.Rect;

class TileCodecTest extends LinkedCodec {
    private void assertSamePicture(FrameBuffer expected) {
        Screens.assertSamePixels(expected, decoder.frame());
    }

    @Test
    void firstUpdateIsTheWholeFrameAndDecodesExactly() {
        FrameBuffer frame = Screens.frame(Screens.desktop(640, 400, 1));
        byte[] update = send(frame, List.of());
        assertThat(update).isNotNull();
        assertThat(update[3] & (TileFormat.FLAG_FULL | TileFormat.FLAG_RESET))
                .isEqualTo(TileFormat.FLAG_FULL | TileFormat.FLAG_RESET);
        assertSamePicture(frame);
    }

    @Test
    void unchangedFrameAndEmptyDamageSendNothing() {
        FrameBuffer frame = Screens.frame(Screens.desktop(640, 400, 2));
        send(frame, null);
        assertThat(encoder.encode(frame, null)).isNull();
        assertThat(encoder.encode(frame, List.of())).isNull();
        assertThat(encoder.encode(frame, List.of(new Rect(10, 10, 100, 100)))).isNull();
    }

    @Test
    void typingSendsOnlyTheChangedGlyphs() {
        BufferedImage img = Screens.desktop(640, 400, 3);
        FrameBuffer frame = Screens.frame(img);
        int full = send(frame, null).length;
        Graphics2D g = Screens.graphics(img);
        g.setColor(Color.BLACK);
        g.drawString("ab", 200, 100);
        g.dispose();
        Screens.frame(img, frame);
        byte[] update = send(frame, null);
        assertSamePicture(frame);
        assertThat(update.length).isLessThan(full / 20).isLessThan(300);
    }

    @Test
    void onlyDamagedRectanglesAreLookedAt() {
        BufferedImage img = Screens.desktop(640, 400, 4);
        FrameBuffer frame = Screens.frame(img);
        send(frame, null);
        frame.pixels()[10 * 640 + 10] = 0x123456;
        frame.pixels()[300 * 640 + 500] = 0x654321;
        send(frame, List.of(new Rect(490, 290, 20, 20)));
        assertThat(decoder.frame().pixels()[300 * 640 + 500]).isEqualTo(0x654321);
        assertThat(decoder.frame().pixels()[10 * 640 + 10]).isNotEqualTo(0x123456);
        send(frame, null);
        assertSamePicture(frame);
    }

    @Test
    void scrolledTerminalBecomesACopyAndCostsFarLessThanARepaint() {
        Random random = new Random(5);
        BufferedImage img = Screens.desktop(1280, 800, 5);
        FrameBuffer frame = Screens.frame(img);
        send(frame, null);
        Screens.scroll(img, random, 21, 21, 1280 * 6 / 10 - 2, 800 - 62, Screens.lineHeight());
        Screens.frame(img, frame);
        byte[] scrolled = send(frame, null);
        assertSamePicture(frame);

        FrameEncoder repaint = codec.newEncoder(EncoderSettings.LOSSLESS);
        int fullFrame = repaint.encode(frame, null).length;
        assertThat(encoder.statistics()).containsPattern("copies [1-9]");
        assertThat(scrolled.length).isLessThan(fullFrame / 10);
    }

    @Test
    void contentMovingDownOrSidewaysAlsoBecomesCopies() {
        BufferedImage img = Screens.desktop(1280, 800, 17);
        FrameBuffer frame = Screens.frame(img);
        send(frame, null);
        int[] px = frame.pixels();
        // the terminal's text moves down by two lines (a pager scrolling back), then a block moves right
        int[] old = px.clone();
        for (int y = 60; y < 700; y++) System.arraycopy(old, (y - 30) * 1280 + 21, px, y * 1280 + 21, 700);
        byte[] down = send(frame, null);
        assertSamePicture(frame);
        old = px.clone();
        for (int y = 100; y < 400; y++) System.arraycopy(old, y * 1280 + 100, px, y * 1280 + 140, 400);
        byte[] sideways = send(frame, null);
        assertSamePicture(frame);
        int full = codec.newEncoder(EncoderSettings.LOSSLESS).encode(frame, null).length;
        assertThat(encoder.statistics()).containsPattern("copies [2-9]");
        assertThat(down.length).isLessThan(full / 10);
        assertThat(sideways.length).isLessThan(full / 10);
    }

    @Test
    void movedWindowBecomesACopy() {
        Random random = new Random(6);
        BufferedImage background = Screens.desktop(1280, 800, 6);
        BufferedImage window = Screens.image(500, 300);
        Graphics2D wg = Screens.graphics(window);
        Screens.terminal(wg, random, 0, 0, 500, 300);
        wg.dispose();
        BufferedImage img = Screens.image(1280, 800);
        FrameBuffer frame = null;
        int[] sizes = new int[6];
        for (int step = 0; step < sizes.length; step++) {
            Graphics2D g = img.createGraphics();
            g.drawImage(background, 0, 0, null);
            g.drawImage(window, 700 - step * 12, 420 - step * 6, null);
            g.dispose();
            frame = Screens.frame(img, frame);
            sizes[step] = send(frame, null).length;
            assertSamePicture(frame);
        }
        assertThat(encoder.statistics()).doesNotContain("copies 0");
        // a move re-sends only the strips the window uncovered and its ragged edges
        assertThat(sizes[5]).isLessThan(sizes[0] / 8);
    }

    @Test
    void resetMakesTheNextUpdateAFullFrameThatRestartsTheStream() {
        FrameBuffer frame = Screens.frame(Screens.desktop(320, 200, 7));
        send(frame, null);
        encoder.reset();
        byte[] update = encoder.encode(frame, List.of());
        assertThat(update[3] & TileFormat.FLAG_RESET).isNotZero();
        FrameDecoder fresh = codec.newDecoder();
        fresh.decode(update);
        Screens.assertSamePixels(frame, fresh.frame());
    }

    @Test
    void decoderRefusesDeltasAfterAnErrorUntilTheStreamRestarts() {
        BufferedImage img = Screens.desktop(320, 200, 8);
        FrameBuffer frame = Screens.frame(img);
        send(frame, null);
        FrameBuffer before = decoder.frame().copy();
        assertThatThrownBy(() -> decoder.decode(new byte[] {1, 2, 3})).isInstanceOf(CodecException.class);
        frame.pixels()[5] = 0xFF0000;
        byte[] delta = encoder.encode(frame, null);
        assertThatThrownBy(() -> decoder.decode(delta)).isInstanceOf(CodecException.class);
        Screens.assertSamePixels(before, decoder.frame());
        encoder.reset();
        send(frame, null);
        assertSamePicture(frame);
    }

    @Test
    void frameSizeChangeSendsAFullFrameOfTheNewSize() {
        send(Screens.frame(Screens.desktop(320, 200, 9)), null);
        FrameBuffer bigger = Screens.frame(Screens.desktop(333, 211, 10));
        byte[] update = send(bigger, List.of());
        assertThat(update[3] & TileFormat.FLAG_FULL).isNotZero();
        assertSamePicture(bigger);
    }

    @Test
    void recordedScreensRoundTripExactly() {
        for (String name : List.of("xterm-text.png", "xterm-scrolled.png", "xterm-moved.png")) {
            FrameBuffer frame = Screens.recorded(name);
            send(frame, null);
            assertSamePicture(frame);
        }
        assertThat(encoder.statistics()).doesNotContain("copies 0");
    }

    @Test
    void sixteenBitColourIsWithinRgb565Error() {
        encoder.settings(new EncoderSettings(16, 0));
        FrameBuffer frame = Screens.frame(Screens.desktop(320, 200, 11));
        send(frame, null);
        assertWithin(frame, 8, 4, 8);
    }

    @Test
    void eightBitColourIsWithinRgb332Error() {
        encoder.settings(new EncoderSettings(8, 0));
        BufferedImage img = Screens.desktop(320, 200, 12);
        Screens.photo(img, new Random(12), 100, 50, 120, 100);
        FrameBuffer frame = Screens.frame(img);
        byte[] eight = send(frame, null);
        assertWithin(frame, 32, 32, 64);
        int lossless = codec.newEncoder(EncoderSettings.LOSSLESS).encode(frame, null).length;
        assertThat(eight.length).isLessThan(lossless / 2);
    }

    @Test
    void photographicTilesGoAsJpegInTheLowBandwidthProfile() {
        encoder.settings(EncoderSettings.LOW_BANDWIDTH);
        BufferedImage img = Screens.desktop(640, 400, 13);
        Screens.photo(img, new Random(13), 200, 100, 256, 192);
        FrameBuffer frame = Screens.frame(img);
        byte[] low = send(frame, null);
        assertThat(encoder.statistics()).doesNotContain("jpeg 0");
        // RGB332 error on flat tiles; JPEG error (ringing at the photo's edges) where tiles are photographic
        assertWithin(frame, 128, 128, 128);
        assertThat(meanError(frame)).isLessThan(12.0);
        int lossless = codec.newEncoder(EncoderSettings.LOSSLESS).encode(frame, null).length;
        assertThat(low.length).isLessThan(lossless / 3);
    }

    @Test
    void moreFaithfulSettingsRefreshTheWholePicture() {
        encoder.settings(new EncoderSettings(8, 0));
        FrameBuffer frame = Screens.frame(Screens.desktop(320, 200, 14));
        send(frame, null);
        encoder.settings(EncoderSettings.LOSSLESS);
        // the inexact tiles go again as ordinary tiles, in the same stream, a bounded batch per update
        for (byte[] refresh; (refresh = send(frame, List.of())) != null; ) {
            assertThat(refresh[3] & (TileFormat.FLAG_FULL | TileFormat.FLAG_RESET)).isZero();
        }
        assertSamePicture(frame);
    }

    @Test
    void statisticsCountEncodingsCopiesAndBytes() {
        FrameBuffer frame = Screens.frame(Screens.desktop(320, 200, 15));
        int n = send(frame, null).length;
        assertThat(encoder.statistics()).contains("updates 1 (full 1)").contains("bytes " + n)
                .containsPattern("solid [1-9]").containsPattern("zlib [1-9]");
    }

    private double meanError(FrameBuffer expected) {
        int[] a = expected.pixels(), b = decoder.frame().pixels();
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) sum += Math.abs((a[i] >> shift & 255) - (b[i] >> shift & 255));
        }
        return sum / (3.0 * a.length);
    }

    private void assertWithin(FrameBuffer expected, int maxR, int maxG, int maxB) {
        int[] a = expected.pixels(), b = decoder.frame().pixels();
        for (int i = 0; i < a.length; i++) {
            int dr = Math.abs((a[i] >> 16 & 255) - (b[i] >> 16 & 255));
            int dg = Math.abs((a[i] >> 8 & 255) - (b[i] >> 8 & 255));
            int db = Math.abs((a[i] & 255) - (b[i] & 255));
            if (dr > maxR || dg > maxG || db > maxB) {
                throw new AssertionError("pixel " + i + ": " + Integer.toHexString(a[i]) + " became " + Integer.toHexString(b[i]));
            }
        }
    }
}

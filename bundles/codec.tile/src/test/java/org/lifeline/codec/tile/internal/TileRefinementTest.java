package org.lifeline.codec.tile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameDecoder;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.api.screen.Rect;

/** Settings that become more faithful re-send exactly the tiles that went less faithfully, and nothing else. */
class TileRefinementTest extends LinkedCodec {
    /** Encodes the unchanged frame until the encoder has nothing more to send; returns each update's size. */
    private List<Integer> refineFully(FrameBuffer frame) {
        List<Integer> sizes = new ArrayList<>();
        for (byte[] u; (u = send(frame, List.of())) != null; ) {
            assertThat(u[3] & (TileFormat.FLAG_FULL | TileFormat.FLAG_RESET)).isZero();
            sizes.add(u.length);
            assertThat(sizes).hasSizeLessThan(1000);
        }
        return sizes;
    }

    /** Coloured antialiased text: many colours RGB332 cannot hold. */
    private static Rect colourfulText(BufferedImage img, int x, int y, int w, int h, long seed) {
        Random random = new Random(seed);
        Graphics2D g = Screens.graphics(img);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xFDF6E3));
        g.fillRect(x, y, w, h);
        g.setClip(x, y, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int line = y + 14; line < y + h; line += 16) {
            g.setColor(new Color(0x268BD2 + random.nextInt(0x40) * 0x10101));
            g.drawString(Screens.line(random, w / 6), x + 3, line);
        }
        g.dispose();
        return new Rect(x, y, w, h);
    }

    private static boolean exact(FrameBuffer a, FrameBuffer b) {
        return Arrays.equals(a.pixels(), b.pixels());
    }

    @Test
    void afterLossyUpdatesSwitchingToLosslessMakesTheUnchangedPictureExact() {
        encoder.settings(EncoderSettings.LOW_BANDWIDTH);
        BufferedImage img = Screens.desktop(640, 400, 21);
        Screens.photo(img, new Random(21), 300, 40, 200, 150);
        FrameBuffer frame = Screens.frame(img);
        send(frame, null);
        send(Screens.frame(img, frame), List.of(colourfulText(img, 40, 60, 220, 120, 22)));
        assertThat(exact(frame, decoder.frame())).as("the lossy picture").isFalse();

        encoder.settings(EncoderSettings.LOSSLESS);
        List<Integer> refinements = refineFully(frame);

        assertThat(refinements).isNotEmpty();
        Screens.assertSamePixels(frame, decoder.frame());
        assertThat(encoder.statistics()).containsPattern("refined [1-9][0-9]* tiles in " + refinements.size() + " updates");
    }

    @Test
    void aLargeRefinementIsSpreadOverUpdatesAndChangesGoAlongBetweenThem() {
        encoder.settings(EncoderSettings.LOW_BANDWIDTH);
        BufferedImage img = Screens.image(640, 480);
        colourfulText(img, 0, 0, 640, 480, 30);
        FrameBuffer frame = Screens.frame(img);
        send(frame, null);
        int tiles = 20 * 15;
        int perUpdate = TileEncoder.MAX_REFINE_PIXELS / (32 * 32);

        encoder.settings(EncoderSettings.LOSSLESS);
        send(frame, List.of());
        assertThat(encoder.statistics()).contains("refined " + perUpdate + " tiles in 1 updates");
        Rect typed = colourfulText(img, 600, 440, 40, 40, 31);
        send(Screens.frame(img, frame), List.of(typed));
        List<Integer> rest = refineFully(frame);

        Screens.assertSamePixels(frame, decoder.frame());
        assertThat(rest).hasSize((tiles + perUpdate - 1) / perUpdate - 2);
        assertThat(encoder.statistics()).contains("refined " + tiles + " tiles in ");
    }

    @Test
    void aRefinementSendsOnlyTheTilesThatWentLossyAndCostsFarLessThanAFullFrame() {
        BufferedImage img = Screens.desktop(640, 400, 23);
        FrameBuffer frame = Screens.frame(img);
        int fullFrame = send(frame, null).length;

        encoder.settings(EncoderSettings.LOW_BANDWIDTH);
        Rect typed = colourfulText(img, 64, 64, 128, 64, 24);
        send(Screens.frame(img, frame), List.of(typed));
        assertThat(exact(frame, decoder.frame())).isFalse();
        encoder.settings(EncoderSettings.LOSSLESS);
        byte[] refinement = send(frame, List.of());

        Screens.assertSamePixels(frame, decoder.frame());
        assertThat(send(frame, List.of())).isNull();
        // the text covers 4 x 2 tiles of 32 pixels; nothing else went lossy
        assertThat(encoder.statistics()).contains("refined 8 tiles in 1 updates");
        assertThat(refinement.length).isLessThan(fullFrame / 5);
    }

    @Test
    void lossyContentThatScrolledIsRefinedWhereItLanded() {
        BufferedImage img = Screens.desktop(640, 400, 25);
        FrameBuffer frame = Screens.frame(img);
        send(frame, null);
        encoder.settings(EncoderSettings.LOW_BANDWIDTH);
        send(Screens.frame(img, frame), List.of(colourfulText(img, 20, 200, 384, 160, 26)));
        Random random = new Random(27);
        for (int i = 0; i < 3; i++) {
            Screens.scroll(img, random, 20, 20, 384, 340, 16);
            send(Screens.frame(img, frame), List.of(new Rect(20, 20, 384, 340)));
        }
        assertThat(encoder.statistics()).doesNotContain("copies 0");

        encoder.settings(EncoderSettings.LOSSLESS);
        refineFully(frame);

        Screens.assertSamePixels(frame, decoder.frame());
    }

    @Test
    void goingLossyOrRefiningTwiceSendsNothingForAnUnchangedScreen() {
        encoder.settings(EncoderSettings.LOW_BANDWIDTH);
        BufferedImage img = Screens.desktop(320, 200, 28);
        colourfulText(img, 10, 10, 150, 80, 29);
        FrameBuffer frame = Screens.frame(img);
        send(frame, null);
        encoder.settings(EncoderSettings.LOSSLESS);
        assertThat(refineFully(frame)).isNotEmpty();

        encoder.settings(EncoderSettings.LOW_BANDWIDTH);
        assertThat(send(frame, List.of())).isNull();
        assertThat(send(frame, null)).isNull();
        encoder.settings(EncoderSettings.LOSSLESS);
        assertThat(send(frame, List.of())).isNull();
        Screens.assertSamePixels(frame, decoder.frame());
    }

    @Test
    void coloursAReducedDepthHoldsExactlyNeedNoRefinement() {
        encoder.settings(new EncoderSettings(8, 0));
        FrameBuffer frame = new FrameBuffer(200, 100);
        int[] p = frame.pixels();
        for (int i = 0; i < p.length; i++) p[i] = (i / 7) % 3 == 0 ? 0xFFFFFF : (i % 5 == 0 ? 0xFF0000 : 0);
        send(frame, null);
        Screens.assertSamePixels(frame, decoder.frame());

        encoder.settings(EncoderSettings.LOSSLESS);
        assertThat(send(frame, List.of())).isNull();
    }

    private static final EncoderSettings[] SETTINGS = {EncoderSettings.LOSSLESS, EncoderSettings.LOW_BANDWIDTH,
            new EncoderSettings(8, 0), new EncoderSettings(16, 0), new EncoderSettings(24, 60)};

    @Property(tries = 60)
    void whateverWasSentBeforeSwitchingToLosslessMakesThePictureExact(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 300) int width, @ForAll @IntRange(min = 1, max = 200) int height,
            @ForAll @IntRange(min = 0, max = 2) int tileChoice, @ForAll @IntRange(min = 1, max = 10) int steps,
            @ForAll boolean useDamage) {
        Random random = new Random(seed);
        FrameEncoder enc = new TileEncoder(SETTINGS[random.nextInt(SETTINGS.length)], 16 << tileChoice, 6);
        FrameDecoder dec = new TileDecoder();
        BufferedImage img = Edits.start(width, height, random);
        if (random.nextBoolean()) colourfulText(img, 0, 0, width, height, seed);
        FrameBuffer frame = Screens.frame(img);
        dec.decode(enc.encode(frame, null));
        boolean lossless = false;
        for (int i = 0; i < steps; i++) {
            if (random.nextInt(3) == 0) {
                EncoderSettings s = SETTINGS[random.nextInt(SETTINGS.length)];
                enc.settings(s);
                lossless = s.lossless();
            }
            List<Rect> damage = Edits.apply(img, random);
            Screens.frame(img, frame);
            byte[] update = enc.encode(frame, useDamage ? damage : null);
            if (update != null) dec.decode(update);
            if (lossless) {
                // the rest of a refinement follows in updates of an unchanged screen
                for (byte[] u; (u = enc.encode(frame, List.of())) != null; ) dec.decode(u);
                Screens.assertSamePixels(frame, dec.frame());
            }
        }
        enc.settings(EncoderSettings.LOSSLESS);
        int tiles = ((width + (16 << tileChoice) - 1) / (16 << tileChoice)) * ((height + (16 << tileChoice) - 1) / (16 << tileChoice));
        int batch = TileEncoder.MAX_REFINE_PIXELS / ((16 << tileChoice) * (16 << tileChoice));
        int refinements = 0;
        for (byte[] u; (u = enc.encode(frame, List.of())) != null; refinements++) {
            assertThat(u[3] & TileFormat.FLAG_FULL).isZero();
            dec.decode(u);
        }
        assertThat(refinements).isLessThanOrEqualTo((tiles + batch - 1) / batch);
        Screens.assertSamePixels(frame, dec.frame());
    }
}

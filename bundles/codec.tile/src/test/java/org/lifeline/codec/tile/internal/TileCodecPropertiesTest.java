package org.lifeline.codec.tile.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameDecoder;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.api.screen.Rect;

class TileCodecPropertiesTest {

    @Property(tries = 80)
    void losslessUpdatesReproduceEveryFrameExactly(@ForAll long seed, @ForAll @IntRange(min = 1, max = 260) int width,
            @ForAll @IntRange(min = 1, max = 200) int height, @ForAll @IntRange(min = 0, max = 2) int tileChoice,
            @ForAll @IntRange(min = 1, max = 12) int steps, @ForAll boolean useDamage) {
        Random random = new Random(seed);
        FrameEncoder encoder = new TileEncoder(EncoderSettings.LOSSLESS, 16 << tileChoice, 6);
        FrameDecoder decoder = new TileDecoder();
        BufferedImage img = Edits.start(width, height, random);
        FrameBuffer frame = Screens.frame(img);
        decoder.decode(encoder.encode(frame, null));
        Screens.assertSamePixels(frame, decoder.frame());
        for (int i = 0; i < steps; i++) {
            List<Rect> damage = Edits.apply(img, random);
            Screens.frame(img, frame);
            if (random.nextInt(10) == 0) encoder.reset();
            byte[] update = encoder.encode(frame, useDamage ? damage : null);
            if (update != null) decoder.decode(update);
            Screens.assertSamePixels(frame, decoder.frame());
        }
    }

    @Property(tries = 30)
    void reducedColourDepthStaysWithinItsQuantisationError(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 200) int width, @ForAll @IntRange(min = 1, max = 150) int height,
            @ForAll boolean sixteen, @ForAll @IntRange(min = 1, max = 6) int steps) {
        Random random = new Random(seed);
        int depth = sixteen ? 16 : 8;
        FrameEncoder encoder = new TileCodec().newEncoder(new EncoderSettings(depth, 0));
        FrameDecoder decoder = new TileCodec().newDecoder();
        BufferedImage img = Edits.start(width, height, random);
        FrameBuffer frame = Screens.frame(img);
        for (int i = 0; i <= steps; i++) {
            byte[] update = encoder.encode(frame, null);
            if (update != null) decoder.decode(update);
            int[] a = frame.pixels(), b = decoder.frame().pixels();
            for (int p = 0; p < a.length; p++) {
                assertThat(b[p]).isEqualTo(TileFormat.quantize(a[p], depth));
            }
            Edits.apply(img, random);
            Screens.frame(img, frame);
        }
    }

    @Property(tries = 200)
    void colourQuantisationIsIdempotentAndClose(@ForAll @IntRange(min = 0, max = 0xFFFFFF) int rgb) {
        for (int depth : new int[] {16, 8}) {
            int q = TileFormat.quantize(rgb, depth);
            assertThat(TileFormat.quantize(q, depth)).isEqualTo(q);
            int tolerance = depth == 16 ? 8 : 64;
            for (int shift = 0; shift <= 16; shift += 8) {
                assertThat(Math.abs((q >> shift & 255) - (rgb >> shift & 255))).isLessThanOrEqualTo(tolerance);
            }
        }
    }
}

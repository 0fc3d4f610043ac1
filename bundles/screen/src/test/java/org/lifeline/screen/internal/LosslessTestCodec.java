package org.lifeline.screen.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lifeline.api.screen.CodecException;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameDecoder;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCodec;

/**
 * A simple stand-in for the tile codec: a full frame, or the bounding box of what changed inside the damage
 * hint. It trusts the hint as a real damage-driven codec does, so a share that loses damage would make the
 * expert's picture diverge. Lossless at lossless settings; at any other settings it drops the low 4 bits of
 * every channel and, as the {@code FrameEncoder.settings} contract asks, re-sends that area exactly once the
 * settings are lossless again, {@link #REFINE_ROWS} rows per update (as the tile codec spreads a large
 * refinement). Updates: {@code 'F' w h pixels} or {@code 'D' x y w h pixels}.
 */
final class LosslessTestCodec implements ScreenCodec {
    /** Rows of a lossy area one update re-sends exactly: the 120-row fake desktop takes three updates. */
    static final int REFINE_ROWS = 40;
    private final String id;
    final List<Encoder> encoders = new CopyOnWriteArrayList<>();
    final List<Decoder> decoders = new CopyOnWriteArrayList<>();

    LosslessTestCodec(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public FrameEncoder newEncoder(EncoderSettings settings) {
        Encoder e = new Encoder(settings);
        encoders.add(e);
        return e;
    }

    @Override
    public FrameDecoder newDecoder() {
        Decoder d = new Decoder();
        decoders.add(d);
        return d;
    }

    final class Encoder implements FrameEncoder {
        final EncoderSettings created;
        volatile EncoderSettings settings;
        volatile int encoded;
        /** Every settings call, in order. */
        final List<EncoderSettings> settingsCalls = new CopyOnWriteArrayList<>();
        /** Updates sent with lossless settings that re-sent an area sent lossy before. */
        volatile int refinements;
        /** The settings of every update made, in order. */
        final List<EncoderSettings> updates = new CopyOnWriteArrayList<>();
        private FrameBuffer previous;
        /** Bounding box (x0, y0, x1, y1) of what went lossy since the last lossless update, or null. */
        private int[] lossy;
        private int full;
        private int delta;

        Encoder(EncoderSettings settings) {
            this.created = settings;
            this.settings = settings;
        }

        @Override
        public String codecId() {
            return id;
        }

        @Override
        public byte[] encode(FrameBuffer frame, List<Rect> damage) {
            if (previous == null || previous.width() != frame.width() || previous.height() != frame.height()) {
                previous = frame.copy();
                full++;
                encoded++;
                updates.add(settings);
                boolean exact = settings.lossless();
                lossy = exact ? null : new int[] {0, 0, frame.width() - 1, frame.height() - 1};
                ByteBuffer b = ByteBuffer.allocate(9 + 4 * frame.pixels().length).put((byte) 'F')
                        .putInt(frame.width()).putInt(frame.height());
                for (int p : frame.pixels()) b.putInt(exact ? p : reduce(p));
                return b.array();
            }
            List<Rect> areas = damage == null ? List.of(frame.bounds()) : damage;
            int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
            int w = frame.width();
            for (Rect r : areas) {
                Rect c = r.intersect(frame.bounds());
                for (int y = c.y(); y < c.y() + c.height(); y++) {
                    for (int x = c.x(); x < c.x() + c.width(); x++) {
                        if (frame.pixels()[y * w + x] != previous.pixels()[y * w + x]) {
                            x0 = Math.min(x0, x);
                            y0 = Math.min(y0, y);
                            x1 = Math.max(x1, x);
                            y1 = Math.max(y1, y);
                        }
                    }
                }
            }
            boolean exact = settings.lossless();
            if (exact && lossy != null) {
                int bandEnd = Math.min(lossy[3], lossy[1] + REFINE_ROWS - 1);
                x0 = Math.min(x0, lossy[0]);
                y0 = Math.min(y0, lossy[1]);
                x1 = Math.max(x1, lossy[2]);
                y1 = Math.max(y1, bandEnd);
                lossy = bandEnd == lossy[3] ? null : new int[] {lossy[0], bandEnd + 1, lossy[2], lossy[3]};
                refinements++;
            }
            if (x1 < 0) return null;
            if (!exact) {
                lossy = lossy == null ? new int[] {x0, y0, x1, y1}
                        : new int[] {Math.min(x0, lossy[0]), Math.min(y0, lossy[1]), Math.max(x1, lossy[2]),
                                Math.max(y1, lossy[3])};
            }
            int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
            ByteBuffer b = ByteBuffer.allocate(17 + 4 * bw * bh).put((byte) 'D').putInt(x0).putInt(y0).putInt(bw)
                    .putInt(bh);
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    int p = frame.pixels()[y * w + x];
                    b.putInt(exact ? p : reduce(p));
                    previous.pixels()[y * w + x] = p;
                }
            }
            delta++;
            encoded++;
            updates.add(settings);
            return b.array();
        }

        @Override
        public void reset() {
            previous = null;
        }

        @Override
        public void settings(EncoderSettings s) {
            settings = s;
            settingsCalls.add(s);
        }

        private static int reduce(int p) {
            return p & 0xF0F0F0;
        }

        @Override
        public String statistics() {
            return "full " + full + ", delta " + delta;
        }
    }

    static final class Decoder implements FrameDecoder {
        private FrameBuffer frame;

        @Override
        public void decode(byte[] update) throws CodecException {
            try {
                ByteBuffer b = ByteBuffer.wrap(update);
                byte type = b.get();
                if (type == 'F') {
                    int w = b.getInt(), h = b.getInt();
                    if (w <= 0 || h <= 0 || w > 8192 || h > 8192 || b.remaining() != 4L * w * h) {
                        throw new CodecException("bad full frame");
                    }
                    FrameBuffer f = new FrameBuffer(w, h);
                    b.asIntBuffer().get(f.pixels());
                    frame = f;
                } else if (type == 'D') {
                    int x = b.getInt(), y = b.getInt(), w = b.getInt(), h = b.getInt();
                    if (frame == null || x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > frame.width()
                            || y + h > frame.height() || b.remaining() != 4L * w * h) {
                        throw new CodecException("bad delta");
                    }
                    for (int row = y; row < y + h; row++) {
                        for (int col = x; col < x + w; col++) {
                            frame.pixels()[row * frame.width() + col] = b.getInt();
                        }
                    }
                } else {
                    throw new CodecException("unknown update type " + type);
                }
            } catch (BufferUnderflowException e) {
                throw new CodecException("truncated update");
            }
        }

        @Override
        public FrameBuffer frame() {
            return frame;
        }
    }
}

package org.lifeline.codec.tile.internal.bench;

import java.util.concurrent.TimeUnit;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameDecoder;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.codec.tile.internal.Codecs;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Milliseconds per update, encoder and decoder, per scenario and screen size (bytes: {@link Scenarios#main}). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CodecBenchmark {
    @Param({"1280x800", "1920x1080"})
    public String size;

    @Param({"idle", "typing", "scroll", "move", "repaint"})
    public String scenario;

    private FrameBuffer[] frames;
    private FrameEncoder encoder;
    private FrameDecoder decoder;
    private byte[][] updates;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        String[] wh = size.split("x");
        frames = Scenarios.frames(scenario, Integer.parseInt(wh[0]), Integer.parseInt(wh[1]));
        encoder = Codecs.encoder(EncoderSettings.LOSSLESS, 32, 6);
        encoder.encode(frames[0], null);
        next = 1;
        // a decoder cannot replay one update twice, so it decodes a recorded run and restarts (1 full frame in 200)
        FrameEncoder recorder = Codecs.encoder(EncoderSettings.LOSSLESS, 32, 6);
        updates = new byte[201][];
        for (int i = 0; i < updates.length; i++) updates[i] = recorder.encode(frames[i % 2], null);
    }

    @Benchmark
    public byte[] encode() {
        byte[] u = encoder.encode(frames[next], null);
        next ^= 1;
        return u;
    }

    @Benchmark
    public FrameBuffer decode() {
        if (next >= updates.length || decoder == null) {
            decoder = Codecs.decoder();
            decoder.decode(updates[0]);
            next = 1;
        }
        byte[] u = updates[next++];
        if (u != null) decoder.decode(u);
        return decoder.frame();
    }
}

package org.lifeline.screen.internal;

import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.CodecException;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameDecoder;
import org.lifeline.api.screen.Quality;
import org.lifeline.api.screen.ScreenCodec;
import org.lifeline.api.screen.ScreenStats;
import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionInfo;
import org.lifeline.api.transport.WireChannel;
import org.osgi.service.log.Logger;

/**
 * The expert's side of one session: asks for updates one at a time, reassembles their chunks, decodes them on
 * its own thread and shows the result.
 *
 * <p>Two locks: {@code protocol} guards the request numbering and the update being reassembled (touched on the
 * transport thread, never for long); {@code picture} guards the decoder and the frame it owns, and is the
 * monitor {@link #awaitUpdate} waits on. A snapshot never sees a half-applied update because decoding holds
 * {@code picture}; a failed update leaves the picture as it was (the {@link FrameDecoder} contract) and asks the
 * novice for a full frame, which comes with a new epoch and so into a new decoder.
 */
final class ExpertView {
    /** How far back updates count for the updates-per-second figure. */
    static final long RATE_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final int MAX_RATE_SAMPLES = 1024;

    private record Update(int seq, int epoch, String codecId, byte[] bytes) {
    }

    private final Session session;
    private final Function<String, ScreenCodec> codecs;
    private final Logger log;
    private final ExecutorService thread;
    private volatile Quality quality;
    private volatile boolean closed;

    private final Object protocol = new Object();
    private int want = 1;
    private int lastApplied;
    /** The update handed to the decoder thread and not yet applied, or 0. */
    private int decodingSeq;
    private int assemblySeq;
    private int assemblyEpoch;
    private String assemblyCodec;
    private byte[] assembly;
    private int assembled;

    private final Object picture = new Object();
    private FrameDecoder decoder;
    private ScreenCodec decoderCodec;
    private String decoderCodecId;
    private int decoderEpoch;
    private FrameBuffer shown;
    private long updates;
    private long screenBytes;
    private String codecId = "";
    private String codecSummary = "";
    private String missingCodec;
    private final ArrayDeque<Long> updateTimes = new ArrayDeque<>();

    private volatile Cursor cursor;

    ExpertView(Session session, Function<String, ScreenCodec> codecs, Logger log) {
        this.session = session;
        this.codecs = codecs;
        this.log = log;
        this.quality = session.info() != null && session.info().lowBandwidth() ? Quality.LOW : Quality.AUTO;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lifeline-screen-expert-" + session.id());
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for the first update. */
    void start() {
        synchronized (protocol) {
            send(new ScreenProtocol.Request(want, lastApplied, false, true));
        }
    }

    void close() {
        closed = true;
        thread.shutdownNow();
        synchronized (picture) {
            picture.notifyAll();
        }
    }

    /** A SCREEN frame from the novice; on the transport thread, so it only copies and hands over. */
    void received(byte[] payload) {
        if (closed) return;
        try {
            switch (ScreenProtocol.type(payload)) {
                case ScreenProtocol.UPDATE -> chunk(ScreenProtocol.parseUpdateChunk(payload));
                case ScreenProtocol.STATS -> stats(ScreenProtocol.parseStats(payload));
                case ScreenProtocol.RESTART -> {
                    ScreenProtocol.parseRestart(payload);
                    restarted();
                }
                default -> throw new ScreenProtocolException("unknown message type " + payload[0]);
            }
        } catch (ScreenProtocolException e) {
            log.warn("Session {}: malformed screen update from the novice ({}): asking for a full frame",
                    session.id(), e.getMessage());
            requestReset();
        }
    }

    /** A CURSOR frame from the novice. */
    void cursorReceived(byte[] payload) {
        if (closed) return;
        try {
            Cursor c = ScreenProtocol.parseCursor(payload);
            Cursor previous = cursor;
            if (c.shape() == null && previous != null && previous.serial() == c.serial()) {
                c = new Cursor(c.x(), c.y(), previous.hotX(), previous.hotY(), previous.width(), previous.height(),
                        previous.shape(), c.serial());
            }
            cursor = c;
        } catch (ScreenProtocolException e) {
            log.warn("Session {}: ignored a malformed pointer message from the novice: {}", session.id(),
                    e.getMessage());
        }
    }

    private void chunk(ScreenProtocol.UpdateChunk c) throws ScreenProtocolException {
        synchronized (protocol) {
            if (c.seq() > want) throw new ScreenProtocolException("update " + c.seq() + " was not asked for");
            if (c.seq() < want) {
                // the tail of an update superseded by a reset request
                return;
            }
            if (c.seq() == decodingSeq) throw new ScreenProtocolException("update " + c.seq() + " arrived twice");
            if (c.offset() == 0) {
                if (assembly != null) throw new ScreenProtocolException("update " + c.seq() + " started twice");
                assembly = new byte[c.total()];
                assembled = 0;
                assemblySeq = c.seq();
                assemblyEpoch = c.epoch();
                assemblyCodec = c.codecId();
            } else if (assembly == null || c.offset() != assembled || c.total() != assembly.length
                    || c.epoch() != assemblyEpoch || !c.codecId().equals(assemblyCodec)) {
                throw new ScreenProtocolException("chunk at " + c.offset() + " does not continue update " + c.seq());
            }
            System.arraycopy(c.data(), 0, assembly, c.offset(), c.data().length);
            assembled += c.data().length;
            if (assembled < assembly.length) return;
            Update u = new Update(assemblySeq, assemblyEpoch, assemblyCodec, assembly);
            assembly = null;
            decodingSeq = u.seq();
            try {
                thread.execute(() -> apply(u));
            } catch (RejectedExecutionException e) {
                decodingSeq = 0;
            }
        }
    }

    private void apply(Update u) {
        boolean ok;
        try {
            ok = decode(u);
        } catch (RuntimeException e) {
            log.error("Session {}: the screen decoder failed on update {}: asking for a full frame", session.id(),
                    u.seq(), e);
            dropDecoder();
            ok = false;
        }
        synchronized (protocol) {
            if (decodingSeq == u.seq()) decodingSeq = 0;
            if (closed || u.seq() != want) return;
            if (ok) {
                lastApplied = u.seq();
                want = u.seq() + 1;
                send(new ScreenProtocol.Request(want, lastApplied, false));
            } else if (missingCodecId() == null) {
                resetLocked();
            }
        }
    }

    private boolean decode(Update u) {
        synchronized (picture) {
            if (decoder == null || u.epoch() != decoderEpoch || !u.codecId().equals(decoderCodecId)) {
                ScreenCodec codec = codecs.apply(u.codecId());
                if (codec == null) {
                    if (!u.codecId().equals(missingCodec)) {
                        log.warn("Session {}: the novice sends screen codec '{}', which is not installed here: "
                                + "waiting for it", session.id(), u.codecId());
                    }
                    missingCodec = u.codecId();
                    return false;
                }
                missingCodec = null;
                decoder = codec.newDecoder();
                decoderCodec = codec;
                decoderCodecId = u.codecId();
                decoderEpoch = u.epoch();
            }
            try {
                decoder.decode(u.bytes());
            } catch (CodecException e) {
                log.warn("Session {}: screen update {} could not be decoded ({}): asking for a full frame",
                        session.id(), u.seq(), e.getMessage());
                decoder = null;
                return false;
            }
            FrameBuffer f = decoder.frame();
            if (f == null) {
                log.warn("Session {}: screen update {} did not start with a full frame: asking for one", session.id(),
                        u.seq());
                decoder = null;
                return false;
            }
            shown = f;
            codecId = u.codecId();
            updates++;
            screenBytes += u.bytes().length;
            long now = System.nanoTime();
            updateTimes.addLast(now);
            while (updateTimes.size() > MAX_RATE_SAMPLES || now - updateTimes.peekFirst() > RATE_WINDOW_NANOS) {
                updateTimes.removeFirst();
            }
            picture.notifyAll();
            return true;
        }
    }

    private void stats(ScreenProtocol.Stats s) {
        String text = s.text().isBlank() ? "" : s.text() + "; ";
        synchronized (picture) {
            codecSummary = text + s.colourDepth() + "-bit " + (s.lossyQuality() == 0 ? "lossless" : "lossy "
                    + s.lossyQuality());
        }
    }

    /**
     * A new sharer on the novice's side (its screen bundle was replaced, or it started after this view asked):
     * what the old one was sending is lost, so ask the new one for the update this view waits for. A new
     * sharer that already has the request treats the repeat as a duplicate.
     */
    private void restarted() {
        synchronized (protocol) {
            if (closed) return;
            assembly = null;
            if (decodingSeq == want) return; // the request after this decode goes to the new sharer
            send(new ScreenProtocol.Request(want, lastApplied, false));
        }
    }

    /** A codec was registered here: if updates were waiting for it, ask for a fresh stream. */
    void codecAdded(String id) {
        if (id.equals(missingCodecId())) {
            log.info("Session {}: screen codec '{}' is now installed: asking for a full frame", session.id(), id);
            requestReset();
        }
    }

    /** A codec went away here: stop using its decoder and ask for a fresh stream (any codec now installed). */
    void codecRemoved(ScreenCodec codec) {
        boolean used;
        synchronized (picture) {
            used = decoderCodec == codec;
            if (used) dropDecoder();
        }
        if (used) requestReset();
    }

    private String missingCodecId() {
        synchronized (picture) {
            return missingCodec;
        }
    }

    private void dropDecoder() {
        synchronized (picture) {
            decoder = null;
            decoderCodec = null;
        }
    }

    private void requestReset() {
        synchronized (protocol) {
            resetLocked();
        }
    }

    private void resetLocked() {
        if (closed) return;
        assembly = null;
        want++;
        send(new ScreenProtocol.Request(want, lastApplied, true));
    }

    private void send(ScreenProtocol.Request r) {
        session.send(WireChannel.SCREEN, ScreenProtocol.request(r));
    }

    Optional<FrameBuffer> snapshot() {
        synchronized (picture) {
            return shown == null ? Optional.empty() : Optional.of(shown.copy());
        }
    }

    long awaitUpdate(long afterUpdate, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis));
        synchronized (picture) {
            while (updates <= afterUpdate && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) break;
                TimeUnit.NANOSECONDS.timedWait(picture, left);
            }
            return updates;
        }
    }

    void quality(Quality q) {
        quality = q;
        if (!session.send(WireChannel.SCREEN, ScreenProtocol.quality(q))) {
            throw new LifelineException("Session " + session.id()
                    + " is not sharing its screen now: wait until the novice accepts, then try again");
        }
    }

    Cursor cursor() {
        return cursor;
    }

    ScreenStats stats() {
        SessionInfo info = session.info();
        synchronized (picture) {
            long now = System.nanoTime();
            while (!updateTimes.isEmpty() && now - updateTimes.peekFirst() > RATE_WINDOW_NANOS) {
                updateTimes.removeFirst();
            }
            double rate = updateTimes.size() / (RATE_WINDOW_NANOS / 1e9);
            return new ScreenStats(session.id(), codecId, quality, updates, screenBytes, rate,
                    session.roundTripMillis(), info == null ? 0 : info.bytesIn(), info == null ? 0 : info.bytesOut(),
                    shown == null ? 0 : shown.width(), shown == null ? 0 : shown.height(), codecSummary);
        }
    }
}

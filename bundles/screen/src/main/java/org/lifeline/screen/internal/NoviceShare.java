package org.lifeline.screen.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.EncoderSettings;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.FrameEncoder;
import org.lifeline.api.screen.Quality;
import org.lifeline.api.screen.Rect;
import org.lifeline.api.screen.ScreenCapture;
import org.lifeline.api.screen.ScreenCodec;
import org.lifeline.api.screen.ScreenSource;
import org.lifeline.api.session.Session;
import org.lifeline.api.transport.WireChannel;
import org.osgi.service.log.Logger;

/**
 * The novice's side of one session: answers the expert's update requests with the newest screen state.
 *
 * <p>Everything that touches the capture and the encoder runs on one thread per session, woken by a request
 * and otherwise polling (see {@link #poll()}). At most one update is in flight: an update is encoded only for a request
 * that acknowledges the previous one, so the stateful encoder is never ahead of the expert's decoder by more
 * than that update. A request that finds nothing changed is held, and the capture is polled (cheaply: damage
 * only) until something does. Nothing is captured before {@link #start()}, which the session layer triggers
 * only after the novice's consent.
 *
 * <p>With lossy settings, once the screen has been quiet for a while ({@link QuietRefinement}: nothing but small
 * changes such as a blinking caret), updates are encoded with lossless settings, the lossy ones restored after
 * each: by the {@link FrameEncoder#settings} contract each re-sends exactly (part of) what went inexactly, and
 * going back to lossy re-sends nothing. They go on, one per request, while the screen stays quiet and the encoder
 * has something to send or a small change to show.
 */
final class NoviceShare {
    /** Damage rectangles kept between grabs; beyond this the encoder compares the whole frame. */
    static final int MAX_DAMAGE_RECTS = 256;
    /** Without screen, pointer or request activity for this long, the capture is polled at the idle rate. */
    static final long IDLE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** After a failed poll, the next attempt waits this long, doubling with each further failure... */
    static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    /** ...up to this. */
    static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(5);
    /**
     * Default of how many {@value QuietRefinement#BLOCK}-pixel blocks may change while the screen still counts
     * as quiet: a text caret covers one to four, a small clock or spinner about as many; a line of typed text
     * (16 to 32 characters), a scroll or a moved window more. About 1 % of a 1024x768 screen.
     */
    static final int SMALL_CHANGE_BLOCKS = 8;
    /** Codec statistics travel to the expert at most this often. */
    static final long STATS_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Session session;
    private final Supplier<ScreenSource> sources;
    private final Supplier<ScreenCodec> codecs;
    private final Logger log;
    private final long pollMillis;
    private final long idlePollMillis;
    private final long maxPendingBytes;
    private final QuietRefinement refinement;
    private final ScheduledExecutorService thread;
    private final AtomicReference<ScreenProtocol.Request> incoming = new AtomicReference<>();
    private volatile Quality quality;
    private volatile boolean closed;

    // Below: only touched on the session's thread.
    private ScreenCapture capture;
    private ScreenSource captureSource;
    private FrameBuffer frame;
    /** Changed areas since the last encode; {@code null} means unknown (compare everything). */
    private List<Rect> damage = new ArrayList<>();
    private FrameEncoder encoder;
    private ScreenCodec encoderCodec;
    private EncoderSettings applied;
    /** Random at first: the stream of a sharer started anew (bundle updated live) never continues an old one. */
    private int epoch = java.util.concurrent.ThreadLocalRandom.current().nextInt();
    private boolean fullFrameDue;
    private ScreenProtocol.Request current;
    private int lastSent;
    private long sentAtNanos;
    private int sentBytes;
    private long statsAtNanos;
    private boolean statsDue;
    private final AutoQuality auto = new AutoQuality();
    private boolean forcedLow;
    private boolean failed;
    /** The expert asked for the screen, so its view exists and pointer messages are not lost. */
    private boolean expertReady;
    private long cursorSerial = Long.MIN_VALUE;
    private int cursorX = Integer.MIN_VALUE;
    private int cursorY = Integer.MIN_VALUE;
    /** Each look at the pointer is a round trip to the display; the expert's requests wake this thread between polls. */
    private final long cursorIntervalNanos;
    private long cursorAskedNanos = System.nanoTime() - TimeUnit.SECONDS.toNanos(1);
    private final Set<String> warned = new HashSet<>();
    private long activityNanos = System.nanoTime();
    private int failures;
    private long retryAtNanos = System.nanoTime();
    private long refinements;
    /** The settings changed: the encoder may owe updates (more faithful re-sends) even while nothing changes. */
    private boolean settingsOwed;

    NoviceShare(Session session, Supplier<ScreenSource> sources, Supplier<ScreenCodec> codecs, Logger log,
            long pollMillis, long idlePollMillis, long maxPendingBytes, long refineAfterMillis, int smallChangeBlocks) {
        this.session = session;
        this.sources = sources;
        this.codecs = codecs;
        this.log = log;
        this.pollMillis = pollMillis;
        this.cursorIntervalNanos = TimeUnit.MILLISECONDS.toNanos(pollMillis) / 2;
        this.idlePollMillis = Math.max(pollMillis, idlePollMillis);
        this.maxPendingBytes = maxPendingBytes;
        this.refinement = new QuietRefinement(TimeUnit.MILLISECONDS.toNanos(refineAfterMillis), smallChangeBlocks,
                System.nanoTime());
        this.quality = session.info() != null && session.info().lowBandwidth() ? Quality.LOW : Quality.AUTO;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "lifeline-screen-novice-" + session.id());
            t.setDaemon(true);
            return t;
        });
        // on close the next poll is dropped at once rather than awaited
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
    }

    /** Tells the expert a new sharer is here (its earlier requests went to one that is gone), then polls. */
    void start() {
        session.send(WireChannel.SCREEN, ScreenProtocol.restart());
        thread.execute(this::poll);
    }

    /**
     * One poll, then the next one: soon while things happen, at the idle rate after a quiet second. An idle
     * desktop thus costs a few cheap damage and pointer queries per second; the first change after a quiet
     * spell waits at most the idle interval.
     */
    private void poll() {
        tick();
        if (closed || failed) return;
        try {
            thread.schedule(this::poll, delayMillis(System.nanoTime() - activityNanos), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing: no more polls
        }
    }

    long delayMillis(long sinceActivityNanos) {
        return sinceActivityNanos < IDLE_AFTER_NANOS ? pollMillis : idlePollMillis;
    }

    /** Called on the transport thread: never blocks. */
    void received(byte[] payload) {
        try {
            switch (ScreenProtocol.type(payload)) {
                case ScreenProtocol.REQUEST -> {
                    ScreenProtocol.Request r = ScreenProtocol.parseRequest(payload);
                    // a newer request replaces one not yet taken, but must not hide that a new view asked
                    incoming.accumulateAndGet(r, (waiting, next) -> waiting != null && waiting.newView()
                            ? new ScreenProtocol.Request(next.want(), next.ack(), next.reset(), true) : next);
                    wake();
                }
                case ScreenProtocol.QUALITY -> {
                    quality = ScreenProtocol.parseQuality(payload);
                    wake();
                }
                default -> log.warn("Session {}: ignored a screen message of unknown type {} from the expert",
                        session.id(), payload[0]);
            }
        } catch (ScreenProtocolException e) {
            log.warn("Session {}: ignored a malformed screen message from the expert: {}", session.id(),
                    e.getMessage());
        }
    }

    private void wake() {
        if (!closed) {
            try {
                thread.execute(this::tick);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing: the request no longer matters
            }
        }
    }

    /** Stops capturing and frees the capture; waits briefly for the session's thread to finish. */
    void close() {
        closed = true;
        try {
            thread.execute(this::release);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return;
        }
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                log.warn("Session {}: screen capture did not stop within 2 s", session.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void release() {
        closeCapture();
        encoder = null;
        encoderCodec = null;
        frame = null;
    }

    private void tick() {
        if (closed || failed || System.nanoTime() - retryAtNanos < 0) return;
        try {
            if (!ensureCapture()) return;
            takeRequest();
            long now = System.nanoTime();
            if (expertReady && now - cursorAskedNanos >= cursorIntervalNanos) {
                cursorAskedNanos = now;
                sendCursor();
            }
            if (!ensureEncoder()) return;
            if (current != null) serve();
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again: drop the capture and try afresh, less and less
            // often, so a display that went away does not flood the log.
            failures++;
            if (failures == 1) {
                log.error("Session {}: screen capture or encoding failed, restarting the capture: {}", session.id(),
                        String.valueOf(e), e);
            } else {
                log.debug("Session {}: screen capture failed again ({} times): {}", session.id(), failures,
                        String.valueOf(e));
            }
            retryAtNanos = System.nanoTime()
                    + Math.min(MAX_RETRY_NANOS, RETRY_NANOS << Math.min(failures - 1, 10));
            closeCapture();
        }
    }

    private boolean ensureCapture() {
        ScreenSource best = sources.get();
        if (best == null) {
            warnOnce("source", "Session {}: no screen source is installed: the expert sees nothing until one is");
            closeCapture();
            return false;
        }
        if (best != captureSource || capture == null) {
            closeCapture();
            capture = best.open(-1);
            captureSource = best;
            newFrame(capture.bounds());
            warned.remove("source");
        } else {
            Rect b = capture.bounds();
            if (b.width() != frame.width() || b.height() != frame.height()) {
                // a new screen size: a fresh capture fills a fresh frame completely
                closeCapture();
                capture = best.open(-1);
                captureSource = best;
                newFrame(capture.bounds());
            }
        }
        return true;
    }

    private void newFrame(Rect bounds) {
        frame = new FrameBuffer(bounds.width(), bounds.height());
        restartStream();
    }

    private boolean ensureEncoder() {
        ScreenCodec best = codecs.get();
        if (best == null) {
            warnOnce("codec", "Session {}: no screen codec is installed: the expert sees nothing until one is");
            return false;
        }
        if (best != encoderCodec || encoder == null) {
            applied = desiredSettings();
            encoder = best.newEncoder(applied);
            encoderCodec = best;
            epoch++;
            fullFrameDue = true;
            damage = null;
            statsDue = true;
            warned.remove("codec");
            log.info("Session {}: screen encoder {} ({})", session.id(), encoder.codecId(), describe(applied));
        }
        return true;
    }

    private void restartStream() {
        if (encoder != null) encoder.reset();
        epoch++;
        fullFrameDue = true;
        damage = null;
    }

    private void takeRequest() {
        ScreenProtocol.Request r = incoming.getAndSet(null);
        if (r == null) return;
        expertReady = true;
        if (r.newView() && lastSent > 0) {
            log.info("Session {}: the expert's screen view started anew: sending a full frame", session.id());
            lastSent = 0;
            sentAtNanos = 0;
            restartStream();
        }
        if (r.want() <= lastSent) {
            log.debug("Session {}: ignored a stale screen request for update {}", session.id(), r.want());
            return;
        }
        boolean acknowledges = !r.reset() && r.ack() == lastSent && r.want() == lastSent + 1;
        if (acknowledges && sentAtNanos != 0) {
            long ackMillis = (System.nanoTime() - sentAtNanos) / 1_000_000;
            sentAtNanos = 0;
            if (auto.sample(sentBytes, ackMillis, session.roundTripMillis()) && quality == Quality.AUTO) {
                log.info("Session {}: line throughput about {} KiB/s: the automatic screen quality changes",
                        session.id(), Math.round(auto.bytesPerSecond() / 1024));
            }
        }
        if (!acknowledges) {
            if (!r.reset()) {
                log.info("Session {}: the expert's screen request {} does not follow update {}: sending a full frame",
                        session.id(), r.want(), lastSent);
            }
            restartStream();
        }
        current = r;
        activityNanos = System.nanoTime();
    }

    private void serve() {
        if (session.pendingBytes() > maxPendingBytes) return;
        if (applySettings()) settingsOwed = true;
        List<Rect> grabbed = capture.grab(frame);
        failures = 0;
        long now = System.nanoTime();
        if (!grabbed.isEmpty()) {
            activityNanos = now;
            refinement.screenChanged(grabbed, now);
        }
        accumulate(grabbed);
        boolean refine = false;
        if (!fullFrameDue && !settingsOwed && damage != null && damage.isEmpty()) {
            if (applied.lossless() || !refinement.due(now)) return;
            refine = true;
        } else if (!fullFrameDue && !applied.lossless() && refinement.quiet(now)) {
            // only small changes (a caret, a clock) since the screen became quiet: they go exactly too, with
            // whatever is still owed, so they neither hold the refinement back nor make the picture lossy again
            refine = true;
        }
        byte[] update = refine ? refine() : encoder.encode(frame, fullFrameDue ? null : damage);
        if (update == null) settingsOwed = false;
        // an empty lossy update leaves the picture as exact or inexact as it was
        if (!refine && (update != null || applied.lossless())) refinement.encoded(!applied.lossless());
        damage = new ArrayList<>();
        if (update == null) return;
        if (update.length > ScreenProtocol.MAX_UPDATE_BYTES) {
            if (refine) {
                tooLargeToRefine(update.length);
            } else {
                oversized(update.length);
            }
            return;
        }
        int seq = current.want();
        String codecId = encoder.codecId();
        // On a slow line small chunks let input and chat overtake the update sooner.
        int chunk = applied.lossless() ? ScreenProtocol.MAX_CHUNK_BYTES : ScreenProtocol.LOW_BANDWIDTH_CHUNK_BYTES;
        for (int offset = 0; offset < update.length; offset += chunk) {
            if (!session.send(WireChannel.SCREEN,
                    ScreenProtocol.updateChunk(seq, epoch, codecId, update, offset, chunk))) {
                // the encoder counts this update as delivered; it was not, so the next one starts afresh
                restartStream();
                return;
            }
        }
        lastSent = seq;
        current = null;
        fullFrameDue = false;
        sentAtNanos = System.nanoTime();
        sentBytes = update.length;
        if (refine) {
            refinements++;
            statsDue = true;
            log.debug("Session {}: the screen was quiet: sent exactly what went lossy or changed a little ({} bytes)",
                    session.id(), update.length);
        }
        now = System.nanoTime();
        if (statsDue || now - statsAtNanos >= STATS_INTERVAL_NANOS) {
            String summary = encoder.statistics() + (refinements > 0 ? "; quiet refinement updates " + refinements : "");
            session.send(WireChannel.SCREEN, ScreenProtocol.stats(new ScreenProtocol.Stats(applied.colourDepth(),
                    applied.lossyQuality(), codecId, summary)));
            statsAtNanos = now;
            statsDue = false;
        }
    }

    /**
     * Applies a new quality before the next update, and makes that update happen even on an idle screen.
     * Going back to lossless needs no new stream: the encoder re-sends exactly whatever it sent less
     * faithfully ({@link FrameEncoder#settings}), so the picture is exact everywhere, not only where the screen
     * changes next.
     */
    private boolean applySettings() {
        EncoderSettings wanted = desiredSettings();
        if (wanted.equals(applied)) return false;
        encoder.settings(wanted);
        applied = wanted;
        statsDue = true;
        log.info("Session {}: screen quality now {}", session.id(), describe(applied));
        return true;
    }

    /**
     * The screen is quiet and the settings lossy: an update with lossless settings (the small changes since the
     * last update, and what went lossy), then the lossy ones again (going less faithful re-sends nothing), so the
     * next large change goes lossy as before. The encoder may send what went lossy in several such updates; only
     * one with nothing to send ends the refinement.
     */
    private byte[] refine() {
        encoder.settings(EncoderSettings.LOSSLESS);
        byte[] update;
        try {
            update = encoder.encode(frame, damage);
        } finally {
            encoder.settings(applied);
        }
        if (update == null) refinement.refined();
        return update;
    }

    /** The encoder took the refinement as sent: a new stream at the lossy settings, and no more refinements. */
    private void tooLargeToRefine(int length) {
        log.warn("Session {}: the exact refresh of the quiet screen takes {} bytes, more than {}: the picture stays lossy",
                session.id(), length, ScreenProtocol.MAX_UPDATE_BYTES);
        refinement.turnOff();
        restartStream();
    }

    private void oversized(int length) {
        if (!forcedLow && !desiredSettings().equals(EncoderSettings.LOW_BANDWIDTH)) {
            log.warn("Session {}: a screen update of {} bytes exceeds {}: switching to the low-bandwidth profile",
                    session.id(), length, ScreenProtocol.MAX_UPDATE_BYTES);
            forcedLow = true;
            restartStream();
            return;
        }
        log.error("Session {}: the screen cannot be shared: an update of {} bytes exceeds {} even at low quality",
                session.id(), length, ScreenProtocol.MAX_UPDATE_BYTES);
        failed = true;
        closeCapture();
    }

    private void accumulate(List<Rect> grabbed) {
        if (damage == null || grabbed.isEmpty()) return;
        if (damage.size() + grabbed.size() > MAX_DAMAGE_RECTS) {
            damage = null;
        } else {
            damage.addAll(grabbed);
        }
    }

    private void sendCursor() {
        Cursor c = capture.cursor();
        if (c == null) return;
        boolean newShape = c.serial() != cursorSerial;
        if (!newShape && c.x() == cursorX && c.y() == cursorY) return;
        if (newShape && c.shape() != null && !ScreenProtocol.hasSendableShape(c)) {
            warnOnce("cursor", "Session {}: the pointer's shape is too large to send; the expert sees only where it is");
        }
        if (session.send(WireChannel.CURSOR, ScreenProtocol.cursor(c, newShape))) {
            cursorSerial = c.serial();
            cursorX = c.x();
            cursorY = c.y();
            activityNanos = System.nanoTime();
        }
    }

    private EncoderSettings desiredSettings() {
        if (forcedLow) return EncoderSettings.LOW_BANDWIDTH;
        return switch (quality) {
            case HIGH -> EncoderSettings.LOSSLESS;
            case LOW -> EncoderSettings.LOW_BANDWIDTH;
            case AUTO -> auto.lossy() ? EncoderSettings.LOW_BANDWIDTH : EncoderSettings.LOSSLESS;
        };
    }

    private void closeCapture() {
        if (capture != null) {
            try {
                capture.close();
            } catch (RuntimeException e) {
                log.warn("Session {}: closing the screen capture failed: {}", session.id(), String.valueOf(e));
            }
        }
        capture = null;
        captureSource = null;
    }

    private void warnOnce(String key, String message) {
        if (warned.add(key)) log.warn(message, session.id());
    }

    static String describe(EncoderSettings s) {
        return s.colourDepth() + "-bit " + (s.lossyQuality() == 0 ? "lossless" : "lossy " + s.lossyQuality());
    }
}

package org.lifeline.screen.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.Cursor;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Quality;
import org.lifeline.api.screen.ScreenCodec;
import org.lifeline.api.screen.ScreenSource;
import org.lifeline.api.screen.ScreenStats;
import org.lifeline.api.screen.ScreenViewer;
import org.lifeline.api.session.Role;
import org.lifeline.api.session.Session;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Screen sharing for every session of this machine: the novice's shares (capture, encode, answer requests) and
 * the expert's views ({@link ScreenViewer}). The two {@code SessionFeature}s ({@link ScreenFeature} on SCREEN,
 * {@link CursorFeature} on CURSOR) hand their sessions and frames to this component.
 *
 * <p>The capture source and the codec are dynamic greedy references: the best-ranked source and codec
 * registered now are what the next update uses, so a better one replacing them live takes over (with a full
 * frame) without ending a session, and losing one only pauses the picture until another appears.
 */
@Component(service = {ScreenViewer.class, ScreenSharing.class}, configurationPid = ScreenSharing.PID)
@Designate(ocd = ScreenSharing.Config.class)
public class ScreenSharing implements ScreenViewer {
    static final String PID = "org.lifeline.screen";

    @ObjectClassDefinition(name = "Lifeline screen sharing", description = "How the novice's screen is polled and sent")
    @interface Config {
        @AttributeDefinition(description = "How often the novice looks for screen changes while the expert waits, in ms")
        int poll_interval_millis() default 40;

        @AttributeDefinition(description = "How often, after a quiet second, in ms (bounds the delay of the first change)")
        int idle_poll_interval_millis() default 100;

        @AttributeDefinition(description = "The novice sends no screen update while more bytes than this wait for the line")
        long max_pending_bytes() default 128 * 1024;

        @AttributeDefinition(description = "With a lossy quality, once the screen has been quiet (only small changes) "
                + "for this long, what was sent inexactly is sent again exactly, in ms")
        int refine_after_millis() default 1000;

        @AttributeDefinition(description = "Changes within this many 32x32-pixel blocks (a blinking caret, a clock) "
                + "still count as a quiet screen for the refinement; more start the quiet period again")
        int refine_small_change_blocks() default NoviceShare.SMALL_CHANGE_BLOCKS;
    }

    @Reference(service = LoggerFactory.class)
    Logger log;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ScreenSource source;

    private final CodecRegistry codecs = new CodecRegistry();
    private final Map<String, NoviceShare> shares = new ConcurrentHashMap<>();
    private final Map<String, ExpertView> views = new ConcurrentHashMap<>();
    private volatile long pollMillis = 40;
    private volatile long idlePollMillis = 100;
    private volatile long maxPendingBytes = 128 * 1024;
    private volatile long refineAfterMillis = 1000;
    private volatile int smallChangeBlocks = NoviceShare.SMALL_CHANGE_BLOCKS;

    @Activate
    void activate(Config config) {
        configure(config.poll_interval_millis(), config.idle_poll_interval_millis(), config.max_pending_bytes(),
                config.refine_after_millis(), config.refine_small_change_blocks());
    }

    void configure(long pollIntervalMillis, long idlePollIntervalMillis, long maxPending, long refineAfter,
            int smallChanges) {
        this.pollMillis = Math.max(5, pollIntervalMillis);
        this.idlePollMillis = Math.max(pollMillis, idlePollIntervalMillis);
        this.maxPendingBytes = Math.max(0, maxPending);
        this.refineAfterMillis = Math.max(0, refineAfter);
        this.smallChangeBlocks = Math.max(0, smallChanges);
    }

    @Deactivate
    void deactivate() {
        shares.values().forEach(NoviceShare::close);
        shares.clear();
        views.values().forEach(ExpertView::close);
        views.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindCodec(ScreenCodec codec, Map<String, Object> properties) {
        codecs.add(codec, properties);
        Object id = properties.get(ScreenCodec.CODEC_ID);
        String codecId = id instanceof String s ? s : codec.id();
        views.values().forEach(v -> v.codecAdded(codecId));
    }

    void unbindCodec(ScreenCodec codec) {
        codecs.remove(codec);
        views.values().forEach(v -> v.codecRemoved(codec));
    }

    /** SCREEN started: the novice begins to share, the expert asks for the first update. */
    void screenStarted(Session session) {
        if (session.role() == Role.NOVICE) {
            NoviceShare share = new NoviceShare(session, () -> source, codecs::best, log, pollMillis, idlePollMillis,
                    maxPendingBytes, refineAfterMillis, smallChangeBlocks);
            if (shares.putIfAbsent(session.id(), share) == null) share.start();
        } else {
            view(session);
        }
    }

    /** CURSOR started: only the expert has something to set up (the novice sends the pointer with the screen). */
    void cursorStarted(Session session) {
        if (session.role() == Role.EXPERT) view(session);
    }

    private void view(Session session) {
        ExpertView view = new ExpertView(session, codecs::byId, log);
        // registered before the first request goes out: the answer may arrive on another thread at once
        if (views.putIfAbsent(session.id(), view) == null) {
            view.start();
        } else {
            view.close();
        }
    }

    void screenReceived(Session session, byte[] payload) {
        try {
            if (session.role() == Role.NOVICE) {
                NoviceShare share = shares.get(session.id());
                if (share != null) share.received(payload);
            } else {
                ExpertView view = views.get(session.id());
                if (view != null) view.received(payload);
            }
        } catch (RuntimeException e) {
            log.error("Session {}: a screen message could not be handled", session.id(), e);
        }
    }

    void cursorReceived(Session session, byte[] payload) {
        try {
            ExpertView view = session.role() == Role.EXPERT ? views.get(session.id()) : null;
            if (view != null) view.cursorReceived(payload);
        } catch (RuntimeException e) {
            log.error("Session {}: a pointer message could not be handled", session.id(), e);
        }
    }

    /** Stops capture and frees everything of this session (idempotent: both features call it). */
    void ended(Session session) {
        NoviceShare share = shares.remove(session.id());
        if (share != null) share.close();
        ExpertView view = views.remove(session.id());
        if (view != null) view.close();
    }

    @Override
    public Optional<FrameBuffer> snapshot(String sessionId) {
        ExpertView view = views.get(sessionId);
        return view == null ? Optional.empty() : view.snapshot();
    }

    @Override
    public long awaitUpdate(String sessionId, long afterUpdate, long timeoutMillis) throws InterruptedException {
        return expertView(sessionId).awaitUpdate(afterUpdate, timeoutMillis);
    }

    @Override
    public void quality(String sessionId, Quality quality) {
        expertView(sessionId).quality(quality);
    }

    @Override
    public ScreenStats stats(String sessionId) {
        return expertView(sessionId).stats();
    }

    /** The novice's pointer as this expert last heard it, or empty. */
    public Optional<Cursor> cursor(String sessionId) {
        ExpertView view = views.get(sessionId);
        return view == null ? Optional.empty() : Optional.ofNullable(view.cursor());
    }

    private ExpertView expertView(String sessionId) {
        ExpertView view = views.get(sessionId);
        if (view == null) {
            throw new LifelineException("No screen is shared in session " + sessionId
                    + ": check the id with ra:sessions; the screen appears once the novice accepts");
        }
        return view;
    }
}

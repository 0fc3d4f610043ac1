package org.lifeline.transport.tcp.internal;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.security.SecureRandom;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lifeline.api.invitation.Admission;
import org.lifeline.api.transport.Gatekeeper;
import org.lifeline.api.transport.Hello;

/**
 * The novice's side of DESIGN §5: wait for the hello, ask the gate, run SRP as the server, check the expert's key
 * confirmation against this computer's own certificate, answer with ours. A refusal is the only thing sent to an
 * expert the gate turns away.
 */
final class NoviceHandshake extends HandshakeHandler {
    static final String WRONG_PASSWORD = "wrong password: check the password the novice gave you and try again";
    static final String GATE_FAILED = "the novice's computer could not check this invitation: ask the novice to "
            + "make a new one";
    static final String WRONG_VERSION = "the novice's Lifeline cannot understand this one: both should update Lifeline";

    private static final Logger LOG = Logger.getLogger(NoviceHandshake.class.getName());

    enum State { AWAIT_TLS, AWAIT_HELLO, AWAIT_PROOF, AUTHENTICATED, REFUSED }

    private final TransportSettings settings;
    private final Gatekeeper gatekeeper;
    private final byte[] ownFingerprint;
    private final SecureRandom random;
    private final Consumer<ConnectionHandler> onAuthenticated;
    private final Consumer<ConnectionHandler> onConfirmed;
    private State state = State.AWAIT_TLS;
    private Hello hello;
    private SrpNovice srp;

    /**
     * @param onAuthenticated told before our confirmation leaves, so the connection is known before the expert can
     *        act on it
     * @param onConfirmed told after it left, so whatever the receiver sends follows the confirmation on the wire
     */
    NoviceHandshake(TransportSettings settings, Gatekeeper gatekeeper, byte[] ownFingerprint, SecureRandom random,
            Consumer<ConnectionHandler> onAuthenticated, Consumer<ConnectionHandler> onConfirmed) {
        super(settings.handshakeTimeoutMillis());
        this.onConfirmed = onConfirmed;
        this.settings = settings;
        this.gatekeeper = gatekeeper;
        this.ownFingerprint = ownFingerprint.clone();
        this.random = random;
        this.onAuthenticated = onAuthenticated;
    }

    State state() {
        return state;
    }

    @Override
    void tlsEstablished(ChannelHandlerContext ctx) {
        if (state == State.AWAIT_TLS) state = State.AWAIT_HELLO;
    }

    @Override
    void received(ChannelHandlerContext ctx, ControlType type, byte[] payload) {
        if (state == State.AWAIT_HELLO && type == ControlType.HELLO) {
            onHello(ctx, payload);
        } else if (state == State.AWAIT_PROOF && type == ControlType.PROOF) {
            onProof(ctx, payload);
        } else {
            violation(ctx, type + " while the novice waits for " + (state == State.AWAIT_PROOF ? "PROOF" : "HELLO"));
        }
    }

    private void onHello(ChannelHandlerContext ctx, byte[] payload) {
        byte[] helloBytes = payload;
        try {
            hello = HandshakeMessages.hello(payload);
        } catch (MalformedMessageException e) {
            if (payload.length > 0 && payload[0] != HandshakeMessages.WIRE_VERSION) {
                refuse(ctx, WRONG_VERSION);
            } else {
                violation(ctx, "a malformed hello (" + e.getMessage() + ")");
            }
            return;
        }
        Admission admission;
        try {
            admission = gatekeeper.admit(hello);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The gate failed on " + hello.invitationId(), e);
            refuse(ctx, GATE_FAILED);
            return;
        }
        if (admission == null || !admission.admitted()) {
            refuse(ctx, admission == null ? GATE_FAILED : admission.refusal());
            return;
        }
        if (!usable(admission)) {
            LOG.log(Level.WARNING, "The gate admitted {0} without a usable SRP salt and verifier", hello.invitationId());
            refuse(ctx, GATE_FAILED);
            return;
        }
        srp = new SrpNovice(helloBytes, hello.invitationId(), admission.srpSalt(), admission.srpVerifier(), random);
        ctx.writeAndFlush(Frame.control(ControlType.CHALLENGE, HandshakeMessages.challenge(srp.challenge())));
        state = State.AWAIT_PROOF;
    }

    private static boolean usable(Admission admission) {
        byte[] salt = admission.srpSalt();
        byte[] verifier = admission.srpVerifier();
        return salt != null && salt.length > 0 && salt.length <= HandshakeMessages.MAX_SALT_BYTES && verifier != null
                && verifier.length > 0 && verifier.length <= SrpGroup.BYTES;
    }

    private void onProof(ChannelHandlerContext ctx, byte[] payload) {
        byte[] confirmation;
        try {
            confirmation = srp.verify(HandshakeMessages.proof(payload), ownFingerprint);
        } catch (MalformedMessageException | AuthenticationException e) {
            LOG.log(Level.INFO, "Password proof for invitation {0} from {1} failed: {2}",
                    new Object[] {hello.invitationId(), ctx.channel().remoteAddress(), e.getMessage()});
            tellGate(() -> gatekeeper.failedAttempt(hello));
            refuse(ctx, WRONG_PASSWORD);
            return;
        } finally {
            srp = null;
        }
        tellGate(() -> gatekeeper.succeeded(hello));
        state = State.AUTHENTICATED;
        ConnectionHandler connection = new ConnectionHandler(ctx.channel(), hello, settings);
        onAuthenticated.accept(connection);
        ctx.writeAndFlush(Frame.control(ControlType.CONFIRM, HandshakeMessages.confirm(confirmation)));
        authenticated(ctx, connection);
        onConfirmed.accept(connection);
    }

    /** The gate's bookkeeping failing must not change what the expert is told. */
    private void tellGate(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The gate failed to record an attempt on " + hello.invitationId(), e);
        }
    }

    private void refuse(ChannelHandlerContext ctx, String why) {
        state = State.REFUSED;
        finish();
        CloseReason.offer(ctx.channel(), "refused: " + why);
        ctx.writeAndFlush(Frame.control(ControlType.REFUSAL, HandshakeMessages.text(why)))
                .addListener(ChannelFutureListener.CLOSE);
    }
}

package org.lifeline.transport.tcp.internal;

import io.netty.channel.ChannelHandlerContext;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import org.lifeline.api.transport.Hello;
import org.lifeline.transport.tcp.internal.HandshakeMessages.Challenge;
import org.lifeline.transport.tcp.internal.HandshakeMessages.Proof;

/**
 * The expert's side of DESIGN §5: once TLS accepted the pinned certificate, say hello, answer the SRP challenge
 * with A and our key confirmation, and accept the connection only after the novice's confirmation checks out.
 * The result is one {@link ConnectionHandler} or an {@link AttemptFailure}.
 */
final class ExpertHandshake extends HandshakeHandler {
    enum State { AWAIT_TLS, AWAIT_CHALLENGE, AWAIT_CONFIRM, AUTHENTICATED, FAILED }

    private final TransportSettings settings;
    private final Hello hello;
    private final byte[] helloBytes;
    private final byte[] password;
    private final Fingerprints.Source fingerprints;
    private final String address;
    private final CompletableFuture<ConnectionHandler> result;
    private final SrpExpert srp;
    private State state = State.AWAIT_TLS;
    private byte[] fingerprintSeen;

    /**
     * @param password UTF-8 of the password, shared with the dialer, which wipes it once every attempt is over
     * @param address the candidate as the person knows it, for messages
     */
    ExpertHandshake(TransportSettings settings, long deadlineMillis, Hello hello, byte[] password,
            Fingerprints.Source fingerprints, SecureRandom random, String address,
            CompletableFuture<ConnectionHandler> result) {
        super(deadlineMillis);
        this.settings = settings;
        this.hello = hello;
        this.helloBytes = HandshakeMessages.hello(hello);
        this.password = password;
        this.fingerprints = fingerprints;
        this.address = address;
        this.result = result;
        this.srp = new SrpExpert(helloBytes, hello.invitationId(), random);
    }

    State state() {
        return state;
    }

    @Override
    void tlsEstablished(ChannelHandlerContext ctx) {
        if (state != State.AWAIT_TLS) return;
        fingerprintSeen = fingerprints.fingerprint(ctx);
        ctx.writeAndFlush(Frame.control(ControlType.HELLO, helloBytes));
        state = State.AWAIT_CHALLENGE;
    }

    @Override
    void tlsFailed(ChannelHandlerContext ctx, Throwable cause) {
        String reason;
        if (PinningTrustManager.isPinMismatch(cause)) {
            reason = notThisComputer(address);
        } else if (rootCause(cause) instanceof java.nio.channels.ClosedChannelException) {
            reason = "the computer at " + address + " closed the connection before it was secured";
        } else {
            reason = "the secure connection failed (" + rootMessage(cause) + ")";
        }
        fail(ctx, AttemptFailure.failed(reason));
    }

    static String notThisComputer(String address) {
        return "the computer at " + address + " is not the one that made this invitation";
    }

    @Override
    void received(ChannelHandlerContext ctx, ControlType type, byte[] payload) throws MalformedMessageException {
        if (type == ControlType.REFUSAL && (state == State.AWAIT_CHALLENGE || state == State.AWAIT_CONFIRM)) {
            String why = HandshakeMessages.text(payload);
            fail(ctx, AttemptFailure.refused(why.isEmpty() ? "the novice refused the connection" : why));
        } else if (type == ControlType.CHALLENGE && state == State.AWAIT_CHALLENGE) {
            onChallenge(ctx, payload);
        } else if (type == ControlType.CONFIRM && state == State.AWAIT_CONFIRM) {
            onConfirm(ctx, payload);
        } else {
            State was = state;
            state = State.FAILED;
            srp.wipe();
            result.completeExceptionally(AttemptFailure.failed("the computer at " + address
                    + " does not speak Lifeline's protocol"));
            violation(ctx, type + " in state " + was);
        }
    }

    private void onChallenge(ChannelHandlerContext ctx, byte[] payload) {
        Proof proof;
        try {
            Challenge challenge = HandshakeMessages.challenge(payload);
            proof = srp.respond(challenge, password, fingerprintSeen);
        } catch (MalformedMessageException | AuthenticationException e) {
            fail(ctx, AttemptFailure.failed("the computer at " + address + " sent an invalid password challenge"));
            return;
        }
        ctx.writeAndFlush(Frame.control(ControlType.PROOF, HandshakeMessages.proof(proof)));
        state = State.AWAIT_CONFIRM;
    }

    private void onConfirm(ChannelHandlerContext ctx, byte[] payload) {
        try {
            srp.confirm(HandshakeMessages.confirmMac(payload));
        } catch (MalformedMessageException | AuthenticationException e) {
            fail(ctx, AttemptFailure.failed("the computer at " + address
                    + " could not prove that it made this invitation"));
            return;
        }
        state = State.AUTHENTICATED;
        ConnectionHandler connection = new ConnectionHandler(ctx.channel(), hello, settings);
        authenticated(ctx, connection);
        if (!result.complete(connection)) connection.close("another address of the novice answered first");
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        State was = state;
        if (was != State.AUTHENTICATED && was != State.FAILED) {
            state = State.FAILED;
            srp.wipe();
            result.completeExceptionally(AttemptFailure.failed(was == State.AWAIT_TLS
                    ? "the connection was closed before it was secured"
                    : "the connection was closed before the novice answered"));
        }
        super.channelInactive(ctx);
    }

    @Override
    void timedOut(ChannelHandlerContext ctx) {
        state = State.FAILED;
        srp.wipe();
        result.completeExceptionally(AttemptFailure.failed("timed out"));
    }

    private void fail(ChannelHandlerContext ctx, AttemptFailure failure) {
        state = State.FAILED;
        srp.wipe();
        finish();
        result.completeExceptionally(failure);
        ctx.close();
    }

    static String rootMessage(Throwable t) {
        Throwable root = rootCause(t);
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root;
    }
}

package org.lifeline.transport.tcp.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.agreement.srp.SRP6Client;
import org.lifeline.transport.tcp.internal.HandshakeMessages.Challenge;
import org.lifeline.transport.tcp.internal.HandshakeMessages.Proof;
import org.lifeline.transport.tcp.internal.KeyConfirmation.Role;

/**
 * The expert's half of SRP-6a plus key confirmation, as a state machine that only moves forward: a step out of
 * order is an {@link IllegalStateException}, and the confirmation key is wiped when the run ends either way.
 */
final class SrpExpert {
    enum State { STARTED, PROOF_SENT, CONFIRMED, FAILED }

    private final byte[] hello;
    private final String invitationId;
    private final SecureRandom random;
    private State state = State.STARTED;
    private byte[] key;
    private byte[] transcript;
    private byte[] fingerprint;

    SrpExpert(byte[] hello, String invitationId, SecureRandom random) {
        this.hello = hello.clone();
        this.invitationId = invitationId;
        this.random = random;
    }

    State state() {
        return state;
    }

    /**
     * Answers the novice's challenge.
     *
     * @param password UTF-8 of the password; read, not kept (the caller wipes it)
     * @param fingerprintSeen SHA-256 of the certificate this side received in TLS
     */
    Proof respond(Challenge challenge, byte[] password, byte[] fingerprintSeen) throws AuthenticationException {
        expect(State.STARTED);
        state = State.FAILED;
        SRP6Client client = new SRP6Client();
        client.init(SrpGroup.GROUP, SrpGroup.digest(), random);
        BigInteger a = client.generateClientCredentials(challenge.salt(),
                invitationId.getBytes(StandardCharsets.UTF_8), password);
        BigInteger s;
        try {
            s = client.calculateSecret(SrpGroup.decode(challenge.b()));
        } catch (CryptoException e) {
            throw new AuthenticationException("the novice sent an invalid SRP value");
        }
        byte[] aBytes = SrpGroup.encode(a);
        transcript = KeyConfirmation.transcriptHash(hello, challenge.salt(), aBytes, challenge.b());
        key = KeyConfirmation.key(SrpGroup.encode(s), transcript);
        fingerprint = fingerprintSeen.clone();
        byte[] mac = KeyConfirmation.mac(key, Role.EXPERT, transcript, invitationId, fingerprint);
        state = State.PROOF_SENT;
        return new Proof(aBytes, mac);
    }

    /** Checks the novice's confirmation; only after it has the novice proven it holds the verifier. */
    void confirm(byte[] noviceMac) throws AuthenticationException {
        expect(State.PROOF_SENT);
        try {
            byte[] expected = KeyConfirmation.mac(key, Role.NOVICE, transcript, invitationId, fingerprint);
            if (!KeyConfirmation.matches(expected, noviceMac)) {
                state = State.FAILED;
                throw new AuthenticationException("the novice's key confirmation does not match");
            }
            state = State.CONFIRMED;
        } finally {
            wipe();
        }
    }

    void wipe() {
        if (key != null) Arrays.fill(key, (byte) 0);
        key = null;
        if (state != State.CONFIRMED) state = State.FAILED;
    }

    private void expect(State expected) {
        if (state != expected) throw new IllegalStateException("SRP step for " + expected + " in state " + state);
    }
}

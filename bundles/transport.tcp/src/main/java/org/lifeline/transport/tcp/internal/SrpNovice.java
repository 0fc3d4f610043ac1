package org.lifeline.transport.tcp.internal;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.agreement.srp.SRP6Server;
import org.lifeline.transport.tcp.internal.HandshakeMessages.Challenge;
import org.lifeline.transport.tcp.internal.HandshakeMessages.Proof;
import org.lifeline.transport.tcp.internal.KeyConfirmation.Role;

/**
 * The novice's half of SRP-6a plus key confirmation. The novice holds only the salt and verifier; a step out of
 * order is an {@link IllegalStateException}, and the confirmation key is wiped when the run ends either way.
 */
final class SrpNovice {
    enum State { STARTED, CHALLENGED, VERIFIED, FAILED }

    private final byte[] hello;
    private final String invitationId;
    private final byte[] salt;
    private final SRP6Server server = new SRP6Server();
    private State state = State.STARTED;
    private byte[] b;

    SrpNovice(byte[] hello, String invitationId, byte[] salt, byte[] verifier, SecureRandom random) {
        this.hello = hello.clone();
        this.invitationId = invitationId;
        this.salt = salt.clone();
        server.init(SrpGroup.GROUP, SrpGroup.decode(verifier), SrpGroup.digest(), random);
    }

    State state() {
        return state;
    }

    Challenge challenge() {
        expect(State.STARTED);
        b = SrpGroup.encode(server.generateServerCredentials());
        state = State.CHALLENGED;
        return new Challenge(salt.clone(), b.clone());
    }

    /**
     * Checks the expert's proof against this side's own certificate fingerprint.
     *
     * @return the novice's key confirmation, to send back
     */
    byte[] verify(Proof proof, byte[] ownFingerprint) throws AuthenticationException {
        expect(State.CHALLENGED);
        state = State.FAILED;
        byte[] key = null;
        try {
            byte[] secret;
            try {
                secret = SrpGroup.encode(server.calculateSecret(SrpGroup.decode(proof.a())));
            } catch (CryptoException e) {
                throw new AuthenticationException("the expert sent an invalid SRP value");
            }
            byte[] transcript = KeyConfirmation.transcriptHash(hello, salt, proof.a(), b);
            key = KeyConfirmation.key(secret, transcript);
            byte[] expected = KeyConfirmation.mac(key, Role.EXPERT, transcript, invitationId, ownFingerprint);
            if (!KeyConfirmation.matches(expected, proof.mac())) {
                throw new AuthenticationException("wrong password");
            }
            byte[] mine = KeyConfirmation.mac(key, Role.NOVICE, transcript, invitationId, ownFingerprint);
            state = State.VERIFIED;
            return mine;
        } finally {
            if (key != null) Arrays.fill(key, (byte) 0);
        }
    }

    private void expect(State expected) {
        if (state != expected) throw new IllegalStateException("SRP step for " + expected + " in state " + state);
    }
}

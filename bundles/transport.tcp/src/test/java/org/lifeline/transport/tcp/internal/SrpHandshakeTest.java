package org.lifeline.transport.tcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lifeline.api.transport.Hello;
import org.lifeline.transport.tcp.internal.HandshakeMessages.Challenge;
import org.lifeline.transport.tcp.internal.HandshakeMessages.Proof;

class SrpHandshakeTest {
    private static final String ID = "inv-42";
    private static final byte[] HELLO = HandshakeMessages.hello(new Hello(1, ID, "Bob", false));
    private final byte[] salt = TestSupport.salt();
    private final byte[] fingerprint = new byte[32];

    private SrpNovice novice(String password) {
        return new SrpNovice(HELLO, ID, salt, TestSupport.verifier(ID, salt, password), TestSupport.RANDOM);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theRightPasswordConfirmsBothSides() throws Exception {
        SrpNovice novice = novice("correct horse");
        SrpExpert expert = new SrpExpert(HELLO, ID, TestSupport.RANDOM);
        Proof proof = expert.respond(novice.challenge(), utf8("correct horse"), fingerprint);
        byte[] confirmation = novice.verify(proof, fingerprint);
        expert.confirm(confirmation);
        assertThat(novice.state()).isEqualTo(SrpNovice.State.VERIFIED);
        assertThat(expert.state()).isEqualTo(SrpExpert.State.CONFIRMED);
    }

    @Test
    void anInvitationWithoutPasswordUsesTheEmptyPassword() throws Exception {
        SrpNovice novice = novice("");
        SrpExpert expert = new SrpExpert(HELLO, ID, TestSupport.RANDOM);
        expert.confirm(novice.verify(expert.respond(novice.challenge(), new byte[0], fingerprint), fingerprint));
        assertThat(expert.state()).isEqualTo(SrpExpert.State.CONFIRMED);
    }

    @Test
    void aWrongPasswordIsDetectedByTheNovice() {
        SrpNovice novice = novice("correct horse");
        SrpExpert expert = new SrpExpert(HELLO, ID, TestSupport.RANDOM);
        assertThatThrownBy(() -> novice.verify(expert.respond(novice.challenge(), utf8("battery staple"), fingerprint),
                fingerprint)).isInstanceOf(AuthenticationException.class).hasMessage("wrong password");
        assertThat(novice.state()).isEqualTo(SrpNovice.State.FAILED);
    }

    @Test
    void aRelayThatShowsTheExpertAnotherCertificateCannotMakeTheProofsMatch() throws Exception {
        SrpNovice novice = novice("pw");
        SrpExpert expert = new SrpExpert(HELLO, ID, TestSupport.RANDOM);
        byte[] relaysCertificate = new byte[32];
        relaysCertificate[0] = 1;
        Proof proof = expert.respond(novice.challenge(), utf8("pw"), relaysCertificate);
        assertThatThrownBy(() -> novice.verify(proof, fingerprint)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aTamperedHelloBreaksTheTranscript() throws Exception {
        SrpNovice novice = novice("pw");
        byte[] otherHello = HandshakeMessages.hello(new Hello(1, ID, "Mallory", true));
        SrpExpert expert = new SrpExpert(otherHello, ID, TestSupport.RANDOM);
        Proof proof = expert.respond(novice.challenge(), utf8("pw"), fingerprint);
        assertThatThrownBy(() -> novice.verify(proof, fingerprint)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aForgedNoviceConfirmationIsRejected() throws Exception {
        SrpNovice novice = novice("pw");
        SrpExpert expert = new SrpExpert(HELLO, ID, TestSupport.RANDOM);
        expert.respond(novice.challenge(), utf8("pw"), fingerprint);
        assertThatThrownBy(() -> expert.confirm(new byte[32])).isInstanceOf(AuthenticationException.class);
        assertThat(expert.state()).isEqualTo(SrpExpert.State.FAILED);
    }

    @Test
    void stepsOutOfOrderAreRefused() throws Exception {
        SrpNovice novice = novice("pw");
        SrpExpert expert = new SrpExpert(HELLO, ID, TestSupport.RANDOM);
        assertThatThrownBy(() -> expert.confirm(new byte[32])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> novice.verify(new Proof(new byte[SrpGroup.BYTES], new byte[32]), fingerprint))
                .isInstanceOf(IllegalStateException.class);
        Challenge challenge = novice.challenge();
        assertThatThrownBy(novice::challenge).isInstanceOf(IllegalStateException.class);
        expert.respond(challenge, utf8("pw"), fingerprint);
        assertThatThrownBy(() -> expert.respond(challenge, utf8("pw"), fingerprint))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aZeroPublicValueIsRejected() {
        SrpNovice novice = novice("pw");
        novice.challenge();
        assertThatThrownBy(() -> novice.verify(new Proof(new byte[SrpGroup.BYTES], new byte[32]), fingerprint))
                .isInstanceOf(AuthenticationException.class);
        SrpExpert expert = new SrpExpert(HELLO, ID, TestSupport.RANDOM);
        assertThatThrownBy(() -> expert.respond(new Challenge(salt, SrpGroup.encode(SrpGroup.GROUP.getN())),
                utf8("pw"), fingerprint)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void theSrpMessagesDoNotContainThePassword() throws Exception {
        String password = "a rather long secret password";
        SrpNovice novice = novice(password);
        SrpExpert expert = new SrpExpert(HELLO, ID, TestSupport.RANDOM);
        byte[] challenge = HandshakeMessages.challenge(novice.challenge());
        Proof proof = expert.respond(HandshakeMessages.challenge(challenge), utf8(password), fingerprint);
        byte[] confirmation = novice.verify(proof, fingerprint);
        for (byte[] message : new byte[][] {HELLO, challenge, HandshakeMessages.proof(proof), confirmation}) {
            assertThat(new String(message, StandardCharsets.ISO_8859_1)).doesNotContain(password);
        }
    }
}

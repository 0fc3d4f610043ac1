package org.lifeline.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bouncycastle.crypto.agreement.srp.SRP6Client;
import org.bouncycastle.crypto.agreement.srp.SRP6Server;
import org.bouncycastle.crypto.agreement.srp.SRP6StandardGroups;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.api.HostPort;
import org.lifeline.api.LifelineException;
import org.lifeline.api.invitation.Admission;
import org.lifeline.api.invitation.Invitation;
import org.lifeline.api.invitation.InvitationGate;
import org.lifeline.api.invitation.InvitationRequest;
import org.lifeline.api.invitation.InvitationStatus;
import org.lifeline.api.invitation.NoviceIdentity;
import org.lifeline.api.invitation.Ticket;

class InvitationStoreTest {
    private static final String PASSWORD = "Correct-Horse-7731";

    @TempDir
    Path dir;
    StoreFixture f;

    @BeforeEach
    void setUp() {
        f = new StoreFixture(dir);
    }

    private static InvitationRequest request(String password, Duration expiry) {
        return new InvitationRequest("file", "/tmp/help.msrcincident", expiry,
                password == null ? null : password.toCharArray(), false, "please help", 0);
    }

    private static InvitationRequest request() {
        return request(PASSWORD, null);
    }

    @Test
    void createdInvitationIsOpenListeningAndSentAsAReadableTicket() {
        InvitationStore store = f.store();
        Invitation inv = store.create(request());
        assertThat(inv.status()).isEqualTo(InvitationStatus.OPEN);
        assertThat(inv.expires()).isEqualTo(inv.created().plus(Duration.ofHours(1)));
        assertThat(inv.passwordProtected()).isTrue();
        assertThat(f.listener.listened).containsExactly(inv.id() + "@45000");
        assertThat(f.file.sent).hasSize(1);
        Ticket t = Tickets.CODEC.read(f.file.sent.get(0).ticket());
        assertThat(t.invitationId()).isEqualTo(inv.id());
        assertThat(t.addresses()).containsExactly(new HostPort("127.0.0.1", 45000));
        assertThat(t.passwordProtected()).isTrue();
        assertThat(t.expires()).isEqualTo(inv.expires());
        assertThat(f.file.sent.get(0).message()).isEqualTo("please help");
        NoviceIdentity id = store.identity(inv.id()).orElseThrow();
        assertThat(t.certificateFingerprint()).isEqualTo(NoviceKeys.fingerprint(id.certificate()));
        assertThat(id.certificate().getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void invitationsSurviveANewStoreOnTheSameFolder() {
        InvitationStore first = f.store();
        Invitation inv = first.create(request());
        Admission before = first.admit(inv.id());
        first.succeeded(inv.id());
        first.sessionStarted(inv.id());
        byte[] fingerprint = NoviceKeys.fingerprint(first.identity(inv.id()).orElseThrow().certificate());
        first.deactivate();

        InvitationStore second = f.store();
        Invitation back = second.find(inv.id()).orElseThrow();
        assertThat(back.channelId()).isEqualTo("file");
        assertThat(back.recipient()).isEqualTo("/tmp/help.msrcincident");
        assertThat(back.message()).isEqualTo("please help");
        assertThat(back.created()).isEqualTo(inv.created());
        assertThat(back.expires()).isEqualTo(inv.expires());
        assertThat(back.sessions()).isEqualTo(1);
        assertThat(back.lastUsed()).isEqualTo(f.clock.now);
        assertThat(back.port()).isEqualTo(inv.port());
        assertThat(back.ticket().invitationId()).isEqualTo(inv.id());
        Admission after = second.admit(inv.id());
        assertThat(after.srpSalt()).isEqualTo(before.srpSalt());
        assertThat(after.srpVerifier()).isEqualTo(before.srpVerifier());
        assertThat(NoviceKeys.fingerprint(second.identity(inv.id()).orElseThrow().certificate())).isEqualTo(fingerprint);
        assertThat(second.warnings()).isEmpty();
        assertThat(f.listener.closed).containsExactly(inv.id());
        assertThat(f.listener.listened).containsExactly(inv.id() + "@45000", inv.id() + "@45000");
    }

    /** The transport runs SRP-6a with exactly these parameters; a full exchange must agree. */
    @Test
    void verifierLetsTheRightPasswordAndOnlyItAgreeOnAKey() throws Exception {
        InvitationStore store = f.store();
        Invitation inv = store.create(request());
        Admission a = store.admit(inv.id());
        assertThat(a.admitted()).isTrue();
        assertThat(srpAgrees(inv.id(), a, PASSWORD)).isTrue();
        assertThat(srpAgrees(inv.id(), a, "correct-horse-7731")).isFalse();
    }

    @Test
    void invitationWithoutPasswordUsesTheEmptyPassword() throws Exception {
        f.policy.password = false;
        InvitationStore store = f.store();
        Invitation inv = store.create(request(null, null));
        assertThat(inv.passwordProtected()).isFalse();
        assertThat(Tickets.CODEC.read(f.file.sent.get(0).ticket()).passwordProtected()).isFalse();
        assertThat(srpAgrees(inv.id(), store.admit(inv.id()), "")).isTrue();
    }

    private static boolean srpAgrees(String id, Admission a, String password) throws Exception {
        SecureRandom random = new SecureRandom();
        SRP6Client client = new SRP6Client();
        client.init(SRP6StandardGroups.rfc5054_3072, new SHA256Digest(), random);
        SRP6Server server = new SRP6Server();
        server.init(SRP6StandardGroups.rfc5054_3072, new BigInteger(1, a.srpVerifier()), new SHA256Digest(), random);
        BigInteger bigA = client.generateClientCredentials(a.srpSalt(), id.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
        BigInteger bigB = server.generateServerCredentials();
        BigInteger clientSecret = client.calculateSecret(bigB);
        BigInteger serverSecret = server.calculateSecret(bigA);
        return clientSecret.equals(serverSecret);
    }

    @Test
    void passwordArrayIsWipedAfterCreate() {
        char[] pw = PASSWORD.toCharArray();
        f.store().create(new InvitationRequest("file", "x", null, pw, false, "", 0));
        assertThat(new String(pw)).isEqualTo("\0".repeat(PASSWORD.length()));
    }

    @Test
    void noClearPasswordAnywhereOnDisk() throws Exception {
        InvitationStore store = f.store();
        Invitation inv = store.create(request());
        store.failedAttempt(inv.id());
        store.succeeded(inv.id());
        List<byte[]> needles = List.of(PASSWORD.getBytes(StandardCharsets.UTF_8),
                PASSWORD.getBytes(StandardCharsets.UTF_16LE), PASSWORD.getBytes(StandardCharsets.UTF_16BE),
                Base64.getEncoder().encode(PASSWORD.getBytes(StandardCharsets.UTF_8)));
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(3);
        for (Path p : files) {
            byte[] content = Files.readAllBytes(p);
            for (byte[] needle : needles) assertThat(indexOf(content, needle)).as("%s", p).isEqualTo(-1);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    @Test
    void keyAndInvitationFilesAreOwnerOnly() throws Exception {
        Invitation inv = f.store().create(request());
        assertThat(Files.readString(dir.resolve(inv.id() + ".key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----");
        for (String name : List.of(".key.pem", ".invitation")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(inv.id() + name))))
                    .isEqualTo("rw-------");
        }
    }

    @Test
    void corruptedFileIsSetAsideAndReportedNotLost() throws Exception {
        Invitation kept = f.store().create(request());
        Invitation damaged = f.store().create(request());
        Path file = dir.resolve(damaged.id() + ".invitation");
        byte[] content = Files.readAllBytes(file);
        String text = new String(content, StandardCharsets.UTF_8).replace("sessions=0", "sessions=9");
        Files.writeString(file, text);

        InvitationStore reopened = f.store();
        assertThat(reopened.find(damaged.id())).isEmpty();
        assertThat(reopened.find(kept.id())).isPresent();
        assertThat(file).doesNotExist();
        assertThat(dir.resolve(damaged.id() + ".invitation.corrupt")).hasContent(text);
        assertThat(reopened.warnings()).singleElement().asString()
                .contains(damaged.id()).contains("damaged").contains(".corrupt");
        assertThat(reopened.admit(damaged.id()).admitted()).isFalse();
    }

    @Test
    void truncatedFileIsSetAsideToo() throws Exception {
        Invitation inv = f.store().create(request());
        Path file = dir.resolve(inv.id() + ".invitation");
        byte[] content = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(content, content.length / 2));
        InvitationStore reopened = f.store();
        assertThat(reopened.list()).isEmpty();
        assertThat(dir.resolve(inv.id() + ".invitation.corrupt")).exists();
        assertThat(reopened.warnings()).hasSize(1);
    }

    @Test
    void hundredDaysIsRefusedAndNinetyNineAccepted() {
        InvitationStore store = f.store();
        assertThatThrownBy(() -> store.create(request(PASSWORD, Duration.ofDays(100))))
                .isInstanceOf(LifelineException.class).hasMessageContaining("at most 99d");
        assertThat(store.create(request(PASSWORD, Duration.ofDays(99))).expires())
                .isEqualTo(f.clock.now.plus(Duration.ofDays(99)));
        assertThat(f.listener.listened).hasSize(1);
    }

    @Test
    void policyMaximumIsRespected() {
        f.policy.maxExpiry = Duration.ofHours(8);
        assertThatThrownBy(() -> f.store().create(request(PASSWORD, Duration.ofHours(9))))
                .hasMessageContaining("at most 8h");
    }

    @Test
    void missingPasswordIsRefusedWhenPolicyRequiresOne() {
        InvitationStore store = f.store();
        assertThatThrownBy(() -> store.create(request(null, null))).isInstanceOf(LifelineException.class)
                .hasMessageContaining("requires a password");
        assertThatThrownBy(() -> store.create(request("", null))).hasMessageContaining("requires a password");
        assertThat(store.list()).isEmpty();
        assertThat(f.listener.listened).isEmpty();
    }

    @Test
    void invitationsTurnedOffByPolicyAreRefused() {
        InvitationStore store = f.store();
        Invitation inv = store.create(request());
        f.policy.invitations = false;
        assertThatThrownBy(() -> store.create(request())).hasMessageContaining("turned off");
        assertThat(store.admit(inv.id()).admitted()).isFalse();
    }

    @Test
    void withoutATransportCreateSaysSoAndLeavesNothingBehind() throws Exception {
        InvitationStore store = f.bare();
        store.open(dir);
        assertThatThrownBy(() -> store.create(request())).isInstanceOf(LifelineException.class)
                .hasMessageStartingWith("no transport is running");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void unknownChannelIsNamed() {
        assertThatThrownBy(() -> f.store().create(new InvitationRequest("pigeon", "x", null, PASSWORD.toCharArray(), false, "", 0)))
                .hasMessageContaining("'pigeon'").hasMessageContaining("ra:channels");
    }

    @Test
    void listenerArrivingLaterListensAgainForEveryOpenInvitation() {
        InvitationStore first = f.store();
        Invitation open = first.create(request());
        Invitation revoked = first.create(request());
        first.revoke(revoked.id());
        Invitation expired = first.create(request(PASSWORD, Duration.ofMinutes(5)));
        first.deactivate();
        f.clock.advance(Duration.ofMinutes(10));

        InvitationStore second = f.bare();
        second.open(dir);
        StoreFixture.Listener later = new StoreFixture.Listener();
        second.bindListener(later);
        assertThat(later.listened).containsExactly(open.id() + "@" + open.port())
                .noneMatch(l -> l.startsWith(expired.id()) || l.startsWith(revoked.id()));
    }

    @Test
    void higherRankedCandidatesComeFirstWithoutDuplicates() {
        InvitationStore store = f.store();
        store.bindCandidates(port -> List.of(new HostPort("198.51.100.7", 60000), new HostPort("127.0.0.1", port)),
                Map.of("service.ranking", 100, "service.id", 7L));
        Invitation inv = store.create(request());
        assertThat(inv.ticket().addresses()).containsExactly(new HostPort("198.51.100.7", 60000),
                new HostPort("127.0.0.1", inv.port()));
    }

    @Test
    void backOffDoublesAndTheFifthFailureLocks() {
        InvitationStore store = f.store();
        String id = store.create(request()).id();
        List<String> waits = new ArrayList<>();
        for (int n = 1; n < InvitationGate.MAX_FAILED_ATTEMPTS; n++) {
            assertThat(store.admit(id).admitted()).isTrue();
            store.failedAttempt(id);
            Admission refused = store.admit(id);
            assertThat(refused.admitted()).isFalse();
            waits.add(refused.refusal().replaceAll(".*wait (\\d+) s.*", "$1"));
            f.clock.advance(Duration.ofSeconds(1L << (n - 1)).minusMillis(1));
            assertThat(store.admit(id).admitted()).as("still waiting after failure %d", n).isFalse();
            f.clock.advance(Duration.ofMillis(1));
        }
        assertThat(waits).containsExactly("1", "2", "4", "8");
        assertThat(store.admit(id).admitted()).isTrue();
        store.failedAttempt(id);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(InvitationStatus.LOCKED);
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(store.admit(id).refusal()).contains("locked");
        assertThat(f.store().find(id).orElseThrow().status()).as("the lock survives a restart").isEqualTo(InvitationStatus.LOCKED);
    }

    @Test
    void parallelAttemptsNeverGetMoreThanFiveGuesses() {
        InvitationStore store = f.store();
        String id = store.create(request()).id();
        for (int i = 0; i < InvitationGate.MAX_FAILED_ATTEMPTS; i++) assertThat(store.admit(id).admitted()).isTrue();
        assertThat(store.admit(id).refusal()).contains("at once");
        store.failedAttempt(id);
        f.clock.advance(Duration.ofSeconds(2));
        assertThat(store.admit(id).admitted()).as("1 failure + 4 running = 5").isFalse();
        for (int i = 1; i < InvitationGate.MAX_FAILED_ATTEMPTS; i++) store.failedAttempt(id);
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(InvitationStatus.LOCKED);
    }

    @Test
    void anAttemptThatNeverFinishedStopsCountingAfterTheHandshakeTimeout() {
        InvitationStore store = f.store();
        String id = store.create(request()).id();
        for (int i = 0; i < InvitationGate.MAX_FAILED_ATTEMPTS; i++) store.admit(id);
        f.clock.advance(InvitationStore.HANDSHAKE_TIMEOUT);
        assertThat(store.admit(id).admitted()).isTrue();
    }

    @Test
    void successResetsFailuresAndOnlyAStartedSessionCounts() {
        InvitationStore store = f.store();
        String id = store.create(request()).id();
        store.failedAttempt(id);
        store.failedAttempt(id);
        f.clock.advance(Duration.ofSeconds(5));
        store.succeeded(id);
        Invitation inv = store.find(id).orElseThrow();
        assertThat(inv.failedAttempts()).isZero();
        assertThat(inv.sessions()).as("an authenticated candidate the expert may still abandon").isZero();
        assertThat(inv.lastUsed()).isNull();
        assertThat(store.admit(id).admitted()).isTrue();

        f.clock.advance(Duration.ofSeconds(1));
        store.sessionStarted(id);
        inv = store.find(id).orElseThrow();
        assertThat(inv.sessions()).isEqualTo(1);
        assertThat(inv.lastUsed()).isEqualTo(f.clock.now);
    }

    @Test
    void revokedInvitationIsRefusedAtOnceAndStopsListening() {
        InvitationStore store = f.store();
        String id = store.create(request()).id();
        assertThat(store.revoke(id).status()).isEqualTo(InvitationStatus.REVOKED);
        assertThat(f.listener.closed).containsExactly(id);
        assertThat(store.admit(id).refusal()).contains("cancelled");
        assertThatThrownBy(() -> store.resend(id)).hasMessageContaining("REVOKED");
        assertThat(f.store().admit(id).admitted()).as("still revoked after a restart").isFalse();
    }

    @Test
    void expiredInvitationIsRefusedBeforeAnyScreenData() {
        InvitationStore store = f.store();
        String id = store.create(request(PASSWORD, Duration.ofMinutes(30))).id();
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(store.find(id).orElseThrow().status()).isEqualTo(InvitationStatus.EXPIRED);
        Admission a = store.admit(id);
        assertThat(a.refusal()).contains("expired");
        assertThat(a.srpVerifier()).isNull();
    }

    @Test
    void unknownInvitationIsRefused() {
        assertThat(f.store().admit("nosuchthing").refusal()).contains("no such invitation");
        assertThat(f.store().admit(null).admitted()).isFalse();
    }

    @Test
    void resendSendsTheSameTicketThroughTheSameChannel() {
        InvitationStore store = f.store();
        String id = store.create(request()).id();
        store.resend(id);
        assertThat(f.file.sent).hasSize(2);
        assertThat(f.file.sent.get(1).ticket()).isEqualTo(f.file.sent.get(0).ticket());
        assertThat(f.file.sent.get(1).recipient()).isEqualTo("/tmp/help.msrcincident");
    }

    @Test
    void changingExpiryReissuesTheFileTicket() {
        InvitationStore store = f.store();
        String id = store.create(request()).id();
        f.clock.advance(Duration.ofMinutes(10));
        Instant later = f.clock.now.plus(Duration.ofDays(3));
        assertThat(store.changeExpiry(id, later).expires()).isEqualTo(later);
        assertThat(f.file.sent).hasSize(2);
        Ticket reissued = Tickets.CODEC.read(f.file.sent.get(1).ticket());
        assertThat(reissued.expires()).isEqualTo(later);
        assertThat(reissued.start()).isEqualTo(f.clock.now);
        assertThat(f.store().find(id).orElseThrow().expires()).isEqualTo(later);
    }

    @Test
    void expiryBeyondPolicyFromNowIsRefusedAndNothingChanges() {
        InvitationStore store = f.store();
        Invitation inv = store.create(request());
        assertThatThrownBy(() -> store.changeExpiry(inv.id(), f.clock.now.plus(Duration.ofDays(100))))
                .hasMessageContaining("at most 99d");
        assertThatThrownBy(() -> store.changeExpiry(inv.id(), f.clock.now.minusSeconds(1))).hasMessageContaining("past");
        assertThat(store.find(inv.id()).orElseThrow().expires()).isEqualTo(inv.expires());
        assertThat(f.file.sent).hasSize(1);
    }

    @Test
    void extendingAnExpiredInvitationOpensItAgain() {
        InvitationStore store = f.store();
        Invitation inv = store.create(request(PASSWORD, Duration.ofMinutes(5)));
        f.clock.advance(Duration.ofMinutes(6));
        assertThat(store.admit(inv.id()).admitted()).isFalse();
        store.changeExpiry(inv.id(), f.clock.now.plus(Duration.ofHours(1)));
        assertThat(store.admit(inv.id()).admitted()).isTrue();
        assertThat(f.listener.listened).containsExactly(inv.id() + "@" + inv.port(), inv.id() + "@" + inv.port());
    }
}

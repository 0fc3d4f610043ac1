package org.lifeline.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.api.HostPort;
import org.lifeline.api.LifelineException;
import org.lifeline.api.invitation.DeliveryReceipt;
import org.lifeline.api.invitation.Invitation;
import org.lifeline.api.invitation.InvitationChannel;
import org.lifeline.api.invitation.InvitationRequest;
import org.lifeline.api.invitation.InvitationService;
import org.lifeline.api.invitation.InvitationStatus;
import org.lifeline.api.invitation.Ticket;
import org.lifeline.api.invitation.TicketCodec;
import org.lifeline.api.invitation.TicketException;

class InvitationCommandsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private PrintStream oldErr;
    private final FakeService service = new FakeService();
    private final InvitationCommands commands = new InvitationCommands();

    /** Remembers the request as it arrived (the store wipes the password, so it is copied here). */
    static final class FakeService implements InvitationService {
        InvitationRequest request;
        String password;
        List<String> warnings = List.of();
        final List<Invitation> listed = new ArrayList<>();

        @Override
        public Invitation create(InvitationRequest r) {
            request = r;
            password = r.password() == null ? null : new String(r.password());
            return new Invitation("k3x9q2ma7fzd", r.channelId(), r.recipient(), r.message(), NOW,
                    NOW.plus(r.expiry() == null ? Duration.ofHours(1) : r.expiry()), InvitationStatus.OPEN, null, 0, 0,
                    r.password() != null, r.lowBandwidth(), 45000, null);
        }

        @Override
        public List<Invitation> list() {
            return listed;
        }

        @Override
        public Optional<Invitation> find(String id) {
            return Optional.empty();
        }

        @Override
        public DeliveryReceipt resend(String id) {
            return new DeliveryReceipt("file", "/x", NOW, "saved to /x");
        }

        @Override
        public Invitation revoke(String id) {
            throw new LifelineException("there is no invitation " + id + ": ra:invitations lists them");
        }

        @Override
        public Invitation changeExpiry(String id, Instant expires) {
            return new Invitation(id, "file", "/x", "", NOW, expires, InvitationStatus.OPEN, null, 0, 0, true, false, 1, null);
        }

        @Override
        public List<String> warnings() {
            return warnings;
        }
    }

    @BeforeEach
    void capture() {
        oldOut = System.out;
        oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        commands.invitations = service;
        commands.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @AfterEach
    void restore() {
        System.setOut(oldOut);
        System.setErr(oldErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private void invite(String channel, String to, String outFile, String expires, String password, String passwordFile,
            boolean noPassword) {
        commands.invite(channel, to, outFile, expires, password, passwordFile, noPassword, false, "", 0);
    }

    @Test
    void withoutPasswordOptionsAStrongPasswordIsGeneratedAndPrintedOnce() {
        invite("file", "", "help.msrcincident", "", "", "", false);
        assertThat(service.password).matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}");
        assertThat(out()).contains("invitation  k3x9q2ma7fzd", "password    " + service.password, "expires     2026-03-01T11:00:00Z (in 1h)");
        assertThat(out().split(service.password, -1)).hasSize(2);
        assertThat(service.request.recipient()).isEqualTo(Path.of("help.msrcincident").toAbsolutePath().toString());
    }

    @Test
    void remainingTimeReadsLikeAPersonWouldSayIt() {
        assertThat(InvitationCommands.human(Duration.ofSeconds(3599))).isEqualTo("1h");
        assertThat(InvitationCommands.human(Duration.ofMinutes(119))).isEqualTo("1h 59m");
        assertThat(InvitationCommands.human(Duration.ofDays(7).minusMinutes(30))).isEqualTo("6d 23h");
        assertThat(InvitationCommands.human(Duration.ofSeconds(20))).isEqualTo("20s");
        assertThat(InvitationCommands.human(Duration.ofMinutes(45))).isEqualTo("45m");
    }

    @Test
    void passwordGenerateAsksForOneExplicitly() {
        invite("file", "", "a", "", "generate", "", false);
        assertThat(service.password).hasSize(19).isNotEqualTo("generate");
    }

    @Test
    void noPasswordSendsNone() {
        invite("file", "", "a", "", "", "", true);
        assertThat(service.password).isNull();
        assertThat(out()).contains("password    none");
    }

    @Test
    void givenPasswordIsUsedAndNotPrinted() {
        invite("file", "", "a", "2h", "s3cret-Phrase", "", false);
        assertThat(service.password).isEqualTo("s3cret-Phrase");
        assertThat(service.request.expiry()).isEqualTo(Duration.ofHours(2));
        assertThat(out()).doesNotContain("s3cret");
    }

    @Test
    void passwordFileGivesItsFirstLine() throws Exception {
        Path f = dir.resolve("pw");
        Files.writeString(f, "from-a-file\nsecond line\n");
        invite("file", "", "a", "", "", f.toString(), false);
        assertThat(service.password).isEqualTo("from-a-file");
    }

    @Test
    void twoPasswordChoicesAreOneClearError() {
        assertThatThrownBy(() -> invite("file", "", "a", "", "pw", "", true)).isInstanceOf(LifelineException.class)
                .hasMessageContaining("only one of");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("give only one of --password, --password-file and --no-password"
                + System.lineSeparator());
        assertThat(service.request).isNull();
    }

    @Test
    void fileChannelNeedsWhereToSave() {
        assertThatThrownBy(() -> invite("file", "", "", "", "", "", false)).hasMessageContaining("--out FILE");
    }

    @Test
    void otherChannelsTakeTheRecipientFromTo() {
        invite("email", "bob@example.org", "", "", "", "", false);
        assertThat(service.request.channelId()).isEqualTo("email");
        assertThat(service.request.recipient()).isEqualTo("bob@example.org");
        assertThat(out()).contains("sent to     bob@example.org (email)");
        assertThatThrownBy(() -> invite("email", "", "x", "", "", "", false)).hasMessageContaining("--to WHO");
    }

    @Test
    void unreadableExpiryIsRefusedBeforeAnythingIsCreated() {
        assertThatThrownBy(() -> invite("file", "", "a", "tomorrow", "", "", false)).hasMessageContaining("not a duration");
        assertThat(service.request).isNull();
    }

    @Test
    void invitationsTableShowsEveryColumnAndStoreWarnings() {
        service.listed.add(new Invitation("k3x9q2ma7fzd", "file", "/tmp/help.msrcincident", "", NOW, NOW.plusSeconds(3600),
                InvitationStatus.LOCKED, null, 2, 5, true, false, 45000, null));
        service.warnings = List.of("invitation file x.invitation is damaged and was set aside as x.invitation.corrupt");
        commands.invitations();
        String[] lines = out().split("\\R");
        assertThat(lines[0]).startsWith("ID").contains("CHANNEL", "RECIPIENT", "CREATED", "EXPIRES", "STATUS", "SESSIONS");
        assertThat(lines[1]).contains("k3x9q2ma7fzd", "file", "/tmp/help.msrcincident", "2026-03-01T10:00:00Z",
                "2026-03-01T11:00:00Z", "LOCKED").endsWith("2");
        assertThat(lines[2]).startsWith("warning: ").contains(".corrupt");
    }

    @Test
    void failingCommandPrintsOneLineAndThrows() {
        assertThatThrownBy(() -> commands.revoke("nope")).isInstanceOf(LifelineException.class);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("there is no invitation nope: ra:invitations lists them");
    }

    @Test
    void missingServiceIsSaidPlainly() {
        commands.invitations = null;
        assertThatThrownBy(() -> commands.invitations()).hasMessageContaining("invitation service is not running");
    }

    @Test
    void expiryCountsFromNow() {
        commands.expiry("k3x9q2ma7fzd", "7d");
        assertThat(out()).contains("now expires 2026-03-08T10:00:00Z");
    }

    private Path ticketFile() throws Exception {
        Path f = dir.resolve("t.msrcincident");
        Files.writeString(f, "<UPLOADINFO/>");
        return f;
    }

    private static Ticket ticket(Instant start) {
        return new Ticket("alice", List.of(new HostPort("127.0.0.1", 5500)), 1, "k3x9q2ma7fzd", new byte[32], start,
                Duration.ofHours(1), true, false);
    }

    private static TicketCodec codec(Ticket t, TicketException failure) {
        return new TicketCodec() {
            @Override
            public byte[] write(Ticket ticket) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Ticket read(byte[] file) {
                if (failure != null) throw failure;
                return t;
            }
        };
    }

    @Test
    void inspectShowsTheFieldsAndSaysWhenExpired() throws Exception {
        commands.codec = codec(ticket(NOW.minus(Duration.ofHours(2))), null);
        commands.inspect(ticketFile().toString());
        assertThat(out()).contains("user         alice", "invitation   k3x9q2ma7fzd", "addresses    127.0.0.1:5500",
                "password     required", "verdict      EXPIRED");
        out.reset();
        commands.codec = codec(ticket(NOW), null);
        commands.inspect(ticketFile().toString());
        assertThat(out()).contains("verdict      valid for 1h");
    }

    @Test
    void inspectNamesTamperingAndWindowsTicketsAndFails() throws Exception {
        for (TicketException.Reason reason : List.of(TicketException.Reason.TAMPERED, TicketException.Reason.WINDOWS_TICKET)) {
            out.reset();
            commands.codec = codec(null, new TicketException(reason, "because " + reason));
            assertThatThrownBy(() -> commands.inspect(ticketFile().toString())).isInstanceOf(TicketException.class);
            assertThat(out()).contains("verdict      " + reason);
        }
    }

    @Test
    void channelsListsWhatIsRegistered() {
        InvitationChannel ch = new InvitationChannel() {
            @Override
            public String id() {
                return "file";
            }

            @Override
            public String displayName() {
                return "Save as a file";
            }

            @Override
            public DeliveryReceipt send(Invitation invitation, byte[] ticketFile, String recipient, String message) {
                throw new UnsupportedOperationException();
            }
        };
        commands.channels();
        assertThat(out()).contains("no invitation channels");
        out.reset();
        commands.bindChannel(ch, Map.of(InvitationChannel.CHANNEL_ID, "file"));
        commands.channels();
        assertThat(out()).contains("file  Save as a file");
    }
}

package org.lifeline.ticket.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lifeline.api.HostPort;
import org.lifeline.api.invitation.DeliveryReceipt;
import org.lifeline.api.invitation.Invitation;
import org.lifeline.api.invitation.InvitationChannel;
import org.lifeline.api.invitation.NoviceListener;
import org.lifeline.api.policy.AssistancePolicy;

/** The store with plain-object stand-ins for what other bundles provide; nothing listens on a real socket. */
final class StoreFixture {

    static final class Policy implements AssistancePolicy {
        boolean invitations = true;
        boolean password = true;
        Duration defaultExpiry = Duration.ofHours(1);
        Duration maxExpiry = Duration.ofDays(99);

        @Override
        public boolean invitationsEnabled() {
            return invitations;
        }

        @Override
        public boolean controlEnabled() {
            return true;
        }

        @Override
        public Duration defaultExpiry() {
            return defaultExpiry;
        }

        @Override
        public Duration maxExpiry() {
            return maxExpiry;
        }

        @Override
        public boolean passwordRequired() {
            return password;
        }
    }

    /** Hands out ports without opening sockets, and remembers what it was asked. */
    static final class Listener implements NoviceListener {
        final List<String> listened = new ArrayList<>();
        final List<String> closed = new ArrayList<>();
        int nextFreePort = 45000;

        @Override
        public int listen(String invitationId, int preferredPort) {
            int port = preferredPort != 0 ? preferredPort : nextFreePort++;
            listened.add(invitationId + "@" + port);
            return port;
        }

        @Override
        public void close(String invitationId) {
            closed.add(invitationId);
        }
    }

    record Sent(Invitation invitation, byte[] ticket, String recipient, String message) {
    }

    static final class Channel implements InvitationChannel {
        final String id;
        final List<Sent> sent = new ArrayList<>();

        Channel(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String displayName() {
            return "test " + id;
        }

        @Override
        public DeliveryReceipt send(Invitation invitation, byte[] ticketFile, String recipient, String message) {
            sent.add(new Sent(invitation, ticketFile.clone(), recipient, message));
            return new DeliveryReceipt(id, recipient, Instant.EPOCH, "kept in memory");
        }
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Policy policy = new Policy();
    final Listener listener = new Listener();
    final Channel file = new Channel("file");
    final MutableClock clock = new MutableClock();
    final Path dir;

    StoreFixture(Path dir) {
        this.dir = dir;
    }

    /** A store wired as DS would wire it, listener included. */
    InvitationStore store() {
        InvitationStore s = bare();
        s.bindListener(listener);
        s.open(dir);
        return s;
    }

    /** A store with no listener yet. */
    InvitationStore bare() {
        InvitationStore s = new InvitationStore();
        s.policy = policy;
        s.clock = clock;
        s.bindChannel(file, Map.of(InvitationChannel.CHANNEL_ID, "file"));
        s.bindCandidates(port -> List.of(new HostPort("127.0.0.1", port)), Map.of("service.id", 1L));
        return s;
    }
}

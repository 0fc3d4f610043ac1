package org.lifeline.api.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.lifeline.api.HostPort;

/**
 * The contents of an invitation ticket file (an {@code .msrcincident} in Microsoft's shape).
 *
 * @param userName the novice's name (USERNAME)
 * @param addresses connection candidates, tried in this order (RCTICKET's address list; a person may edit it)
 * @param protocolVersion Lifeline protocol version from CONNINFO
 * @param invitationId the invitation this ticket belongs to (CONNINFO)
 * @param certificateFingerprint SHA-256 of the novice's per-invitation TLS certificate (CONNINFO)
 * @param start DtStart: when the invitation was made (a hint; the novice's side decides)
 * @param length DtLength: how long it is valid (a hint; the novice's side decides)
 * @param passwordProtected RCTICKETENCRYPTED: the expert must type a password
 * @param lowBandwidth L="1": the novice asked for the low-bandwidth profile
 */
public record Ticket(String userName, List<HostPort> addresses, int protocolVersion, String invitationId,
        byte[] certificateFingerprint, Instant start, Duration length, boolean passwordProtected,
        boolean lowBandwidth) {
    public Ticket {
        addresses = List.copyOf(addresses);
        certificateFingerprint = certificateFingerprint.clone();
    }

    @Override
    public byte[] certificateFingerprint() {
        return certificateFingerprint.clone();
    }

    public Instant expires() {
        return start.plus(length);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expires());
    }
}

package org.lifeline.api.invitation;

import java.time.Instant;

/**
 * An invitation as the novice's invitation store sees it (the seed's "View Invitation Status").
 *
 * @param recipient channel-specific address: a file path, an e-mail address, a messenger id
 * @param port the TCP port the novice listens on for this invitation
 */
public record Invitation(String id, String channelId, String recipient, String message, Instant created,
        Instant expires, InvitationStatus status, Instant lastUsed, int sessions, int failedAttempts,
        boolean passwordProtected, boolean lowBandwidth, int port, Ticket ticket) {
}

package org.lifeline.api.invitation;

import java.time.Duration;

/**
 * What the novice asks for when inviting.
 *
 * @param channelId the channel that carries the ticket (e.g. "file")
 * @param recipient the channel's address for the expert (for "file": the path to write)
 * @param expiry how long the invitation stays valid; {@code null} means the policy's default
 * @param password the invitation password, or {@code null} for none (refused when policy requires one);
 *        the store keeps only a verifier and clears this array
 * @param port the port to listen on, 0 for any free one
 */
public record InvitationRequest(String channelId, String recipient, Duration expiry, char[] password,
        boolean lowBandwidth, String message, int port) {
}

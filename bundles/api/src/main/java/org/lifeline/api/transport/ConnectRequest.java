package org.lifeline.api.transport;

import java.time.Duration;
import java.util.List;
import org.lifeline.api.HostPort;

/**
 * An expert's connection attempt.
 *
 * @param candidates tried in order, the next started after {@code stagger} if the previous has not answered
 * @param certificateFingerprint SHA-256 of the novice's certificate, from the ticket
 * @param password the invitation password ({@code null} or empty when the ticket has none); cleared after use
 */
public record ConnectRequest(List<HostPort> candidates, byte[] certificateFingerprint, Hello hello,
        char[] password, Duration stagger, Duration timeout) {
}

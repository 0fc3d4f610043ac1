package org.lifeline.api.invitation;

import java.time.Instant;

/** What a channel did with a ticket, in words a person understands (e.g. "saved to /home/a/help.msrcincident"). */
public record DeliveryReceipt(String channelId, String recipient, Instant sent, String detail) {
}

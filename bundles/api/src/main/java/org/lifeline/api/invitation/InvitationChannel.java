package org.lifeline.api.invitation;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A way to deliver an invitation ticket to an expert: a file, e-mail, a messenger. Vendors add one by
 * shipping a bundle that registers this service with the {@link #CHANNEL_ID} property.
 */
@ConsumerType
public interface InvitationChannel {
    /** Service property naming the channel; equal to {@link #id()}. */
    String CHANNEL_ID = "channel.id";

    String id();

    String displayName();

    /**
     * Delivers the ticket file. Throws a {@code LifelineException} saying what went wrong and what
     * to do (e.g. "the mail server refused alice@example.org: check the address").
     *
     * @param ticketFile the complete ticket file, ready to save or attach
     */
    DeliveryReceipt send(Invitation invitation, byte[] ticketFile, String recipient, String message);
}

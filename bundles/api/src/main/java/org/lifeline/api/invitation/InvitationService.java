package org.lifeline.api.invitation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The novice's invitations: create, list, resend, re-date and revoke. Failures are {@code LifelineException}s. */
@ProviderType
public interface InvitationService {
    /** Creates the invitation, starts listening for it, and sends the ticket through its channel. */
    Invitation create(InvitationRequest request);

    List<Invitation> list();

    Optional<Invitation> find(String id);

    DeliveryReceipt resend(String id);

    Invitation revoke(String id);

    /** Moves the expiry (at most the policy's maximum from now) and re-issues the ticket where the channel is a file. */
    Invitation changeExpiry(String id, Instant expires);

    /**
     * Problems found in the store that a person should know about, one line each (e.g. a damaged
     * invitation file that was set aside as {@code *.corrupt}); empty when all is well.
     */
    default List<String> warnings() {
        return List.of();
    }
}

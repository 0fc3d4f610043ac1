package org.lifeline.api.invitation;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/** Writes and reads invitation ticket files. */
@ProviderType
public interface TicketCodec {
    /** Largest ticket file the reader accepts. */
    int MAX_TICKET_BYTES = 64 * 1024;

    byte[] write(Ticket ticket);

    /**
     * Reads a ticket strictly; an expired ticket is still returned (callers decide), every other
     * problem is a {@link TicketException} with one clear message.
     */
    Ticket read(byte[] file) throws TicketException;

    /**
     * Reads a ticket for connecting: like {@link #read}, and a ticket whose own dates say it has run out is
     * a {@link TicketException} with reason {@code EXPIRED} (a hint only: the novice's side decides).
     */
    default Ticket readUnexpired(byte[] file, Instant now) throws TicketException {
        Ticket t = read(file);
        if (t.isExpired(now)) {
            throw new TicketException(TicketException.Reason.EXPIRED, "this invitation expired at " + t.expires()
                    + ": ask the novice for a new one");
        }
        return t;
    }
}

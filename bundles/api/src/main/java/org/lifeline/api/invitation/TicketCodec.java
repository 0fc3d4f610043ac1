package org.lifeline.api.invitation;

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
}

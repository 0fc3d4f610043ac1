package org.lifeline.api.invitation;

import org.lifeline.api.LifelineException;

/** A ticket that cannot be used; {@link #reason()} tells scripts which of the documented failures it is. */
public class TicketException extends LifelineException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        NOT_XML, TOO_LARGE, MISSING_FIELD, BAD_FIELD, BAD_ADDRESS, TAMPERED, UNSUPPORTED_PROTOCOL,
        /** Made by Windows Remote Assistance: only Windows' own tool can open it. */
        WINDOWS_TICKET, EXPIRED
    }

    private final Reason reason;

    public TicketException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

package org.lifeline.api;

/**
 * A failure a person can act on: the message is one line saying what happened and what to do.
 * Every service throws this (or a subclass) for expected failures so the shell and UI can show it
 * as it is, without a stack trace.
 */
public class LifelineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LifelineException(String message) {
        super(message);
    }

    public LifelineException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.lifeline.screen.internal;

/** A SCREEN or CURSOR message that breaks {@link ScreenProtocol}; the message says which rule. */
final class ScreenProtocolException extends Exception {
    private static final long serialVersionUID = 1L;

    ScreenProtocolException(String message) {
        super(message);
    }
}

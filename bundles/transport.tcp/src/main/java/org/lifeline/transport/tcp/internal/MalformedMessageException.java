package org.lifeline.transport.tcp.internal;

/** A handshake message that breaks its format or one of its limits. */
final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedMessageException(String message) {
        super(message);
    }
}

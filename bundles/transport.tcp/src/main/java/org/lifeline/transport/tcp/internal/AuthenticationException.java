package org.lifeline.transport.tcp.internal;

/** The peer failed the password proof or sent numbers SRP rejects. */
final class AuthenticationException extends Exception {
    private static final long serialVersionUID = 1L;

    AuthenticationException(String message) {
        super(message);
    }
}

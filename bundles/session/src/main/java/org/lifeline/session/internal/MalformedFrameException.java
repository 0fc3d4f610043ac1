package org.lifeline.session.internal;

/** A frame the peer should never have sent; the receiver drops and logs it. */
final class MalformedFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedFrameException(String message) {
        super(message);
    }
}

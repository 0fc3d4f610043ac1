package org.lifeline.api.session;

/** The session's life (DESIGN §5): nothing but the request reaches the novice before AWAITING_CONSENT ends. */
public enum SessionState {
    CONNECTING, AUTHENTICATING, AWAITING_CONSENT, VIEWING, CONTROL_REQUESTED, IN_CONTROL, CLOSED;

    /** True once the novice has accepted and until the session closes. */
    public boolean isShared() {
        return this == VIEWING || this == CONTROL_REQUESTED || this == IN_CONTROL;
    }
}

package org.lifeline.api.session;

/**
 * Something that happened in a session, for UIs, the shell and the audit log.
 *
 * @param detail one line for a person (e.g. "the novice pressed Esc: control ended")
 */
public record SessionEvent(String sessionId, Type type, SessionState state, String detail) {
    public enum Type {
        STATE_CHANGED, CONSENT_REQUESTED, CONTROL_REQUESTED, CONTROL_GRANTED, CONTROL_DENIED, CONTROL_ENDED,
        INPUT_DROPPED, CLOSED
    }
}

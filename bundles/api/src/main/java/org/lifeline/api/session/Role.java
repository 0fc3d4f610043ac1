package org.lifeline.api.session;

/** Which side of a session this machine is. */
public enum Role {
    /** Asked for help; shares the screen; grants control. */
    NOVICE,
    /** Helps; views; takes control when allowed. */
    EXPERT
}

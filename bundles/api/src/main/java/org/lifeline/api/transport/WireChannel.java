package org.lifeline.api.transport;

/**
 * The logical channels multiplexed on one connection (DESIGN §6). Lower {@link #priority()} goes first:
 * input and chat overtake screen data.
 */
public enum WireChannel {
    CONTROL(0, 0), SCREEN(1, 3), INPUT(2, 0), CURSOR(3, 1), CHAT(4, 1), VOICE(5, 2), FILE(6, 3), CLIPBOARD(7, 2);

    private final int id;
    private final int priority;

    WireChannel(int id, int priority) {
        this.id = id;
        this.priority = priority;
    }

    public int id() {
        return id;
    }

    public int priority() {
        return priority;
    }

    /** @return the channel, or {@code null} for an unknown id */
    public static WireChannel of(int id) {
        for (WireChannel c : values()) {
            if (c.id == id) return c;
        }
        return null;
    }
}

package org.lifeline.api.screen;

/** One monitor of the novice's desktop, in desktop coordinates. */
public record Monitor(int index, String name, Rect bounds, boolean primary) {
}

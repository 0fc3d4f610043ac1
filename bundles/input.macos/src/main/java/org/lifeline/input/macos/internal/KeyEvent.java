package org.lifeline.input.macos.internal;

/**
 * One keyboard CGEvent to post: a key code, down or up, the complete modifier flags, and the text it
 * types ({@code null} for keys that type nothing or whose text macOS derives itself).
 */
record KeyEvent(int code, boolean down, long flags, String text) {
}

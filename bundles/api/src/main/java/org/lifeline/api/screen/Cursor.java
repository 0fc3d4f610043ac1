package org.lifeline.api.screen;

/**
 * The pointer: position in captured-area coordinates and, when it changed, its shape.
 *
 * @param shape ARGB pixels of the cursor image, {@code null} when unchanged since the last call
 * @param serial changes whenever the shape changes
 */
public record Cursor(int x, int y, int hotX, int hotY, int width, int height, int[] shape, long serial) {
}

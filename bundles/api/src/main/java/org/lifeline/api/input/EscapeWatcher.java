package org.lifeline.api.input;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tells when the novice presses Esc anywhere on the desktop, without taking the key from applications.
 * Esc presses that Lifeline injected for the expert are never reported.
 */
@ProviderType
public interface EscapeWatcher {
    /** Starts watching; {@code onEscape} runs on the watcher's thread. Close the handle to stop. */
    AutoCloseable watch(Runnable onEscape);
}

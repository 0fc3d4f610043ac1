package org.lifeline.api.transport;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An authenticated connection: TLS 1.3, certificate pinned, password proven by both sides. Frames are
 * delivered in order per channel; input and chat overtake queued screen data.
 */
@ProviderType
public interface Connection {
    /** Largest payload of one frame; larger messages are refused by both sides. */
    int MAX_PAYLOAD = 4 * 1024 * 1024;

    /** The remote address as seen on this side. */
    String peer();

    Hello hello();

    /** Sends a frame; never blocks. Returns false if the connection is closed. */
    boolean send(WireChannel channel, byte[] payload);

    /** Receives every frame; replaces any earlier receiver. Called on a transport thread: do not block. */
    void onFrame(BiConsumer<WireChannel, byte[]> receiver);

    /** Told once, with a reason a person can read, when the connection ends for any cause. */
    void onClose(Consumer<String> listener);

    boolean isOpen();

    void close(String reason);

    long bytesIn();

    long bytesOut();

    /** Last measured round-trip time in milliseconds (keep-alive ping), or -1 if none yet. */
    long roundTripMillis();

    /** Bytes queued and not yet written to the socket (for pulling screen updates only when the line is free). */
    long pendingBytes();
}

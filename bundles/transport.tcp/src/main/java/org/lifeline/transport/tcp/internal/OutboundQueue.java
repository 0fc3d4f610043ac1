package org.lifeline.transport.tcp.internal;

import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Frames waiting for the socket to become writable. Lower {@code WireChannel.priority()} leaves first (input,
 * control, chat ahead of screen and file data); frames of equal priority, and so every frame of one channel, keep
 * their order. Only frames that could not be written at once wait here: whatever already sits in Netty's
 * outbound buffer (at most the high water mark) is not overtaken. Event-loop confined.
 */
final class OutboundQueue {
    private record Entry(Frame frame, long sequence) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>(
            Comparator.comparingInt((Entry e) -> e.frame().channel().priority()).thenComparingLong(Entry::sequence));
    private long sequence;

    void add(Frame frame) {
        queue.add(new Entry(frame, sequence++));
    }

    /** @return the next frame to write, or {@code null} when empty */
    Frame poll() {
        Entry e = queue.poll();
        return e == null ? null : e.frame();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** @return the bytes the dropped frames would have taken on the wire */
    long clear() {
        long bytes = 0;
        for (Entry e : queue) bytes += e.frame().wireSize();
        queue.clear();
        return bytes;
    }
}

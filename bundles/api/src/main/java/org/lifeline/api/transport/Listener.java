package org.lifeline.api.transport;

/** A bound listening endpoint; closing it stops new connections (running ones go on). */
public interface Listener extends AutoCloseable {
    int port();

    @Override
    void close();
}

package org.lifeline.transport.tcp.internal;

/**
 * Every limit and timer of the transport in one place; {@link #DEFAULTS} are the shipped values and tests shorten
 * the timers.
 *
 * @param bindHost address to listen on; {@code null} for all of this computer's addresses
 */
record TransportSettings(int ioThreads, long handshakeTimeoutMillis, long idleTimeoutMillis, long pingIntervalMillis,
        int maxUnauthenticated, long maxPendingBytes, int writeLowWaterMark, int writeHighWaterMark,
        String bindHost) {
    static final int IO_THREADS = 2;
    /** A client that has not finished TLS and the password proof by then is closed. */
    static final long HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    /** An authenticated connection that hears nothing (not even a ping) for this long is lost. */
    static final long IDLE_TIMEOUT_MILLIS = 30_000;
    static final long PING_INTERVAL_MILLIS = 5_000;
    /** Connections still in TLS or the handshake, per listener; see {@link NoviceListener} for what happens past it. */
    static final int MAX_UNAUTHENTICATED = 64;
    /** Queued and unwritten bytes past which a peer counts as not reading at all and is dropped. */
    static final long MAX_PENDING_BYTES = 16L * 1024 * 1024;
    static final int WRITE_LOW_WATER_MARK = 256 * 1024;
    static final int WRITE_HIGH_WATER_MARK = 1024 * 1024;

    static final TransportSettings DEFAULTS = new TransportSettings(IO_THREADS, HANDSHAKE_TIMEOUT_MILLIS,
            IDLE_TIMEOUT_MILLIS, PING_INTERVAL_MILLIS, MAX_UNAUTHENTICATED, MAX_PENDING_BYTES, WRITE_LOW_WATER_MARK,
            WRITE_HIGH_WATER_MARK, null);

    TransportSettings {
        if (maxPendingBytes < 2L * Frame.HEADER_BYTES + 2L * FrameDecoder.MAX_PAYLOAD) {
            throw new IllegalArgumentException("maxPendingBytes must hold two full frames");
        }
    }

    TransportSettings withTimers(long handshakeMillis, long idleMillis, long pingMillis) {
        return new TransportSettings(ioThreads, handshakeMillis, idleMillis, pingMillis, maxUnauthenticated,
                maxPendingBytes, writeLowWaterMark, writeHighWaterMark, bindHost);
    }

    TransportSettings withBindHost(String host) {
        return new TransportSettings(ioThreads, handshakeTimeoutMillis, idleTimeoutMillis, pingIntervalMillis,
                maxUnauthenticated, maxPendingBytes, writeLowWaterMark, writeHighWaterMark, host);
    }
}

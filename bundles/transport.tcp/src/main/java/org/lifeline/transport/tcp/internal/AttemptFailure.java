package org.lifeline.transport.tcp.internal;

/**
 * Why one candidate address did not give a connection. A {@linkplain #isFinal() final} failure is the novice's
 * own answer (expired, revoked, locked, wrong password): asking the same novice at another address cannot change
 * it, so the dialer stops.
 */
final class AttemptFailure extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean fin;

    private AttemptFailure(String reason, boolean fin) {
        super(reason, null, false, false);
        this.fin = fin;
    }

    static AttemptFailure refused(String novicesWords) {
        return new AttemptFailure(novicesWords, true);
    }

    static AttemptFailure failed(String reason) {
        return new AttemptFailure(reason, false);
    }

    boolean isFinal() {
        return fin;
    }
}

package org.lifeline.api.invitation;

/** Where an invitation stands; only OPEN invitations let an expert in. */
public enum InvitationStatus {
    OPEN, EXPIRED, REVOKED,
    /** Too many wrong passwords: no further attempt is even considered. */
    LOCKED
}

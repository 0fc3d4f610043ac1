package org.lifeline.api.policy;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The novice machine's Remote Assistance settings, backed by ConfigAdmin PID {@value #PID}
 * (keys: invitations.enabled, control.enabled, expiry.default, expiry.max, password.required).
 */
@ProviderType
public interface AssistancePolicy {
    String PID = "org.lifeline.policy";
    /** The seed's hard ceiling on any invitation's life. */
    Duration ABSOLUTE_MAX_EXPIRY = Duration.ofDays(99);

    boolean invitationsEnabled();

    boolean controlEnabled();

    Duration defaultExpiry();

    Duration maxExpiry();

    boolean passwordRequired();
}

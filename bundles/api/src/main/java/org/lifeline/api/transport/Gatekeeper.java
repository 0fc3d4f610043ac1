package org.lifeline.api.transport;

import org.lifeline.api.invitation.Admission;
import org.osgi.annotation.versioning.ConsumerType;

/** What the transport asks during the novice's handshake; normally backed by the invitation gate. */
@ConsumerType
public interface Gatekeeper {
    Admission admit(Hello hello);

    void failedAttempt(Hello hello);

    void succeeded(Hello hello);
}

package org.lifeline.api.transport;

import java.util.function.Consumer;
import org.lifeline.api.invitation.NoviceIdentity;

/**
 * A novice's listening endpoint for one invitation.
 *
 * @param port 0 for any free port
 * @param onConnection called with each connection that passed TLS, the gate and the password proof
 */
public record ListenRequest(int port, NoviceIdentity identity, Gatekeeper gatekeeper,
        Consumer<Connection> onConnection) {
}

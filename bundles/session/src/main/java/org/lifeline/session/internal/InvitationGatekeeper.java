package org.lifeline.session.internal;

import java.util.function.Supplier;
import org.lifeline.api.invitation.Admission;
import org.lifeline.api.invitation.InvitationGate;
import org.lifeline.api.transport.Gatekeeper;
import org.lifeline.api.transport.Hello;

/**
 * The transport's questions for one listening endpoint, answered by the invitation store. An endpoint
 * serves exactly one invitation: a hello naming another one is refused before any password exchange.
 */
final class InvitationGatekeeper implements Gatekeeper {
    private final String invitationId;
    private final Supplier<InvitationGate> gate;

    InvitationGatekeeper(String invitationId, Supplier<InvitationGate> gate) {
        this.invitationId = invitationId;
        this.gate = gate;
    }

    @Override
    public Admission admit(Hello hello) {
        if (hello == null || !invitationId.equals(hello.invitationId())) {
            return Admission.refused("this address serves another invitation: check that the ticket is the newest one");
        }
        InvitationGate g = gate.get();
        if (g == null) return Admission.refused("the novice's invitation list is not running: try again in a minute");
        return g.admit(invitationId);
    }

    @Override
    public void failedAttempt(Hello hello) {
        InvitationGate g = gate.get();
        if (g != null && hello != null && invitationId.equals(hello.invitationId())) g.failedAttempt(invitationId);
    }

    @Override
    public void succeeded(Hello hello) {
        InvitationGate g = gate.get();
        if (g != null && hello != null && invitationId.equals(hello.invitationId())) g.succeeded(invitationId);
    }
}

package org.lifeline.transport.tcp.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.lifeline.api.invitation.Admission;
import org.lifeline.api.transport.Gatekeeper;
import org.lifeline.api.transport.Hello;

/** A gate for one invitation with a real salt and verifier; counts what the transport tells it. */
final class TestGate implements Gatekeeper {
    final String invitationId;
    final byte[] salt = TestSupport.salt();
    final byte[] verifier;
    final AtomicInteger admitted = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger succeeded = new AtomicInteger();
    final List<Hello> hellos = new CopyOnWriteArrayList<>();
    volatile String refusal;

    TestGate(String invitationId, String password) {
        this.invitationId = invitationId;
        this.verifier = TestSupport.verifier(invitationId, salt, password);
    }

    @Override
    public Admission admit(Hello hello) {
        hellos.add(hello);
        if (!hello.invitationId().equals(invitationId)) return Admission.refused("no such invitation");
        String why = refusal;
        if (why != null) return Admission.refused(why);
        admitted.incrementAndGet();
        return new Admission(null, salt.clone(), verifier.clone());
    }

    @Override
    public void failedAttempt(Hello hello) {
        failed.incrementAndGet();
    }

    @Override
    public void succeeded(Hello hello) {
        succeeded.incrementAndGet();
    }
}

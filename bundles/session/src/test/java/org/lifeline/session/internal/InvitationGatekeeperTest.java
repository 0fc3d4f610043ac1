package org.lifeline.session.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.lifeline.api.transport.Hello;
import org.lifeline.session.internal.Fakes.FakeGate;
import org.junit.jupiter.api.Test;

class InvitationGatekeeperTest {
    final FakeGate gate = new FakeGate();
    final InvitationGatekeeper keeper = new InvitationGatekeeper("inv-1", () -> gate);

    @Test
    void aHelloForAnotherInvitationIsRefusedWithoutAskingTheStore() {
        gate.passwords.put("inv-2", "pw");

        assertThat(keeper.admit(new Hello(1, "inv-2", "mallory", false)).refusal())
                .contains("serves another invitation");
        keeper.failedAttempt(new Hello(1, "inv-2", "mallory", false));
        assertThat(gate.calls).isEmpty();
    }

    @Test
    void theStoreDecidesAndCountsForItsOwnInvitation() {
        gate.passwords.put("inv-1", "pw");
        Hello hello = new Hello(1, "inv-1", "alice", false);

        assertThat(keeper.admit(hello).admitted()).isTrue();
        keeper.failedAttempt(hello);
        keeper.succeeded(hello);

        assertThat(gate.calls).containsExactly("admit inv-1", "failed inv-1", "succeeded inv-1");
    }

    @Test
    void withoutTheStoreEveryoneIsRefused() {
        InvitationGatekeeper orphan = new InvitationGatekeeper("inv-1", () -> null);

        assertThat(orphan.admit(new Hello(1, "inv-1", "alice", false)).admitted()).isFalse();
    }
}

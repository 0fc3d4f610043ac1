package org.lifeline.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lifeline.api.invitation.Admission;
import org.lifeline.api.invitation.DeliveryReceipt;
import org.lifeline.api.invitation.Invitation;
import org.lifeline.api.invitation.InvitationChannel;
import org.lifeline.api.invitation.InvitationRequest;
import org.lifeline.api.invitation.NoviceListener;

/**
 * The gate answers while other bundles are busy: the transport calls it from its event loop, so the store
 * must not hold its lock while it waits for a listener or a channel. The timeouts only stop a deadlock from
 * hanging the build; they measure nothing.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InvitationStoreLockTest {
    @TempDir
    Path dir;

    private static InvitationRequest request(String channel) {
        return new InvitationRequest(channel, "x", null, "pw-123456".toCharArray(), false, "", 0);
    }

    @Test
    void gateAnswersWhileAChannelIsStillSending() throws Exception {
        StoreFixture f = new StoreFixture(dir);
        InvitationStore store = f.store();
        String existing = store.create(request("file")).id();
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        store.bindChannel(new InvitationChannel() {
            @Override
            public String id() {
                return "slow";
            }

            @Override
            public String displayName() {
                return "a slow mail server";
            }

            @Override
            public DeliveryReceipt send(Invitation invitation, byte[] ticketFile, String recipient, String message) {
                sending.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new DeliveryReceipt("slow", recipient, invitation.created(), "sent");
            }
        }, Map.of(InvitationChannel.CHANNEL_ID, "slow"));

        CompletableFuture<Invitation> creating = CompletableFuture.supplyAsync(() -> store.create(request("slow")));
        sending.await();
        assertThat(store.admit(existing).admitted()).isTrue();
        assertThat(store.list()).hasSize(1);
        release.countDown();
        assertThat(creating.get().channelId()).isEqualTo("slow");
        assertThat(store.list()).hasSize(2);
    }

    @Test
    void listenerMayConsultTheGateFromAnotherThreadWhileListening() throws Exception {
        StoreFixture f = new StoreFixture(dir);
        InvitationStore first = f.store();
        String existing = first.create(request("file")).id();
        first.deactivate();

        InvitationStore store = f.bare();
        store.open(dir);
        store.bindListener(new NoviceListener() {
            @Override
            public int listen(String invitationId, int preferredPort) {
                // The new invitation is not stored before its ticket is sent, so ask about the existing one.
                Admission a = CompletableFuture.supplyAsync(() -> store.admit(existing)).join();
                assertThat(a.admitted()).isTrue();
                return preferredPort == 0 ? 46000 : preferredPort;
            }

            @Override
            public void close(String invitationId) {
                CompletableFuture.runAsync(() -> store.identity(invitationId)).join();
            }
        });
        assertThat(store.create(request("file")).port()).isEqualTo(46000);
        store.revoke(existing);
        assertThat(store.list()).extracting(Invitation::id).contains(existing);
        assertThat(store.admit(existing).admitted()).isFalse();
    }
}

package org.lifeline.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.lifeline.api.LifelineException;
import org.lifeline.api.chat.ChatMessage;
import org.lifeline.api.chat.ChatService;
import org.lifeline.api.session.Role;
import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionInfo;
import org.lifeline.api.session.SessionState;
import org.lifeline.api.transport.WireChannel;
import org.junit.jupiter.api.Test;
import org.osgi.service.log.Logger;

/** Two chats, the expert's and the novice's, joined by sessions that hand each CHAT frame to the other side. */
class TextChatTest {
    final List<String> log = new CopyOnWriteArrayList<>();
    final TextChat expertChat = chat();
    final TextChat noviceChat = chat();
    final LinkedSession expert = new LinkedSession("1", Role.EXPERT, "bob");
    final LinkedSession novice = new LinkedSession("4", Role.NOVICE, "alice");

    TextChatTest() {
        expert.deliverTo(noviceChat, novice);
        novice.deliverTo(expertChat, expert);
        expertChat.started(expert);
        noviceChat.started(novice);
    }

    private TextChat chat() {
        TextChat c = new TextChat();
        c.log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] { Logger.class },
                (p, m, a) -> {
                    if (a != null && a.length > 0) log.add(m.getName() + ": " + a[0]);
                    return m.getName().startsWith("is") ? Boolean.TRUE : null;
                });
        return c;
    }

    @Test
    void textTravelsBothWaysWithTheSendersNames() {
        expertChat.send("1", "Hallo Oma, siehst du mich? 👋");
        noviceChat.send("4", "Ja! Grüße aus 日本");

        assertThat(noviceChat.history("4")).extracting(ChatMessage::from, ChatMessage::sender, ChatMessage::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Role.EXPERT, "alice", "Hallo Oma, siehst du mich? 👋"),
                        org.assertj.core.groups.Tuple.tuple(Role.NOVICE, TextChat.ME, "Ja! Grüße aus 日本"));
        assertThat(expertChat.history("1")).extracting(ChatMessage::sender).containsExactly(TextChat.ME, "bob");
    }

    @Property
    void anyTextRoundTripsAsUtf8(@ForAll("printableText") String text) {
        TextChat a = chat();
        TextChat b = chat();
        LinkedSession from = new LinkedSession("1", Role.EXPERT, "bob");
        LinkedSession to = new LinkedSession("1", Role.NOVICE, "alice");
        from.deliverTo(b, to);
        a.started(from);

        a.send("1", text);

        assertThat(b.history("1")).singleElement().extracting(ChatMessage::text).isEqualTo(text);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> printableText() {
        return net.jqwik.api.Arbitraries.strings().all().filter(s -> !s.isBlank())
                .filter(s -> s.equals(TextChat.printable(s)))
                .filter(s -> StandardCharsets.UTF_8.newEncoder().canEncode(s))
                .filter(s -> s.getBytes(StandardCharsets.UTF_8).length <= ChatService.MAX_MESSAGE_BYTES);
    }

    @Test
    void aMessageOfExactlyTheLimitIsSentOneByteMoreIsRefused() {
        String limit = "€".repeat(ChatService.MAX_MESSAGE_BYTES / 3) + "x".repeat(ChatService.MAX_MESSAGE_BYTES % 3);
        assertThat(limit.getBytes(StandardCharsets.UTF_8)).hasSize(ChatService.MAX_MESSAGE_BYTES);

        expertChat.send("1", limit);
        assertThatThrownBy(() -> expertChat.send("1", limit + "x")).isInstanceOf(LifelineException.class)
                .hasMessage("the message is 4097 bytes long; at most 4096 fit in one: send it in parts");

        assertThat(noviceChat.history("4")).hasSize(1);
    }

    @Test
    void oversizedOrBrokenIncomingMessagesAreDroppedAndLogged() {
        noviceChat.received(novice, new byte[ChatService.MAX_MESSAGE_BYTES + 1]);
        noviceChat.received(novice, new byte[] { 'h', (byte) 0xc3 });

        assertThat(noviceChat.history("4")).isEmpty();
        assertThat(log).anySatisfy(l -> assertThat(l).contains("dropped a chat message of {} bytes"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("not UTF-8"));
    }

    @Test
    void terminalEscapesFromThePeerAreDefused() {
        noviceChat.received(novice, "\u001b[2Jhi\u202e\nthere\tyou 👨‍👩‍👧".getBytes(StandardCharsets.UTF_8));

        assertThat(noviceChat.history("4")).singleElement().extracting(ChatMessage::text)
                .isEqualTo("\ufffd[2Jhi\ufffd\nthere\tyou 👨‍👩‍👧");
    }

    @Test
    void historyKeepsTheLastThousandLines() {
        for (int i = 1; i <= TextChat.MAX_HISTORY + 5; i++) expertChat.send("1", "line " + i);

        List<ChatMessage> h = expertChat.history("1");
        assertThat(h).hasSize(TextChat.MAX_HISTORY);
        assertThat(h.get(0).text()).isEqualTo("line 6");
        assertThat(h.get(h.size() - 1).text()).isEqualTo("line 1005");
    }

    @Test
    void aSessionThatIsNotSharingCannotChatButItsHistoryStays() {
        expertChat.send("1", "bye");
        expertChat.ended(expert);

        assertThatThrownBy(() -> expertChat.send("1", "anyone?")).hasMessageContaining("session 1 is not sharing");
        assertThatThrownBy(() -> expertChat.send("9", "hi")).hasMessageContaining("session 9 is not sharing");
        assertThatThrownBy(() -> expertChat.send("1", "  ")).hasMessageContaining("nothing to send");
        assertThat(expertChat.history("1")).hasSize(1);
        assertThat(expertChat.history("9")).isEmpty();
    }

    @Test
    void aRefusedFrameIsReportedNotRemembered() {
        expert.open = false;

        assertThatThrownBy(() -> expertChat.send("1", "hello?")).hasMessage("session 1 has ended: the message was not sent");
        assertThat(expertChat.history("1")).isEmpty();
    }

    /** A shared session whose CHAT frames land in another chat's {@code received}. */
    static final class LinkedSession implements Session {
        final String id;
        final Role role;
        final String peerName;
        TextChat peerChat;
        Session peerSession;
        boolean open = true;

        LinkedSession(String id, Role role, String peerName) {
            this.id = id;
            this.role = role;
            this.peerName = peerName;
        }

        void deliverTo(TextChat chat, Session session) {
            peerChat = chat;
            peerSession = session;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public Role role() {
            return role;
        }

        @Override
        public SessionState state() {
            return open ? SessionState.VIEWING : SessionState.CLOSED;
        }

        @Override
        public SessionInfo info() {
            return new SessionInfo(id, role, "127.0.0.1:1", peerName, "inv", state(), false, 0, 0, Instant.EPOCH, null);
        }

        @Override
        public boolean send(WireChannel channel, byte[] payload) {
            if (!open || channel != WireChannel.CHAT) return false;
            if (peerChat != null) peerChat.received(peerSession, payload.clone());
            return true;
        }

        @Override
        public long roundTripMillis() {
            return 0;
        }

        @Override
        public long pendingBytes() {
            return 0;
        }
    }
}

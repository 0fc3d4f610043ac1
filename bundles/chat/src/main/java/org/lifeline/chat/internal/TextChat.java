package org.lifeline.chat.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lifeline.api.LifelineException;
import org.lifeline.api.chat.ChatMessage;
import org.lifeline.api.chat.ChatService;
import org.lifeline.api.session.Role;
import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionFeature;
import org.lifeline.api.transport.WireChannel;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Text chat: each message is one CHAT frame holding its UTF-8 text, nothing else. The session layer
 * starts this feature only after the novice's consent, so a session that is not started cannot chat.
 */
@Component(service = { ChatService.class, SessionFeature.class }, property = SessionFeature.CHANNEL + "=CHAT")
public class TextChat implements ChatService, SessionFeature {
    /** Lines kept per session; older ones are forgotten. */
    static final int MAX_HISTORY = 1000;
    /** Histories of ended sessions kept for ra:history, oldest forgotten first. */
    static final int MAX_SESSIONS_REMEMBERED = 100;
    /** The sender of lines written on this machine. */
    static final String ME = "me";

    @Reference(service = LoggerFactory.class)
    Logger log;

    private final Clock clock;
    private final Map<String, Session> live = new ConcurrentHashMap<>();
    /** Guarded by itself; access order, so the least recently used history goes first. */
    private final Map<String, Deque<ChatMessage>> histories = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<ChatMessage>> eldest) {
            return size() > MAX_SESSIONS_REMEMBERED;
        }
    };

    public TextChat() {
        this(Clock.systemUTC());
    }

    TextChat(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ChatMessage send(String sessionId, String text) {
        if (text == null || text.isBlank()) throw new LifelineException("nothing to send: write the message after the session id");
        byte[] bytes = encode(text);
        if (bytes.length > MAX_MESSAGE_BYTES) {
            throw new LifelineException("the message is " + bytes.length + " bytes long; at most " + MAX_MESSAGE_BYTES
                    + " fit in one: send it in parts");
        }
        Session s = sessionId == null ? null : live.get(sessionId.trim());
        if (s == null) {
            throw new LifelineException("session " + sessionId + " is not sharing: chat works from the novice's "
                    + "acceptance until the session ends (ra:sessions)");
        }
        if (!s.send(WireChannel.CHAT, bytes)) {
            throw new LifelineException("session " + s.id() + " has ended: the message was not sent");
        }
        ChatMessage m = new ChatMessage(s.id(), s.role(), ME, clock.instant(), text);
        remember(m);
        return m;
    }

    @Override
    public List<ChatMessage> history(String sessionId) {
        if (sessionId == null) return List.of();
        synchronized (histories) {
            Deque<ChatMessage> h = histories.get(sessionId.trim());
            return h == null ? List.of() : List.copyOf(h);
        }
    }

    @Override
    public void started(Session session) {
        live.put(session.id(), session);
    }

    @Override
    public void received(Session session, byte[] payload) {
        if (payload.length > MAX_MESSAGE_BYTES) {
            log.warn("session {}: dropped a chat message of {} bytes (at most {})", session.id(), payload.length,
                    MAX_MESSAGE_BYTES);
            return;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(payload)).toString();
        } catch (CharacterCodingException e) {
            log.warn("session {}: dropped a chat message that is not UTF-8", session.id());
            return;
        }
        Role from = session.role() == Role.NOVICE ? Role.EXPERT : Role.NOVICE;
        remember(new ChatMessage(session.id(), from, session.info().peerName(), clock.instant(), printable(text)));
    }

    @Override
    public void ended(Session session) {
        live.remove(session.id(), session);
    }

    private void remember(ChatMessage m) {
        synchronized (histories) {
            Deque<ChatMessage> h = histories.computeIfAbsent(m.sessionId(), id -> new ArrayDeque<>());
            h.addLast(m);
            while (h.size() > MAX_HISTORY) h.removeFirst();
        }
    }

    private static byte[] encode(String text) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new LifelineException("the message contains a broken character: retype it");
        }
    }

    /**
     * The peer's text is shown in terminals: escape sequences and other controls become U+FFFD, so a
     * message cannot rewrite the novice's screen. Line breaks and tabs stay.
     */
    static String printable(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            boolean control = Character.isISOControl(cp) && cp != '\n' && cp != '\t';
            b.appendCodePoint(control || type == Character.FORMAT && cp != 0x200d ? 0xfffd : cp);
        });
        return b.toString();
    }
}

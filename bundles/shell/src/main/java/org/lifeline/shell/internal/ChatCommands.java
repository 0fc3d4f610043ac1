package org.lifeline.shell.internal;

import static org.lifeline.shell.internal.CommandSupport.fromConsole;
import static org.lifeline.shell.internal.CommandSupport.run;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.lifeline.api.LifelineException;
import org.lifeline.api.chat.ChatMessage;
import org.lifeline.api.chat.ChatService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Text chat from the shell: {@code ra:chat S TEXT...} sends, {@code ra:history S} shows both sides. */
@Component(service = ChatCommands.class, property = { "osgi.command.scope=ra", "osgi.command.function=chat",
        "osgi.command.function=history" })
public class ChatCommands {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ChatService chat;

    @Descriptor("send a chat message (the remaining words are the message)")
    public void chat(@Descriptor("session id") String session, @Descriptor("the message") String... words) {
        run(() -> {
            if (words == null || words.length == 0) throw new LifelineException("nothing to send: usage ra:chat SESSION TEXT...");
            chat().send(session, fromConsole(String.join(" ", words)));
        });
    }

    @Descriptor("the chat of a session, oldest first")
    public void history(@Descriptor("session id") String session) {
        run(() -> {
            List<ChatMessage> all = chat().history(session);
            if (all.isEmpty()) System.out.println("no messages in session " + session);
            for (ChatMessage m : all) System.out.println(line(m));
        });
    }

    /** "12:01:05 alice: text", with continuation lines indented so every message starts at the margin. */
    static String line(ChatMessage m) {
        String head = TIME.format(m.sent().atZone(ZoneId.systemDefault())) + " " + m.sender() + ": ";
        return head + m.text().replace("\n", "\n" + " ".repeat(head.length()));
    }

    private ChatService chat() {
        ChatService c = chat;
        if (c == null) throw new LifelineException("chat is not available: the chat bundle (org.lifeline.chat) is not running");
        return c;
    }
}

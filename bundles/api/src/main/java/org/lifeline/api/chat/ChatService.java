package org.lifeline.api.chat;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Text chat within a session. */
@ProviderType
public interface ChatService {
    /** Longest message, in UTF-8 bytes, that is sent or accepted. */
    int MAX_MESSAGE_BYTES = 4096;

    ChatMessage send(String sessionId, String text);

    List<ChatMessage> history(String sessionId);
}

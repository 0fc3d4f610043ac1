package org.lifeline.api.chat;

import java.time.Instant;
import org.lifeline.api.session.Role;

/** One chat line; {@code from} is the side that wrote it. */
public record ChatMessage(String sessionId, Role from, String sender, Instant sent, String text) {
}

package org.lifeline.api.session;

import org.lifeline.api.transport.WireChannel;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard: a feature (chat, screen, input, file, voice) that owns one wire channel. The session
 * layer delivers that channel's frames to it only while the session is shared (and INPUT only while the
 * expert is in control), and tells it when sessions start and end. Register with {@link #CHANNEL}.
 */
@ConsumerType
public interface SessionFeature {
    /** Service property: the {@link WireChannel} name this feature owns. */
    String CHANNEL = "lifeline.channel";

    /** The novice accepted: the feature may start sending. */
    void started(Session session);

    void received(Session session, byte[] payload);

    /** Control granted or ended, or the session closed; called for every state change after consent. */
    default void stateChanged(Session session, SessionState state) {
    }

    void ended(Session session);
}

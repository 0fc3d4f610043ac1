package org.lifeline.api.session;

import org.osgi.annotation.versioning.ConsumerType;

/** Whiteboard: register to hear about every session's events. */
@ConsumerType
public interface SessionListener {
    void sessionEvent(SessionEvent event);
}

package org.lifeline.screen.internal;

import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionFeature;
import org.lifeline.api.session.SessionState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The CURSOR channel, separate from SCREEN because it has the higher wire priority: pointer moves overtake a
 * large screen update. The novice's {@link NoviceShare} sends on it from the same capture as the screen (so it
 * needs nothing here); the expert's view receives it. Position travels on every change, the shape only when
 * its serial changes.
 */
@Component(property = SessionFeature.CHANNEL + "=CURSOR")
public class CursorFeature implements SessionFeature {
    @Reference
    ScreenSharing sharing;

    @Override
    public void started(Session session) {
        sharing.cursorStarted(session);
    }

    @Override
    public void received(Session session, byte[] payload) {
        sharing.cursorReceived(session, payload);
    }

    /**
     * The view belongs to the SCREEN channel and ends with it; this channel ending alone (another CURSOR
     * feature took over) must not stop the screen. Only a closed session is cleaned up from here too.
     */
    @Override
    public void ended(Session session) {
        if (session.state() == SessionState.CLOSED) sharing.ended(session);
    }
}

package org.lifeline.screen.internal;

import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionFeature;
import org.lifeline.api.session.SessionState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The SCREEN channel: pulled screen updates (requests and quality from the expert, update chunks and codec
 * statistics from the novice). Both roles; the work is done by {@link ScreenSharing}.
 */
@Component(property = SessionFeature.CHANNEL + "=SCREEN")
public class ScreenFeature implements SessionFeature {
    @Reference
    ScreenSharing sharing;

    @Override
    public void started(Session session) {
        sharing.screenStarted(session);
    }

    @Override
    public void received(Session session, byte[] payload) {
        sharing.screenReceived(session, payload);
    }

    @Override
    public void stateChanged(Session session, SessionState state) {
        if (state == SessionState.CLOSED) sharing.ended(session);
    }

    @Override
    public void ended(Session session) {
        sharing.ended(session);
    }
}

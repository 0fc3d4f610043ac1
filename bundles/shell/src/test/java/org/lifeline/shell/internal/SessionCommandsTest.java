package org.lifeline.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import org.lifeline.api.LifelineException;
import org.lifeline.api.session.Role;
import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionEvent;
import org.lifeline.api.session.SessionInfo;
import org.lifeline.api.session.SessionService;
import org.lifeline.api.session.SessionState;
import org.junit.jupiter.api.Test;

class SessionCommandsTest {
    final Map<String, Session> sessions = new ConcurrentHashMap<>();
    final Map<String, SessionState> states = new ConcurrentHashMap<>();
    final SessionCommands commands = new SessionCommands();

    SessionCommandsTest() {
        commands.eventLog = new SessionCommands.EventLog();
        commands.service = (SessionService) Proxy.newProxyInstance(SessionService.class.getClassLoader(),
                new Class<?>[] { SessionService.class }, (p, m, a) -> {
                    if (m.getName().equals("session")) return Optional.ofNullable(sessions.get((String) a[0]));
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    private void session(String id, Role role, SessionState state) {
        states.put(id, state);
        sessions.put(id, (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] { Session.class },
                (p, m, a) -> switch (m.getName()) {
                    case "role" -> role;
                    case "state" -> states.get(id);
                    case "id" -> id;
                    case "info" -> new SessionInfo(id, role, "127.0.0.1:1", "alice", "inv", states.get(id), false, 0, 0,
                            Instant.EPOCH, "the connection was lost");
                    default -> throw new UnsupportedOperationException(m.getName());
                }));
    }

    @Test
    void statesAreWrittenTheWayPeopleTypeThem() {
        assertThat(SessionCommands.parseState("in-control")).isEqualTo(SessionState.IN_CONTROL);
        assertThat(SessionCommands.parseState("VIEWING")).isEqualTo(SessionState.VIEWING);
        assertThat(SessionCommands.parseState("awaiting_consent")).isEqualTo(SessionState.AWAITING_CONSENT);
        assertThatThrownBy(() -> SessionCommands.parseState("shared")).isInstanceOf(LifelineException.class)
                .hasMessageContaining("use one of connecting, authenticating, awaiting-consent, viewing");
    }

    @Test
    void awaitReturnsOnceTheSessionGetsThere() throws Exception {
        session("1", Role.EXPERT, SessionState.AWAITING_CONSENT);

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> commands.await("1", "viewing", 10));
        states.put("1", SessionState.VIEWING);
        commands.eventLog.sessionEvent(new SessionEvent("1", SessionEvent.Type.STATE_CHANGED, SessionState.VIEWING, "accepted"));

        waiting.get();
    }

    @Test
    void awaitFailsClearlyWhenTheSessionEndsFirstOrTimeRunsOut() {
        session("1", Role.EXPERT, SessionState.CLOSED);
        session("2", Role.EXPERT, SessionState.VIEWING);

        assertThatThrownBy(() -> commands.await("1", "in-control", 5))
                .hasMessage("session 1 ended before it was in-control (the connection was lost)");
        assertThatThrownBy(() -> commands.await("2", "in-control", 0)).hasMessage("session 2 is still viewing after 0 s");
        assertThatThrownBy(() -> commands.await("3", "viewing", 0)).hasMessage("there is still no session 3 after 0 s");
    }

    @Test
    void eventsTellTheNoviceWhatToTypeNext() {
        session("1", Role.NOVICE, SessionState.AWAITING_CONSENT);

        String asked = commands.describe(new SessionEvent("1", SessionEvent.Type.CONSENT_REQUESTED,
                SessionState.AWAITING_CONSENT, "alice@127.0.0.1:4000 wants to connect"));
        String control = commands.describe(new SessionEvent("1", SessionEvent.Type.CONTROL_REQUESTED,
                SessionState.CONTROL_REQUESTED, "alice@127.0.0.1:4000 asks to control your computer"));

        assertThat(asked).isEqualTo("session 1: alice@127.0.0.1:4000 wants to connect (ra:approve 1 or ra:deny 1)");
        assertThat(control).endsWith("(ra:grant 1 or ra:stop-control 1)");
    }

    @Test
    void dashedCommandsPassTheSessionOrNoneToTheService() {
        java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        SessionService recording = (SessionService) Proxy.newProxyInstance(SessionService.class.getClassLoader(),
                new Class<?>[] { SessionService.class }, (p, m, a) -> {
                    calls.add(m.getName() + " " + (a == null ? "" : a[0]));
                    return null;
                });
        SessionCommands.TakeControl take = new SessionCommands.TakeControl();
        take.service = recording;
        SessionCommands.StopControl stop = new SessionCommands.StopControl();
        stop.service = recording;
        SessionCommands.ReleaseControl release = new SessionCommands.ReleaseControl();

        take.execute(null, java.util.List.of("3"));
        stop.execute(null, java.util.List.of());
        stop.execute(null, java.util.List.of("2"));

        assertThat(calls).containsExactly("takeControl 3", "stopControl null", "stopControl 2");
        assertThatThrownBy(() -> take.execute(null, java.util.List.of())).hasMessage("usage: ra:take-control SESSION");
        assertThatThrownBy(() -> release.execute(null, java.util.List.of("1")))
                .hasMessageContaining("the session bundle (org.lifeline.session) is not running");
    }

    @Test
    void byteCountsAreShortAndReadable() {
        assertThat(SessionCommands.bytes(512)).isEqualTo("512 B");
        assertThat(SessionCommands.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(SessionCommands.bytes(5L * 1024 * 1024)).isEqualTo("5.0 MiB");
    }
}

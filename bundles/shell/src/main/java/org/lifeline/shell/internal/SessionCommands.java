package org.lifeline.shell.internal;

import static org.lifeline.shell.internal.CommandSupport.fromConsole;
import static org.lifeline.shell.internal.CommandSupport.readPasswordFile;
import static org.lifeline.shell.internal.CommandSupport.run;
import static org.lifeline.shell.internal.CommandSupport.table;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Function;
import org.apache.felix.service.command.Parameter;
import org.lifeline.api.LifelineException;
import org.lifeline.api.session.Role;
import org.lifeline.api.session.Session;
import org.lifeline.api.session.SessionEvent;
import org.lifeline.api.session.SessionInfo;
import org.lifeline.api.session.SessionListener;
import org.lifeline.api.session.SessionService;
import org.lifeline.api.session.SessionState;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Sessions from the shell: the expert opens a ticket, the novice answers, both list, wait for and end
 * sessions. {@code ra:events} shows a novice's script "session 1: alice@… wants to connect", and
 * {@code ra:await} wakes up when a state is reached, both from the {@link EventLog} below. Commands with a
 * dash in their name ({@code ra:take-control} …) are Gogo {@link Function}s, since a Java method cannot
 * carry that name.
 */
@Component(service = SessionCommands.class, property = { "osgi.command.scope=ra",
        "osgi.command.function=open", "osgi.command.function=approve", "osgi.command.function=deny",
        "osgi.command.function=sessions", "osgi.command.function=grant", "osgi.command.function=disconnect",
        "osgi.command.function=await", "osgi.command.function=events" })
public class SessionCommands {
    static final long DEFAULT_AWAIT_SECONDS = 30;
    /** A longer wait is surely a typo (minutes meant as seconds, or the other way round). */
    static final long MAX_AWAIT_SECONDS = 24 * 3600;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile SessionService service;

    @Reference
    EventLog eventLog;

    /**
     * Keeps the recent session events for {@code ra:events} and wakes {@code ra:await}. It is a component of
     * its own with no references: were the commands themselves the listener, the session service would call
     * a component that references it back, and DS leaves one side of such a cycle unbound.
     */
    @Component(service = { SessionListener.class, EventLog.class })
    public static class EventLog implements SessionListener {
        /** Events kept for {@code ra:events}. */
        static final int MAX_EVENTS = 200;

        Clock clock = Clock.systemDefaultZone();
        /** Guarded by itself; also the monitor {@code ra:await} waits on. */
        private final Deque<Stamped> events = new ArrayDeque<>();

        @Override
        public void sessionEvent(SessionEvent event) {
            synchronized (events) {
                events.addLast(new Stamped(clock.instant(), event));
                while (events.size() > MAX_EVENTS) events.removeFirst();
                events.notifyAll();
            }
        }

        List<Stamped> recent() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }

        /** Returns after the next event or {@code millis}, whichever is first. */
        void waitForEvent(long millis) {
            synchronized (events) {
                try {
                    events.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LifelineException("stopped waiting: interrupted");
                }
            }
        }
    }

    record Stamped(Instant at, SessionEvent event) {
    }

    /** "session 1: alice@… wants to connect (ra:approve 1 or ra:deny 1)". */
    String describe(SessionEvent e) {
        String id = e.sessionId();
        String hint = switch (e.type()) {
            case CONSENT_REQUESTED -> " (ra:approve " + id + " or ra:deny " + id + ")";
            case CONTROL_REQUESTED -> roleOf(id) == Role.NOVICE ? " (ra:grant " + id + " or ra:stop-control " + id + ")" : "";
            default -> "";
        };
        return "session " + id + ": " + e.detail() + hint;
    }

    private Role roleOf(String id) {
        SessionService s = service;
        return s == null ? null : s.session(id).map(Session::role).orElse(null);
    }

    @Descriptor("expert: connect with an invitation ticket and wait for the novice to accept")
    public void open(
            @Descriptor("the invitation password") @Parameter(names = "--password", absentValue = "") String password,
            @Descriptor("file whose first line is the password")
            @Parameter(names = "--password-file", absentValue = "") String passwordFile,
            @Descriptor("your name as the novice sees it (default: your user name)")
            @Parameter(names = "--name", absentValue = "") String name,
            @Descriptor("the ticket file (.msrcincident)") String file) {
        run(() -> {
            if (!password.isEmpty() && !passwordFile.isEmpty()) {
                throw new LifelineException("give only one of --password and --password-file");
            }
            char[] pw = !passwordFile.isEmpty() ? readPasswordFile(passwordFile)
                    : password.isEmpty() ? null : fromConsole(password).toCharArray();
            Path ticket;
            try {
                ticket = Path.of(file).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                throw new LifelineException("'" + file + "' is not a file name: give the ticket file");
            }
            SessionInfo s = service().open(ticket, pw, name.isBlank() ? null : fromConsole(name));
            System.out.println("session " + s.id() + ": connected to " + s.peerName() + " at " + s.peer()
                    + "; waiting for the novice to accept");
        });
    }

    @Descriptor("novice: accept a connection request (the expert starts seeing your screen)")
    public void approve(@Descriptor("session id") String session) {
        run(() -> {
            service().approve(session);
            System.out.println("session " + session + ": accepted; the expert sees your screen (ra:disconnect "
                    + session + " ends it)");
        });
    }

    @Descriptor("novice: refuse a connection request")
    public void deny(@Descriptor("session id") String session) {
        run(() -> {
            service().deny(session);
            System.out.println("session " + session + ": refused and closed");
        });
    }

    @Descriptor("novice: let the expert control your computer (Esc or ra:stop-control takes it back)")
    public void grant(@Descriptor("session id") String session) {
        run(() -> {
            service().grant(session);
            System.out.println("session " + session + ": the expert has control; press Esc or run ra:stop-control to take it back");
        });
    }

    @Descriptor("end a session")
    public void disconnect(@Descriptor("session id") String session) {
        run(() -> {
            service().disconnect(session);
            System.out.println("session " + session + ": ended");
        });
    }

    @Descriptor("sessions: id, role, peer, state, control, bytes in/out, since")
    public void sessions() {
        run(() -> {
            List<SessionInfo> all = service().sessions();
            PrintStream o = System.out;
            if (all.isEmpty()) {
                o.println("no sessions");
                return;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] { "ID", "ROLE", "PEER", "STATE", "CONTROL", "IN", "OUT", "SINCE" });
            for (SessionInfo s : all) {
                String state = stateName(s.state())
                        + (s.state() == SessionState.CLOSED && s.closeReason() != null ? " (" + s.closeReason() + ")" : "");
                rows.add(new String[] { s.id(), s.role().name().toLowerCase(Locale.ROOT), s.peerName() + "@" + s.peer(),
                        state, control(s.state()), bytes(s.bytesIn()), bytes(s.bytesOut()), time(s.since()) });
            }
            table(o, rows);
        });
    }

    @Descriptor("wait until a session reaches a state (for scripts); fails if it ends first or time runs out")
    public void await(@Descriptor("session id") String session,
            @Descriptor("awaiting-consent, viewing, control-requested, in-control or closed") String state) {
        await(session, state, DEFAULT_AWAIT_SECONDS);
    }

    @Descriptor("wait until a session reaches a state (for scripts); fails if it ends first or time runs out")
    public void await(@Descriptor("session id") String session,
            @Descriptor("awaiting-consent, viewing, control-requested, in-control or closed") String state,
            @Descriptor("seconds to wait (default 30)") long timeoutSeconds) {
        run(() -> {
            SessionState wanted = parseState(state);
            if (timeoutSeconds < 0 || timeoutSeconds > MAX_AWAIT_SECONDS) {
                throw new LifelineException("wait between 0 and " + MAX_AWAIT_SECONDS + " seconds");
            }
            long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
            for (;;) {
                Optional<Session> s = service().session(session);
                SessionState now = s.map(Session::state).orElse(null);
                if (now == wanted) {
                    System.out.println("session " + session + " is " + stateName(now));
                    return;
                }
                if (now == SessionState.CLOSED) {
                    throw new LifelineException("session " + session + " ended before it was " + stateName(wanted) + " ("
                            + s.get().info().closeReason() + ")");
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new LifelineException(now == null
                            ? "there is still no session " + session + " after " + timeoutSeconds + " s"
                            : "session " + session + " is still " + stateName(now) + " after " + timeoutSeconds + " s");
                }
                eventLog.waitForEvent(Math.min(left / 1_000_000L + 1, 200));
            }
        });
    }

    @Descriptor("recent session events, oldest first (a novice's script sees connection and control requests here)")
    public void events() {
        List<Stamped> recent = eventLog.recent();
        if (recent.isEmpty()) System.out.println("no session events yet");
        for (Stamped s : recent) {
            System.out.println(TIME.format(s.at().atZone(ZoneId.systemDefault())) + " " + describe(s.event()));
        }
    }

    // ---------------------------------------------------------------- commands with a dash in their name

    /** {@code ra:take-control S}: the expert asks for control. */
    @Component(service = Function.class, property = { "osgi.command.scope=ra", "osgi.command.function=take-control" })
    public static class TakeControl extends SessionFunction {
        @Override
        void perform(SessionService s, List<String> args) {
            String id = one(args, "ra:take-control SESSION");
            s.takeControl(id);
            System.out.println("session " + id + ": asked for control; waiting for the novice to grant it (ra:await "
                    + id + " in-control)");
        }
    }

    /** {@code ra:release-control S}: the expert gives control back. */
    @Component(service = Function.class, property = { "osgi.command.scope=ra", "osgi.command.function=release-control" })
    public static class ReleaseControl extends SessionFunction {
        @Override
        void perform(SessionService s, List<String> args) {
            String id = one(args, "ra:release-control SESSION");
            s.releaseControl(id);
            System.out.println("session " + id + ": control given back");
        }
    }

    /** {@code ra:stop-control [S]}: the novice takes control back, as pressing Esc does; every session without S. */
    @Component(service = Function.class, property = { "osgi.command.scope=ra", "osgi.command.function=stop-control" })
    public static class StopControl extends SessionFunction {
        @Override
        void perform(SessionService s, List<String> args) {
            if (args.size() > 1) throw new LifelineException("usage: ra:stop-control [SESSION]");
            String id = args.isEmpty() ? null : args.get(0);
            s.stopControl(id);
            System.out.println(id == null ? "control stopped on every session" : "session " + id + ": control stopped");
        }
    }

    /**
     * A Gogo function over the session service, with the shell's failure convention. The subclasses'
     * components get this reference because the shell's bnd.bnd asks bnd to read inherited DS annotations.
     */
    abstract static class SessionFunction implements Function {
        @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
                policyOption = ReferencePolicyOption.GREEDY)
        volatile SessionService service;

        @Override
        public Object execute(CommandSession session, List<Object> arguments) {
            List<String> args = arguments.stream().map(String::valueOf).toList();
            run(() -> perform(require(() -> service), args));
            return null;
        }

        abstract void perform(SessionService service, List<String> args);

        static String one(List<String> args, String usage) {
            if (args.size() != 1) throw new LifelineException("usage: " + usage);
            return args.get(0);
        }
    }

    // ---------------------------------------------------------------- helpers shared by the session area

    private SessionService service() {
        return require(() -> service);
    }

    static SessionService require(Supplier<SessionService> s) {
        SessionService service = s.get();
        if (service == null) throw new LifelineException("sessions are not available: the session bundle (org.lifeline.session) is not running");
        return service;
    }

    static SessionState parseState(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        try {
            return SessionState.valueOf(n);
        } catch (IllegalArgumentException e) {
            throw new LifelineException("unknown state '" + name + "': use one of " + String.join(", ",
                    Arrays.stream(SessionState.values()).map(SessionCommands::stateName).toList()));
        }
    }

    static String stateName(SessionState s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String control(SessionState s) {
        return switch (s) {
            case IN_CONTROL -> "yes";
            case CONTROL_REQUESTED -> "asked";
            default -> "-";
        };
    }

    static String bytes(long n) {
        if (n < 1024) return n + " B";
        if (n < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        if (n < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
        return String.format(Locale.ROOT, "%.1f GiB", n / (1024.0 * 1024 * 1024));
    }

    static String time(Instant t) {
        return t == null ? "-" : TIME.format(t.atZone(ZoneId.systemDefault()));
    }
}

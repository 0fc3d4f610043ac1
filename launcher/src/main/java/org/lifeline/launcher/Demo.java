package org.lifeline.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The one-machine demo: this instance is the novice and the expert at once, connected to itself over
 * loopback. It runs the seed's story as shell commands, printing each one, then leaves the shell to the
 * person to go on (ra:sessions, ra:chat 1 ..., ra:snapshot 1 view.png).
 */
final class Demo {
    /** How long the demo waits for the framework's shell service. */
    private static final long SHELL_WAIT_MILLIS = 10_000;
    private static final String PASSWORD = "demo-4242";

    private final BundleContext context;
    private final PrintStream out;
    private final Path data;
    private final boolean display;

    Demo(BundleContext context, PrintStream out, Path data, boolean display) {
        this.context = context;
        this.out = out;
        this.data = data;
        this.display = display;
    }

    void startAsync() {
        Thread t = new Thread(this::run, "lifeline-demo");
        t.setDaemon(true);
        t.start();
    }

    private void run() {
        try {
            Object processor = awaitCommandProcessor();
            Path ticket = data.resolve("demo-invitation.msrcincident");
            say("The novice invites an expert: the ticket is a file, protected by a password and an expiry.");
            exec(processor, "ra:invite --out '" + ticket + "' --password " + PASSWORD + " --expires 1h --message 'My printer does not print'");
            exec(processor, "ra:inspect '" + ticket + "'");
            say("The expert opens the ticket with the password (told by phone, never sent).");
            String opened = exec(processor, "ra:open '" + ticket + "' --password " + PASSWORD + " --name 'Demo expert'");
            String expert = find(opened, "session (\\d+)");
            String novice = find(exec(processor, "ra:events"), "session (\\d+): Demo expert.*wants to connect");
            if (expert == null || novice == null) {
                say("The demo stopped: the expert could not connect (see above).");
                return;
            }
            say("Nothing of the screen leaves the novice's computer until the novice accepts.");
            exec(processor, "ra:approve " + novice);
            exec(processor, "ra:await " + expert + " VIEWING 10");
            exec(processor, "ra:chat " + expert + " 'Hello! I can see your screen now.'");
            exec(processor, "ra:chat " + novice + " 'Great, the printer is on the left.'");
            Thread.sleep(300);
            exec(processor, "ra:history " + expert);
            if (display) {
                Path view = data.resolve("demo-expert-view.png");
                exec(processor, "ra:snapshot " + expert + " '" + view + "'");
                exec(processor, "ra:stats " + expert);
            } else {
                say("No X display here (set DISPLAY or --display :N): the session shares no screen.");
            }
            say("The expert asks for control; the novice grants it, and takes it back (Esc does the same).");
            exec(processor, "ra:take-control " + expert);
            exec(processor, "ra:await " + novice + " CONTROL_REQUESTED 10");
            exec(processor, "ra:grant " + novice);
            exec(processor, "ra:await " + expert + " IN_CONTROL 10");
            exec(processor, "ra:stop-control " + novice);
            exec(processor, "ra:sessions");
            say("Your turn: ra:chat " + expert + " TEXT, ra:snapshot " + expert + " FILE.png, ra:disconnect "
                    + expert + ", help ra. End with shutdown (or Ctrl-D). Data: " + data);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | ReflectiveOperationException e) {
            say("The demo stopped: " + e.getMessage());
        }
    }

    private Object awaitCommandProcessor() throws InterruptedException {
        long deadline = System.currentTimeMillis() + SHELL_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            ServiceReference<?> ref = context.getServiceReference("org.apache.felix.service.command.CommandProcessor");
            if (ref != null) {
                Object processor = context.getService(ref);
                if (processor != null) return processor;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the Gogo shell service did not start");
    }

    /**
     * Runs one command line through the framework's CommandProcessor (by reflection: its classes live in
     * the framework, not on the launcher's class path) and prints it with its output.
     */
    private String exec(Object processor, String line) throws ReflectiveOperationException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        Method create = processor.getClass().getMethod("createSession", InputStream.class, OutputStream.class,
                OutputStream.class);
        Object session = create.invoke(processor, new ByteArrayInputStream(new byte[0]), captured, captured);
        Class<?> sessionType = create.getReturnType();
        try {
            Object result = sessionType.getMethod("execute", CharSequence.class).invoke(session, line);
            if (result != null) {
                captured.println(sessionType.getMethod("format", Object.class, int.class).invoke(session, result, 0));
            }
        } catch (InvocationTargetException e) {
            captured.println(e.getCause().getMessage());
        } finally {
            sessionType.getMethod("close").invoke(session);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        out.println("demo> " + line);
        text.lines().forEach(l -> out.println("      " + l));
        return text;
    }

    private void say(String text) {
        out.println();
        out.println("== " + text);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }
}

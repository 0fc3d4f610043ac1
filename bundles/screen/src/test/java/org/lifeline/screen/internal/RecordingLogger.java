package org.lifeline.screen.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.log.Logger;

/** An OSGi {@link Logger} that keeps every line ("WARN message with {} filled in") for assertions. */
final class RecordingLogger {
    private final List<String> lines = new ArrayList<>();
    final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
            (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("is")) return true;
                if (name.equals("getName")) return "test";
                if (args != null && args.length > 0 && args[0] instanceof String format) {
                    record(name.toUpperCase() + " " + format(format, args));
                }
                return null;
            });

    private static String format(String format, Object[] args) {
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i] instanceof Object[] varargs) {
                values.addAll(List.of(varargs));
            } else {
                values.add(args[i]);
            }
        }
        StringBuilder b = new StringBuilder();
        int from = 0;
        int value = 0;
        for (int at = format.indexOf("{}"); at >= 0; at = format.indexOf("{}", from)) {
            b.append(format, from, at).append(value < values.size() ? values.get(value++) : "{}");
            from = at + 2;
        }
        return b.append(format.substring(from)).toString();
    }

    private synchronized void record(String line) {
        lines.add(line);
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }
}

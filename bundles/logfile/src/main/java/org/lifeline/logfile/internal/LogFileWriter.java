package org.lifeline.logfile.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.SimpleFormatter;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Appends every OSGi log entry at INFO or above (DEBUG with {@code lifeline.log.debug=true}) to
 * {@code <data>/log/lifeline.log}, and routes java.util.logging (Netty, JNA) to {@code <data>/log/jul.log},
 * so the console stays for the shell and a person can send the log files when asking for help.
 */
@Component(service = {}, immediate = true)
public class LogFileWriter implements LogListener {
    static final String FILE_NAME = "lifeline.log";

    @Reference
    private LogReaderService reader;

    private Writer out;
    private Handler julHandler;
    private boolean debug;

    @Activate
    void activate(BundleContext context) throws IOException {
        String data = context.getProperty("lifeline.data");
        Path dir = Path.of(data == null ? System.getProperty("java.io.tmpdir") : data, "log");
        Files.createDirectories(dir);
        debug = Boolean.parseBoolean(context.getProperty("lifeline.log.debug"));
        out = Files.newBufferedWriter(dir.resolve(FILE_NAME), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        julHandler = new FileHandler(dir.resolve("jul.log").toString(), 4 * 1024 * 1024, 2, true);
        julHandler.setFormatter(new SimpleFormatter());
        julHandler.setLevel(Level.INFO);
        java.util.logging.Logger.getLogger("").addHandler(julHandler);
        reader.addLogListener(this);
        write(Instant.now() + " INFO  [org.lifeline.logfile] log opened\n");
    }

    @Deactivate
    void deactivate() throws IOException {
        reader.removeLogListener(this);
        java.util.logging.Logger.getLogger("").removeHandler(julHandler);
        julHandler.close();
        synchronized (this) {
            out.close();
        }
    }

    @Override
    public void logged(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (!debug && !level.implies(LogLevel.INFO)) return;
        StringBuilder line = new StringBuilder(160);
        line.append(Instant.ofEpochMilli(entry.getTime())).append(' ').append(String.format("%-5s", level))
                .append(" [").append(entry.getBundle() == null ? "?" : entry.getBundle().getSymbolicName())
                .append("] ").append(entry.getMessage()).append('\n');
        Throwable t = entry.getException();
        if (t != null) {
            java.io.StringWriter sw = new java.io.StringWriter();
            t.printStackTrace(new java.io.PrintWriter(sw));
            line.append(sw);
        }
        write(line.toString());
    }

    private synchronized void write(String s) {
        try {
            out.write(s);
            out.flush();
        } catch (IOException e) {
            // Nowhere better to report a failing log file than stderr.
            System.err.println("lifeline: cannot write the log file: " + e.getMessage());
        }
    }
}

package org.lifeline.shell.internal;

import static org.lifeline.shell.internal.CommandSupport.call;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.felix.service.command.Descriptor;
import org.lifeline.api.LifelineException;
import org.lifeline.api.screen.FrameBuffer;
import org.lifeline.api.screen.Monitor;
import org.lifeline.api.screen.Quality;
import org.lifeline.api.screen.ScreenSource;
import org.lifeline.api.screen.ScreenStats;
import org.lifeline.api.screen.ScreenViewer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The shared screen from the shell: the expert's snapshot, quality and statistics; the novice's monitors. */
@Component(service = ScreenCommands.class, property = { "osgi.command.scope=ra", "osgi.command.function=snapshot",
        "osgi.command.function=quality", "osgi.command.function=stats", "osgi.command.function=monitors" })
public class ScreenCommands {
    /** How long {@code ra:snapshot} waits for the first picture right after the novice accepted. */
    static final long FIRST_PICTURE_WAIT_MILLIS = 10_000;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ScreenViewer viewer;

    /**
     * The source with its service properties in one value, so the implementation named ("x11", "awt", ...)
     * is always the one asked: operators see a native bundle being replaced.
     */
    @Reference(service = ScreenSource.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Map.Entry<Map<String, Object>, ScreenSource> source;

    @Descriptor("expert: save your current view of the novice's screen as a PNG file (exact pixels)")
    public String snapshot(@Descriptor("session id") String session, @Descriptor("PNG file to write") String file) {
        return call(() -> {
            Path path = path(file);
            ScreenViewer v = viewer();
            if (v.snapshot(session).isEmpty()) {
                try {
                    v.awaitUpdate(session, 0, FIRST_PICTURE_WAIT_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new LifelineException("stopped waiting for the screen: interrupted");
                }
            }
            FrameBuffer frame = v.snapshot(session).orElseThrow(() -> new LifelineException("no picture of session "
                    + session + "'s screen yet: wait until the novice accepts and the screen appears, then try again"));
            writePng(frame, path);
            return "saved " + frame.width() + "x" + frame.height() + " to " + path;
        });
    }

    @Descriptor("expert: bandwidth profile for the novice's screen: auto (lossless until the line is slow), low (56k), high (lossless)")
    public String quality(@Descriptor("session id") String session, @Descriptor("auto, low or high") String level) {
        return call(() -> {
            Quality q = quality(level);
            viewer().quality(session, q);
            return "session " + session + ": screen quality " + q.name().toLowerCase(Locale.ROOT);
        });
    }

    @Descriptor("expert: screen statistics: updates, bytes, updates/s, round-trip time, codec choices")
    public String stats(@Descriptor("session id") String session) {
        return call(() -> format(viewer().stats(session)));
    }

    @Descriptor("novice: the monitors the screen source sees (the whole desktop is shared)")
    public String monitors() {
        return call(() -> {
            Map.Entry<Map<String, Object>, ScreenSource> s = source;
            if (s == null) {
                throw new LifelineException("no screen source is installed: start a capture bundle (X11, Windows, macOS or AWT)");
            }
            Object id = s.getKey().get(ScreenSource.SOURCE_ID);
            StringBuilder b = new StringBuilder();
            b.append("screen source: ").append(id == null ? "?" : id).append('\n');
            for (Monitor m : s.getValue().monitors()) {
                b.append(String.format(Locale.ROOT, "%d  %-16s %dx%d at %d,%d%s%n", m.index(), m.name(),
                        m.bounds().width(), m.bounds().height(), m.bounds().x(), m.bounds().y(),
                        m.primary() ? "  primary" : ""));
            }
            return b.toString().stripTrailing();
        });
    }

    static Quality quality(String level) {
        if (level != null) {
            for (Quality q : Quality.values()) {
                if (q.name().equalsIgnoreCase(level.trim())) return q;
            }
        }
        throw new LifelineException("unknown quality '" + level + "': use auto, low or high");
    }

    static String format(ScreenStats s) {
        List<String[]> rows = List.of(
                new String[] {"session", s.sessionId()},
                new String[] {"frame", s.width() == 0 ? "none yet" : s.width() + "x" + s.height()},
                new String[] {"quality", s.quality().name().toLowerCase(Locale.ROOT)},
                new String[] {"codec", (s.codecId().isEmpty() ? "-" : s.codecId())
                        + (s.codecSummary().isEmpty() ? "" : " (" + s.codecSummary() + ")")},
                new String[] {"updates", s.updates() + String.format(Locale.ROOT, " (%.1f/s)", s.updatesPerSecond())},
                new String[] {"screen", SessionCommands.bytes(s.screenBytes())},
                new String[] {"round trip", s.roundTripMillis() < 0 ? "not measured yet" : s.roundTripMillis() + " ms"},
                new String[] {"bytes", "in " + SessionCommands.bytes(s.bytesIn()) + ", out "
                        + SessionCommands.bytes(s.bytesOut())});
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) b.append(String.format(Locale.ROOT, "%-11s%s%n", r[0], r[1]));
        return b.toString().stripTrailing();
    }

    /** Writes the frame's exact pixels (0x00RRGGBB) as a 24-bit PNG; a half-written file never replaces one. */
    static void writePng(FrameBuffer frame, Path path) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(frame.pixels(), 0, data, 0, data.length);
        Path dir = path.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(dir, ".snapshot", ".png.part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer in this Java runtime");
            }
            Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            throw new LifelineException("cannot write " + path + ": the folder " + dir + " does not exist");
        } catch (AccessDeniedException e) {
            throw new LifelineException("cannot write " + path + ": permission denied; choose a folder you can write to");
        } catch (IOException e) {
            throw new LifelineException("cannot write " + path + " (" + e.getMessage()
                    + "): check that the folder exists and is writable");
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException e) {
                    // the snapshot itself was written or its failure reported; a stray .part file is harmless
                }
            }
        }
    }

    private static Path path(String file) {
        try {
            if (file == null || file.isBlank()) throw new InvalidPathException(String.valueOf(file), "empty");
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw new LifelineException("'" + file + "' is not a file name: give the PNG file to write");
        }
    }

    private ScreenViewer viewer() {
        ScreenViewer v = viewer;
        if (v == null) {
            throw new LifelineException("screen sharing is not available: the screen bundle (org.lifeline.screen) is not running");
        }
        return v;
    }
}

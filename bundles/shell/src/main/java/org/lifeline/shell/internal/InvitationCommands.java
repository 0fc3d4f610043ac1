package org.lifeline.shell.internal;

import static org.lifeline.shell.internal.CommandSupport.fromConsole;
import static org.lifeline.shell.internal.CommandSupport.readPasswordFile;
import static org.lifeline.shell.internal.CommandSupport.run;
import static org.lifeline.shell.internal.CommandSupport.table;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.lifeline.api.HostPort;
import org.lifeline.api.LifelineException;
import org.lifeline.api.invitation.DeliveryReceipt;
import org.lifeline.api.invitation.Invitation;
import org.lifeline.api.invitation.InvitationChannel;
import org.lifeline.api.invitation.InvitationRequest;
import org.lifeline.api.invitation.InvitationService;
import org.lifeline.api.invitation.Ticket;
import org.lifeline.api.invitation.TicketCodec;
import org.lifeline.api.invitation.TicketException;
import org.lifeline.api.policy.Durations;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The novice's invitations from the shell (the seed's "Invite someone" and "View invitation status"), and
 * {@code ra:inspect} / {@code ra:channels} for both sides. Services are optional so that the commands
 * stay and say what is missing, instead of vanishing into "command not found".
 */
@Component(service = InvitationCommands.class, property = {"osgi.command.scope=ra",
        "osgi.command.function=invite", "osgi.command.function=invitations", "osgi.command.function=resend",
        "osgi.command.function=revoke", "osgi.command.function=expiry", "osgi.command.function=inspect",
        "osgi.command.function=channels"})
public class InvitationCommands {
    static final String GENERATE = "generate";
    /** No look-alike characters: a generated password is often read out over the phone. */
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final int PASSWORD_GROUPS = 4;
    private static final int PASSWORD_GROUP_LENGTH = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile InvitationService invitations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TicketCodec codec;

    private final Map<InvitationChannel, String> channels = new ConcurrentHashMap<>();

    Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindChannel(InvitationChannel channel, Map<String, Object> properties) {
        Object id = properties.get(InvitationChannel.CHANNEL_ID);
        channels.put(channel, id != null ? id.toString() : channel.id());
    }

    void unbindChannel(InvitationChannel channel) {
        channels.remove(channel);
    }

    @Descriptor("create an invitation, start listening for it and send it; prints its id, where it went, "
            + "when it expires and a generated password")
    public void invite(
            @Descriptor("channel that carries the ticket (see ra:channels)")
            @Parameter(names = "--channel", absentValue = "file") String channel,
            @Descriptor("the expert's address for the channel")
            @Parameter(names = "--to", absentValue = "") String to,
            @Descriptor("file to save the ticket in (file channel)")
            @Parameter(names = "--out", absentValue = "") String out,
            @Descriptor("how long it is valid: 30m, 2h, 7d or ISO-8601 (PT1H); default from ra:policy")
            @Parameter(names = "--expires", absentValue = "") String expires,
            @Descriptor("the password, or 'generate' (default unless --no-password)")
            @Parameter(names = "--password", absentValue = "") String password,
            @Descriptor("file whose first line is the password")
            @Parameter(names = "--password-file", absentValue = "") String passwordFile,
            @Descriptor("no password (if the policy allows it)")
            @Parameter(names = "--no-password", presentValue = "true", absentValue = "false") boolean noPassword,
            @Descriptor("ask the expert's side for the 56 kbit/s profile")
            @Parameter(names = "--low-bandwidth", presentValue = "true", absentValue = "false") boolean lowBandwidth,
            @Descriptor("a message for the expert (channels that can carry one)")
            @Parameter(names = "--message", absentValue = "") String message,
            @Descriptor("port to listen on, 0 for any free one")
            @Parameter(names = "--port", absentValue = "0") int port) {
        run(() -> {
            String recipient = recipient(channel, to, out);
            Duration expiry = expires.isBlank() ? null : Durations.parse(expires);
            int given = (password.isEmpty() ? 0 : 1) + (passwordFile.isEmpty() ? 0 : 1) + (noPassword ? 1 : 0);
            if (given > 1) {
                throw new LifelineException("give only one of --password, --password-file and --no-password");
            }
            boolean generated = !noPassword && passwordFile.isEmpty() && (password.isEmpty() || password.equals(GENERATE));
            char[] pw = noPassword ? null
                    : generated ? generatePassword()
                    : !passwordFile.isEmpty() ? readPasswordFile(passwordFile)
                    // decoded like every typed text, so a password with accents is the same one the expert types
                    : fromConsole(password).toCharArray();
            String shown = generated ? new String(pw) : null;
            Invitation inv = service().create(new InvitationRequest(channel, recipient, expiry, pw, lowBandwidth,
                    fromConsole(message), port));
            PrintStream o = System.out;
            o.println("invitation  " + inv.id());
            o.println(("file".equals(inv.channelId()) ? "file        " : "sent to     ") + inv.recipient()
                    + ("file".equals(inv.channelId()) ? "" : " (" + inv.channelId() + ")"));
            o.println("expires     " + time(inv.expires()) + " (in " + human(until(inv.expires())) + ")");
            o.println("listening   port " + inv.port());
            if (shown != null) o.println("password    " + shown + "   (shown only now: tell it to the expert by phone or in person)");
            else if (!inv.passwordProtected()) o.println("password    none");
        });
    }

    private static String recipient(String channel, String to, String out) {
        if ("file".equals(channel)) {
            if (!out.isEmpty() && !to.isEmpty() && !out.equals(to)) {
                throw new LifelineException("the file channel writes one file: give --out FILE only");
            }
            String file = out.isEmpty() ? to : out;
            if (file.isEmpty()) throw new LifelineException("say where to save the invitation: --out FILE (e.g. --out help.msrcincident)");
            try {
                return Path.of(file).toAbsolutePath().normalize().toString();
            } catch (InvalidPathException e) {
                throw new LifelineException("'" + file + "' is not a file name: give e.g. --out help.msrcincident");
            }
        }
        if (!out.isEmpty()) throw new LifelineException("--out is for the file channel; for '" + channel + "' give --to WHO");
        if (to.isEmpty()) throw new LifelineException("say who gets the invitation: --to WHO");
        return to;
    }

    /** About 80 bits: four groups of four, e.g. k7vq-3xmp-9tca-wh2e. */
    static char[] generatePassword() {
        char[] pw = new char[PASSWORD_GROUPS * PASSWORD_GROUP_LENGTH + PASSWORD_GROUPS - 1];
        int i = 0;
        for (int g = 0; g < PASSWORD_GROUPS; g++) {
            if (g > 0) pw[i++] = '-';
            for (int c = 0; c < PASSWORD_GROUP_LENGTH; c++) pw[i++] = PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length()));
        }
        return pw;
    }

    @Descriptor("list invitations: id, channel, recipient, created, expires, status, sessions")
    public void invitations() {
        run(() -> {
            InvitationService s = service();
            List<Invitation> all = s.list();
            PrintStream o = System.out;
            if (all.isEmpty()) {
                o.println("no invitations");
            } else {
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"ID", "CHANNEL", "RECIPIENT", "CREATED", "EXPIRES", "STATUS", "SESSIONS"});
                for (Invitation i : all) {
                    rows.add(new String[] {i.id(), i.channelId(), i.recipient(), time(i.created()), time(i.expires()),
                            i.status().name(), Integer.toString(i.sessions())});
                }
                table(o, rows);
            }
            for (String w : s.warnings()) o.println("warning: " + w);
        });
    }

    @Descriptor("send an invitation again through its channel")
    public void resend(@Descriptor("invitation id") String id) {
        run(() -> {
            DeliveryReceipt r = service().resend(id);
            System.out.println("invitation " + id + ": " + r.detail());
        });
    }

    @Descriptor("cancel an invitation: nobody can use it any more")
    public void revoke(@Descriptor("invitation id") String id) {
        run(() -> {
            Invitation i = service().revoke(id);
            System.out.println("invitation " + i.id() + " is " + i.status());
        });
    }

    @Descriptor("set how long an invitation stays valid from now (re-saves the file of a file invitation)")
    public void expiry(@Descriptor("invitation id") String id,
            @Descriptor("from now: 30m, 2h, 7d or ISO-8601 (PT1H)") String duration) {
        run(() -> {
            Duration d = Durations.parse(duration);
            Invitation i = service().changeExpiry(id, clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(d));
            System.out.println("invitation " + i.id() + " now expires " + time(i.expires()) + " (" + i.status() + ")");
        });
    }

    @Descriptor("show an invitation ticket's fields; says if it is expired, tampered with or made by Windows")
    public void inspect(@Descriptor("the .msrcincident file") String file) {
        run(() -> {
            TicketCodec c = codec;
            if (c == null) throw new LifelineException("the ticket reader is not running: start the ticket bundle (lb shows it)");
            Path p;
            byte[] bytes;
            try {
                p = Path.of(file).toAbsolutePath();
                if (Files.size(p) > TicketCodec.MAX_TICKET_BYTES) {
                    throw new TicketException(TicketException.Reason.TOO_LARGE, file + " is " + Files.size(p)
                            + " bytes, larger than any invitation ticket: it is not an invitation");
                }
                bytes = Files.readAllBytes(p);
            } catch (IOException | InvalidPathException e) {
                throw new LifelineException("cannot read " + file + " (" + e.getMessage() + "): check the name");
            }
            PrintStream o = System.out;
            Ticket t;
            try {
                t = c.read(bytes);
            } catch (TicketException e) {
                o.println("file         " + p);
                o.println("verdict      " + e.reason());
                throw e;
            }
            Instant now = clock.instant();
            o.println("file         " + p);
            o.println("user         " + t.userName());
            o.println("invitation   " + t.invitationId());
            o.println("protocol     " + t.protocolVersion());
            o.println("addresses    " + t.addresses().stream().map(HostPort::toString).collect(Collectors.joining("; ")));
            o.println("certificate  SHA-256 " + HexFormat.ofDelimiter(":").withUpperCase().formatHex(t.certificateFingerprint()));
            o.println("made         " + time(t.start()));
            o.println("expires      " + time(t.expires()));
            o.println("password     " + (t.passwordProtected() ? "required" : "none"));
            o.println("bandwidth    " + (t.lowBandwidth() ? "low (56 kbit/s profile)" : "normal"));
            o.println("verdict      " + (t.isExpired(now)
                    ? "EXPIRED: the ticket says it ran out " + time(t.expires()) + "; ask the novice for a new invitation"
                    : "valid for " + human(until(t.expires())) + " by its own dates (the novice's computer decides)"));
        });
    }

    @Descriptor("list the invitation channels installed (built-in and vendor bundles)")
    public void channels() {
        run(() -> {
            Map<String, String> byId = new TreeMap<>();
            channels.forEach((ch, id) -> byId.put(id, ch.displayName()));
            if (byId.isEmpty()) {
                System.out.println("no invitation channels are installed");
                return;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "NAME"});
            byId.forEach((id, name) -> rows.add(new String[] {id, name}));
            table(System.out, rows);
        });
    }

    private InvitationService service() {
        InvitationService s = invitations;
        if (s == null) throw new LifelineException("the invitation service is not running: start the ticket bundle (lb shows it)");
        return s;
    }

    private Duration until(Instant t) {
        Duration d = Duration.between(clock.instant(), t);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** For reading, not parsing: to the nearest minute, the two largest units ("1h 59m", "6d 23h", "40s"). */
    static String human(Duration d) {
        long minutes = (d.getSeconds() + 30) / 60;
        if (minutes == 0) return d.getSeconds() + "s";
        long days = minutes / 1440;
        long hours = minutes % 1440 / 60;
        long mins = minutes % 60;
        if (days > 0) return days + "d" + (hours > 0 ? " " + hours + "h" : "");
        if (hours > 0) return hours + "h" + (mins > 0 ? " " + mins + "m" : "");
        return mins + "m";
    }

    static String time(Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

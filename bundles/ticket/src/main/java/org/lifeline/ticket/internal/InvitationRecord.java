package org.lifeline.ticket.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.lifeline.api.invitation.Invitation;
import org.lifeline.api.invitation.InvitationStatus;
import org.lifeline.api.invitation.Ticket;
import org.lifeline.api.invitation.TicketException;

/**
 * One invitation as the store keeps it, and its file: a properties text whose last line is a SHA-256 of
 * all the others, so damage is found when loading instead of turning into a wrong expiry or status.
 * Holds only the SRP salt and verifier, never the password. Guarded by the store's lock.
 */
final class InvitationRecord {
    static final int FORMAT = 1;
    /** An invitation file is a few KiB (the ticket is most of it); anything far larger is not ours. */
    static final int MAX_FILE_BYTES = 256 * 1024;

    final String id;
    final String channelId;
    final String recipient;
    final String message;
    final Instant created;
    final boolean passwordProtected;
    final boolean lowBandwidth;
    final byte[] srpSalt;
    final byte[] srpVerifier;
    Instant expires;
    /** OPEN, REVOKED or LOCKED; EXPIRED is never stored, it follows from the clock. */
    InvitationStatus status;
    Instant lastUsed;
    int sessions;
    int failedAttempts;
    Instant lastFailure;
    int port;
    /** When each admitted attempt that has no verdict yet began (not stored: a restart ends them all). */
    final Deque<Instant> inFlight = new ArrayDeque<>();
    byte[] ticketFile;
    Ticket ticket;

    InvitationRecord(String id, String channelId, String recipient, String message, Instant created,
            boolean passwordProtected, boolean lowBandwidth, byte[] srpSalt, byte[] srpVerifier) {
        this.id = id;
        this.channelId = channelId;
        this.recipient = recipient;
        this.message = message;
        this.created = created;
        this.passwordProtected = passwordProtected;
        this.lowBandwidth = lowBandwidth;
        this.srpSalt = srpSalt;
        this.srpVerifier = srpVerifier;
    }

    InvitationStatus statusAt(Instant now) {
        return status == InvitationStatus.OPEN && !now.isBefore(expires) ? InvitationStatus.EXPIRED : status;
    }

    Invitation toInvitation(Instant now) {
        return new Invitation(id, channelId, recipient, message, created, expires, statusAt(now), lastUsed, sessions,
                failedAttempts, passwordProtected, lowBandwidth, port, ticket);
    }

    byte[] toFile() {
        Map<String, String> m = new TreeMap<>();
        m.put("format", Integer.toString(FORMAT));
        m.put("id", id);
        m.put("channel", channelId);
        m.put("recipient", recipient);
        m.put("message", message);
        m.put("created", created.toString());
        m.put("expires", expires.toString());
        m.put("status", status.name());
        m.put("lastUsed", lastUsed == null ? "" : lastUsed.toString());
        m.put("sessions", Integer.toString(sessions));
        m.put("failedAttempts", Integer.toString(failedAttempts));
        m.put("lastFailure", lastFailure == null ? "" : lastFailure.toString());
        m.put("passwordProtected", Boolean.toString(passwordProtected));
        m.put("lowBandwidth", Boolean.toString(lowBandwidth));
        m.put("port", Integer.toString(port));
        m.put("srpSalt", Base64.getEncoder().encodeToString(srpSalt));
        m.put("srpVerifier", Base64.getEncoder().encodeToString(srpVerifier));
        m.put("ticket", Base64.getEncoder().encodeToString(ticketFile));
        StringBuilder out = new StringBuilder("# Lifeline invitation; the checksum line guards against damage\n");
        for (Map.Entry<String, String> e : m.entrySet()) out.append(line(e.getKey(), e.getValue()));
        out.append("checksum=").append(checksum(m)).append('\n');
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws IOException naming what is wrong when the file is damaged, incomplete or not ours
     */
    static InvitationRecord fromFile(byte[] file, String expectedId, XmlTicketCodec codec) throws IOException {
        if (file.length > MAX_FILE_BYTES) throw new IOException("file too large");
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(file, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new IOException("unreadable: " + e.getMessage(), e);
        }
        Map<String, String> m = new TreeMap<>();
        for (String k : p.stringPropertyNames()) m.put(k, p.getProperty(k));
        String sum = m.remove("checksum");
        if (sum == null || !sum.equals(checksum(m))) throw new IOException("checksum does not match its contents");
        try {
            if (Integer.parseInt(get(m, "format")) != FORMAT) throw new IOException("unknown format " + m.get("format"));
            String id = get(m, "id");
            if (!id.equals(expectedId) || !TicketFormat.validInvitationId(id)) throw new IOException("id " + id + " does not match the file name");
            InvitationRecord r = new InvitationRecord(id, get(m, "channel"), get(m, "recipient"), get(m, "message"),
                    Instant.parse(get(m, "created")), bool(get(m, "passwordProtected")), bool(get(m, "lowBandwidth")),
                    Base64.getDecoder().decode(get(m, "srpSalt")), Base64.getDecoder().decode(get(m, "srpVerifier")));
            r.expires = Instant.parse(get(m, "expires"));
            r.status = InvitationStatus.valueOf(get(m, "status"));
            if (r.status == InvitationStatus.EXPIRED) throw new IOException("status EXPIRED is never stored");
            r.lastUsed = optionalInstant(get(m, "lastUsed"));
            r.sessions = nonNegative(get(m, "sessions"));
            r.failedAttempts = nonNegative(get(m, "failedAttempts"));
            r.lastFailure = optionalInstant(get(m, "lastFailure"));
            r.port = nonNegative(get(m, "port"));
            if (r.port < 1 || r.port > 65535) throw new IOException("port " + r.port + " out of range");
            if (r.srpSalt.length != SrpVerifiers.SALT_BYTES || r.srpVerifier.length == 0) throw new IOException("bad SRP verifier");
            r.ticketFile = Base64.getDecoder().decode(get(m, "ticket"));
            r.ticket = codec.read(r.ticketFile);
            if (!r.ticket.invitationId().equals(id)) throw new IOException("ticket belongs to " + r.ticket.invitationId());
            return r;
        } catch (TicketException | DateTimeParseException | IllegalArgumentException e) {
            // NumberFormatException and base64 errors are IllegalArgumentExceptions too.
            throw new IOException(e.getMessage(), e);
        }
    }

    private static String line(String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        StringWriter w = new StringWriter();
        try {
            one.store(w, null);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        // Properties.store starts with a date comment, which must not make two equal records differ.
        String s = w.toString();
        return s.substring(s.indexOf('\n') + 1);
    }

    private static String checksum(Map<String, String> sorted) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            b.append(e.getKey().length()).append(':').append(e.getKey()).append(e.getValue().length()).append(':')
                    .append(e.getValue());
        }
        return HexFormat.of().formatHex(ConnInfo.sha256(b.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static String get(Map<String, String> m, String key) throws IOException {
        String v = m.get(key);
        if (v == null) throw new IOException("no " + key);
        return v;
    }

    private static boolean bool(String s) throws IOException {
        if (s.equals("true")) return true;
        if (s.equals("false")) return false;
        throw new IOException("'" + s + "' is not true or false");
    }

    private static int nonNegative(String s) throws IOException {
        int v = Integer.parseInt(s);
        if (v < 0) throw new IOException("negative count " + v);
        return v;
    }

    private static Instant optionalInstant(String s) {
        return s.isEmpty() ? null : Instant.parse(s);
    }
}

package org.lifeline.ticket.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.lifeline.api.HostPort;
import org.lifeline.api.invitation.Ticket;

/** Valid tickets and their files, to be read as they are or spoiled on purpose. */
final class Tickets {
    static final XmlTicketCodec CODEC = new XmlTicketCodec();

    private Tickets() {
    }

    static byte[] fingerprint() {
        byte[] fp = new byte[32];
        for (int i = 0; i < fp.length; i++) fp[i] = (byte) (i * 7 + 3);
        return fp;
    }

    static Ticket ticket() {
        return new Ticket("alice", List.of(new HostPort("127.0.0.1", 5500), new HostPort("alice-laptop.local", 5500)),
                TicketFormat.PROTOCOL_VERSION, "k3x9q2ma7fzd", fingerprint(), Instant.ofEpochSecond(4_000_000_000L),
                Duration.ofHours(1), true, false);
    }

    static String xml() {
        return new String(CODEC.write(ticket()), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    /** The RCTICKET attribute value of a written ticket. */
    static String rcticket(String xml) {
        int s = xml.indexOf("RCTICKET=\"") + "RCTICKET=\"".length();
        return xml.substring(s, xml.indexOf('"', s));
    }

    static String withRcticket(String xml, String rcticket) {
        return xml.replace(rcticket(xml), rcticket);
    }
}

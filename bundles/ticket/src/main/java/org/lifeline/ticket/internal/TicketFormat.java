package org.lifeline.ticket.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.lifeline.api.HostPort;
import org.lifeline.api.invitation.TicketException;
import org.lifeline.api.invitation.TicketException.Reason;

/**
 * The fixed points of Lifeline's {@code .msrcincident} and the address-list grammar.
 *
 * <p>RCTICKET is {@code PROTOCOL,1,ADDR:PORT;ADDR:PORT,*,SESSION,*,*,CONNINFO} as in Microsoft's
 * format. Windows writes protocol {@value #WINDOWS_PROTOCOL}; Lifeline writes {@value #LIFELINE_PROTOCOL}
 * (0x4C49, "LI" in ASCII), so neither program mistakes the other's ticket for its own. SESSION is the
 * invitation id (repeated, and checked, inside CONNINFO).
 */
final class TicketFormat {
    static final int LIFELINE_PROTOCOL = 0x4C49;
    static final int WINDOWS_PROTOCOL = 65538;
    /** The connection protocol this reader understands (CONNINFO's version). */
    static final int PROTOCOL_VERSION = 1;
    static final int MAX_ADDRESSES = 32;
    static final int MAX_HOST_LENGTH = 253;
    static final int MAX_USERNAME_LENGTH = 256;
    /** DtLength never exceeds the 99-day ceiling of any invitation. */
    static final long MAX_LENGTH_MINUTES = 99L * 24 * 60;
    /** DtStart after this (year 9999) is nonsense. */
    static final long MAX_START_SECONDS = 253402300799L;

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern HOST_NAME = Pattern.compile(
            "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[A-Za-z0-9_.-]{1,32})?");

    private TicketFormat() {
    }

    static boolean validInvitationId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /**
     * Reads a hand-editable address list: entries separated by {@code ;}, spaces around them and empty
     * entries (a trailing {@code ;}) ignored, IPv6 literals in brackets.
     */
    static List<HostPort> parseAddresses(String list) throws TicketException {
        List<HostPort> out = new ArrayList<>();
        for (String raw : list.split(";", -1)) {
            String entry = raw.strip();
            if (entry.isEmpty()) continue;
            if (out.size() == MAX_ADDRESSES) {
                throw new TicketException(Reason.BAD_ADDRESS,
                        "the invitation lists more than " + MAX_ADDRESSES + " addresses: remove some and try again");
            }
            out.add(parseAddress(entry));
        }
        if (out.isEmpty()) {
            throw new TicketException(Reason.BAD_ADDRESS,
                    "the invitation lists no address to connect to: add one as HOST:PORT, or ask for a new invitation");
        }
        return out;
    }

    static HostPort parseAddress(String entry) throws TicketException {
        String host;
        String port;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0 || close + 1 >= entry.length() || entry.charAt(close + 1) != ':') throw badAddress(entry);
            host = entry.substring(1, close);
            port = entry.substring(close + 2);
            if (!IPV6.matcher(host).matches() || host.indexOf(':') < 0) throw badAddress(entry);
        } else {
            int colon = entry.lastIndexOf(':');
            if (colon <= 0) throw badAddress(entry);
            host = entry.substring(0, colon);
            port = entry.substring(colon + 1);
            if (host.length() > MAX_HOST_LENGTH || !HOST_NAME.matcher(host).matches()) throw badAddress(entry);
        }
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw badAddress(entry);
        }
        int p = Integer.parseInt(port);
        if (p < 1 || p > 65535) throw badAddress(entry);
        return new HostPort(host, p);
    }

    private static TicketException badAddress(String entry) {
        String shown = entry.length() > 80 ? entry.substring(0, 80) + "…" : entry;
        return new TicketException(Reason.BAD_ADDRESS, "'" + shown
                + "' in the invitation's address list is not HOST:PORT (IPv6 as [ADDR]:PORT): correct it or ask for a new invitation");
    }
}

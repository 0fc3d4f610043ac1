package org.lifeline.ticket.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lifeline.api.HostPort;
import org.lifeline.api.invitation.CandidateProvider;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The addresses this computer can be reached at on its own networks: every address of every interface
 * that is up (IPv4 first), then the host name. Link-local IPv6 addresses are left out: they mean nothing
 * without the other computer's interface name. Loopback is only for tests and single-machine use.
 */
@Component(configurationPid = LanCandidates.PID)
@Designate(ocd = LanCandidates.Config.class)
public class LanCandidates implements CandidateProvider {
    static final String PID = "org.lifeline.candidates";

    @ObjectClassDefinition(name = "Lifeline connection candidates",
            description = "Which of this computer's own addresses go into an invitation.")
    @interface Config {
        @AttributeDefinition(description = "Put 127.0.0.1 first (both sides on one computer, tests).")
        boolean loopback() default false;

        @AttributeDefinition(description = "Every address of every network interface that is up.")
        boolean lan() default true;

        @AttributeDefinition(description = "This computer's host name.")
        boolean hostname() default true;
    }

    /**
     * Framework property set by the launcher's {@code --loopback-only} (and its one-machine demo): invitations
     * then name 127.0.0.1 only, whatever the configuration says, from the very first invitation on.
     */
    static final String LOOPBACK_ONLY = "lifeline.candidates.loopbackOnly";

    private volatile Config config;
    private volatile boolean loopbackOnly;

    @Activate
    void activate(Config config, BundleContext context) {
        this.loopbackOnly = context != null && Boolean.parseBoolean(context.getProperty(LOOPBACK_ONLY));
        this.config = config;
    }

    @Modified
    void modified(Config config) {
        this.config = config;
    }

    @Override
    public List<HostPort> candidates(int listeningPort) {
        Config c = config;
        if (loopbackOnly) return List.of(new HostPort("127.0.0.1", listeningPort));
        Set<HostPort> out = new LinkedHashSet<>();
        if (c.loopback()) out.add(new HostPort("127.0.0.1", listeningPort));
        if (c.lan()) {
            for (InetAddress a : interfaceAddresses()) out.add(new HostPort(literal(a), listeningPort));
        }
        if (c.hostname()) {
            String name = hostName();
            if (name != null) out.add(new HostPort(name, listeningPort));
        }
        return List.copyOf(out);
    }

    static List<InetAddress> interfaceAddresses() {
        List<InetAddress> v4 = new ArrayList<>();
        List<InetAddress> v6 = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!ni.isUp() || ni.isLoopback()) continue;
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress() || a.isMulticastAddress()) continue;
                    (a instanceof Inet4Address ? v4 : v6).add(a);
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        v4.addAll(v6);
        return v4;
    }

    /**
     * IPv6 in the short form of RFC 5952 (Java writes every group), without a zone: a zone means nothing to
     * another computer, and a person editing the ticket reads {@code 2001:db8::7} more easily.
     */
    static String literal(InetAddress a) {
        if (!(a instanceof Inet6Address)) return a.getHostAddress();
        byte[] b = a.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) g[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) j++;
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        if (bestStart < 0) return join(g, 0, 8);
        return join(g, 0, bestStart) + "::" + join(g, bestStart + bestLength, 8);
    }

    private static String join(int[] groups, int from, int to) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) s.append(':');
            s.append(Integer.toHexString(groups[i]));
        }
        return s.toString();
    }

    private static String hostName() {
        String name = null;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            name = System.getenv("HOSTNAME");
        }
        if (name == null || name.isBlank() || name.toLowerCase(Locale.ROOT).startsWith("localhost")) return null;
        try {
            TicketFormat.parseAddress(name + ":1");
        } catch (org.lifeline.api.invitation.TicketException e) {
            return null;
        }
        return name;
    }
}

package org.lifeline.ticket.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lifeline.api.HostPort;
import org.osgi.framework.BundleContext;

/** Only looks at this machine's interfaces; never connects anywhere. */
class LanCandidatesTest {

    private static LanCandidates provider(Map<String, Boolean> values) {
        return provider(values, null);
    }

    private static LanCandidates provider(Map<String, Boolean> values, BundleContext context) {
        LanCandidates p = new LanCandidates();
        p.activate((LanCandidates.Config) Proxy.newProxyInstance(LanCandidates.Config.class.getClassLoader(),
                new Class<?>[] {LanCandidates.Config.class},
                (proxy, m, args) -> values.getOrDefault(m.getName(), (Boolean) m.getDefaultValue())), context);
        return p;
    }

    @Test
    void theLaunchersLoopbackOnlyOverridesTheConfiguration() {
        BundleContext context = (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class},
                (proxy, m, args) -> m.getName().equals("getProperty") && LanCandidates.LOOPBACK_ONLY.equals(args[0]) ? "true" : null);
        assertThat(provider(Map.of(), context).candidates(7000)).containsExactly(new HostPort("127.0.0.1", 7000));
    }

    @Test
    void loopbackOnlyWhenAskedAndThenFirst() {
        assertThat(provider(Map.of("loopback", true, "lan", false, "hostname", false)).candidates(5500))
                .containsExactly(new HostPort("127.0.0.1", 5500));
        List<HostPort> withLan = provider(Map.of("loopback", true)).candidates(5500);
        assertThat(withLan).first().isEqualTo(new HostPort("127.0.0.1", 5500));
        assertThat(withLan).doesNotHaveDuplicates().allMatch(h -> h.port() == 5500);
    }

    @Test
    void defaultsGiveInterfaceAddressesButNoLoopback() throws Exception {
        List<HostPort> candidates = provider(Map.of("hostname", false)).candidates(6000);
        List<HostPort> expected = LanCandidates.interfaceAddresses().stream()
                .map(a -> new HostPort(LanCandidates.literal(a), 6000)).toList();
        assertThat(candidates).isEqualTo(expected);
        for (HostPort h : candidates) {
            InetAddress a = InetAddress.getByName(h.host());
            assertThat(a.isLoopbackAddress() || a.isLinkLocalAddress()).as(h.toString()).isFalse();
        }
    }

    @Test
    void ipv6IsWrittenInItsShortForm() throws Exception {
        assertThat(LanCandidates.literal(InetAddress.getByName("fd00:0:0:0:0:0:0:2"))).isEqualTo("fd00::2");
        assertThat(LanCandidates.literal(InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(LanCandidates.literal(InetAddress.getByName("fd00:0:0:0:0:0:0:0"))).isEqualTo("fd00::");
        assertThat(LanCandidates.literal(InetAddress.getByName("0:0:0:0:0:0:0:5"))).isEqualTo("::5");
        assertThat(LanCandidates.literal(InetAddress.getByName("2001:db8:1:2:3:4:0:6"))).isEqualTo("2001:db8:1:2:3:4:0:6");
        assertThat(LanCandidates.literal(InetAddress.getByName("198.51.100.3"))).isEqualTo("198.51.100.3");
    }

    @Test
    void nothingWhenEverythingIsTurnedOff() {
        assertThat(provider(Map.of("lan", false, "hostname", false)).candidates(1)).isEmpty();
    }

    @Test
    void hostNameComesLastAndIsAValidTicketAddress() throws Exception {
        List<HostPort> candidates = provider(Map.of()).candidates(7000);
        for (HostPort h : candidates) TicketFormat.parseAddress(h.toString());
    }
}

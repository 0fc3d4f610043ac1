package org.lifeline.launcher.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.lifeline.launcher.fixture.FixtureBundles;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** The assembled distribution in a running framework: it resolves, activates, and takes bundles live. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DistributionIT extends LifelineTestBase {

    @Test
    public void everyBundleForThisOsIsActiveAndOtherOsBundlesStayUnresolved() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            String requires = b.getHeaders().get(Constants.REQUIRE_CAPABILITY);
            boolean otherOs = requires != null && requires.contains("osgi.native")
                    && !requires.contains("osgi.native.osname~=Linux");
            if (otherOs) {
                if (b.getState() != Bundle.INSTALLED) problems.add(b.getSymbolicName() + " should be unresolved here");
            } else if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                // a fragment (the native TLS build) is never started: attached to its host, it is RESOLVED
                if (b.getState() != Bundle.RESOLVED) problems.add(b.getSymbolicName() + " is " + stateName(b.getState()));
            } else if (b.getState() != Bundle.ACTIVE) {
                problems.add(b.getSymbolicName() + " is " + stateName(b.getState()));
            }
        }
        assertTrue("bundles not as expected: " + problems, problems.isEmpty());
        for (String bsn : List.of("org.lifeline.capture.win32", "org.lifeline.input.win32",
                "org.lifeline.capture.macos", "org.lifeline.input.macos")) {
            assertNotNull(bsn + " must be installed in every distribution", installed(bsn));
        }
    }

    @Test
    public void thisPlatformsNativeTlsBuildIsAttachedToNettysTlsClasses() throws Exception {
        // (runs inside the framework, where the launcher's NativeTls is not visible; this suite runs on Linux x64)
        org.junit.Assume.assumeTrue("the distribution's builds include linux-x86_64",
                System.getProperty("os.name").toLowerCase().contains("linux") && System.getProperty("os.arch").equals("amd64"));
        Bundle fragment = installed("io.netty.tcnative-boringssl-static");
        assertNotNull("the native TLS build is installed", fragment);
        assertEquals(Bundle.RESOLVED, fragment.getState());
        Bundle host = installed("io.netty.tcnative-classes");
        assertNotNull("netty-tcnative-classes is in the feature", host);
        List<BundleWire> attached = host.adapt(BundleWiring.class).getProvidedWires(HostNamespace.HOST_NAMESPACE);
        assertEquals("one fragment attached to " + host, 1, attached.size());
        assertEquals(fragment, attached.get(0).getRequirer().getBundle());
        // Netty's TLS handler sees the native classes (its import is optional, so this is what decides)
        Bundle handler = installed("io.netty.handler");
        assertNotNull(handler);
        boolean wired = handler.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package").stream()
                .anyMatch(w -> w.getProvider().getBundle().equals(host));
        assertTrue("io.netty.handler is wired to io.netty.internal.tcnative", wired);
    }

    @Test
    public void everyDeclarativeServicesComponentIsSatisfied() throws Exception {
        eventually("every component satisfied", () -> {
            ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
            List<String> unsatisfied = new ArrayList<>();
            int count = 0;
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
                if (!d.bundle.symbolicName.startsWith("org.lifeline")) continue;
                count++;
                if (!scr.isComponentEnabled(d)) {
                    unsatisfied.add(d.name + " (disabled)");
                    continue;
                }
                for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                    if (c.state != ComponentConfigurationDTO.ACTIVE && c.state != ComponentConfigurationDTO.SATISFIED) {
                        unsatisfied.add(d.name + " state " + c.state + " missing "
                                + java.util.Arrays.stream(c.unsatisfiedReferences).map(r -> r.name).toList()
                                + (c.failure == null ? "" : " failure " + c.failure));
                    }
                }
            }
            assertTrue("no Lifeline components found", count > 0);
            assertTrue("unsatisfied components: " + unsatisfied, unsatisfied.isEmpty());
        });
    }

    @Test
    public void aChannelBundleUpdatedLiveIsRewiredIntoItsConsumers() throws Exception {
        Bundle channel = context.installBundle("test-channel",
                new ByteArrayInputStream(FixtureBundles.testChannel("1.0.0")));
        channel.start();
        eventually("the shell lists channel v1", () -> assertTrue(shell("ra:channels").contains("Test channel 1.0.0")));
        // the invitation store is a long-lived consumer: it must send through whichever version is there now
        String invited = shell("ra:invite --channel test --to expert@example.org --password pw-123456 --expires 1h");
        Matcher m = Pattern.compile("invitation\\s+(\\S+)").matcher(invited);
        assertTrue(invited, m.find());
        String invitation = m.group(1);
        String first = shell("ra:resend " + invitation);
        assertTrue(first, first.contains("kept by Test channel 1.0.0"));
        Bundle store = installed("org.lifeline.ticket");
        long storeId = store.getBundleId();

        channel.update(new ByteArrayInputStream(FixtureBundles.testChannel("2.0.0")));

        assertEquals("2.0.0", channel.getVersion().toString());
        eventually("the consumers use channel v2", () -> {
            String listed = shell("ra:channels");
            assertTrue(listed, listed.contains("Test channel 2.0.0") && !listed.contains("Test channel 1.0.0"));
            String resent = shell("ra:resend " + invitation);
            assertTrue(resent, resent.contains("kept by Test channel 2.0.0"));
        });
        assertEquals(Bundle.ACTIVE, store.getState());
        assertEquals(storeId, installed("org.lifeline.ticket").getBundleId());
        everyBundleForThisOsIsActiveAndOtherOsBundlesStayUnresolved();
        channel.uninstall();
    }

    @Test
    public void aBundleDroppedIntoDeployIsInstalledAndANewerOneReplacesIt() throws Exception {
        Path deploy = Path.of(System.getProperty("lifeline.it.data")).resolve("deploy");
        Path target = deploy.resolve("test-channel.jar");
        write(target, FixtureBundles.testChannel("1.0.0"));
        eventually("FileInstall installs v1", () -> {
            Bundle b = installed(FixtureBundles.TEST_CHANNEL_BSN);
            assertNotNull("not installed yet", b);
            assertEquals(Bundle.ACTIVE, b.getState());
            assertTrue(shell("ra:channels").contains("Test channel 1.0.0"));
        });
        Thread.sleep(1100); // FileInstall compares modification times with a resolution of a second on some file systems
        write(target, FixtureBundles.testChannel("2.0.0"));
        eventually("FileInstall updates to v2", () -> {
            Bundle b = installed(FixtureBundles.TEST_CHANNEL_BSN);
            assertEquals("2.0.0", b.getVersion().toString());
            assertTrue(shell("ra:channels").contains("Test channel 2.0.0"));
        });
        Files.delete(target);
        eventually("FileInstall uninstalls it", () -> {
            if (installed(FixtureBundles.TEST_CHANNEL_BSN) != null) fail("still installed");
            assertTrue(!shell("ra:channels").contains("Test channel"));
        });
    }

    private static void write(Path target, byte[] jar) throws Exception {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        Files.write(tmp, jar);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> ref = context.getServiceReference(type);
        assertNotNull("no " + type.getSimpleName(), ref);
        return context.getService(ref);
    }

    private static String stateName(int state) {
        switch (state) {
            case Bundle.INSTALLED: return "INSTALLED";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.ACTIVE: return "ACTIVE";
            default: return "UNINSTALLED";
        }
    }
}

package org.lifeline.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.lifeline.api.LifelineException;
import org.lifeline.api.policy.AssistancePolicy;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

class PolicyCommandsTest {
    private final PolicyCommands commands = new PolicyCommands();

    @Test
    void showsThePolicyInForce() {
        commands.policy = new AssistancePolicy() {
            @Override
            public boolean invitationsEnabled() {
                return true;
            }

            @Override
            public boolean controlEnabled() {
                return false;
            }

            @Override
            public Duration defaultExpiry() {
                return Duration.ofMinutes(90);
            }

            @Override
            public Duration maxExpiry() {
                return Duration.ofDays(7);
            }

            @Override
            public boolean passwordRequired() {
                return true;
            }
        };
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            commands.policy();
        } finally {
            System.setOut(old);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("invitations.enabled  true", "control.enabled      false",
                "expiry.default       90m", "expiry.max           7d", "password.required    true");
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        assertThat(commands.validate("control.enabled", "FALSE", new Hashtable<>())).isEqualTo(false);
        assertThatThrownBy(() -> commands.validate("control.enabled", "no", new Hashtable<>()))
                .isInstanceOf(LifelineException.class).hasMessageContaining("true or false");
    }

    @Test
    void durationsAreCheckedAgainstTheCeilingAndEachOther() {
        assertThat(commands.validate("expiry.max", "P7D", new Hashtable<>())).isEqualTo("P7D");
        assertThatThrownBy(() -> commands.validate("expiry.max", "100d", new Hashtable<>())).hasMessageContaining("at most 99 days");
        Hashtable<String, Object> current = new Hashtable<>();
        current.put("expiry.max", "2h");
        assertThatThrownBy(() -> commands.validate("expiry.default", "3h", current)).hasMessageContaining("longer than expiry.max");
        current.put("expiry.default", "1h");
        assertThatThrownBy(() -> commands.validate("expiry.max", "30m", current)).hasMessageContaining("shorter than expiry.default");
        assertThatThrownBy(() -> commands.validate("expiry.default", "soon", current)).hasMessageContaining("not a duration");
    }

    @Test
    void unknownKeyIsNamedWithTheKnownOnes() {
        commands.configAdmin = configAdmin(new AtomicReference<>());
        assertThatThrownBy(() -> commands.policy("colour", "blue")).hasMessageContaining("invitations.enabled");
    }

    @Test
    void settingAKeyUpdatesTheConfiguration() {
        AtomicReference<Dictionary<String, Object>> stored = new AtomicReference<>();
        commands.configAdmin = configAdmin(stored);
        commands.policy = followingStored(stored);
        commands.policy("password.required", "false");
        commands.policy("expiry.default", "30m");
        assertThat(stored.get().get("password.required")).isEqualTo(false);
        assertThat(stored.get().get("expiry.default")).isEqualTo("30m");
    }

    /** A policy service that, like the real one, shows what ConfigAdmin delivered. */
    private static AssistancePolicy followingStored(AtomicReference<Dictionary<String, Object>> stored) {
        return new AssistancePolicy() {
            private Object get(String key, Object fallback) {
                Dictionary<String, Object> d = stored.get();
                Object v = d == null ? null : d.get(key);
                return v == null ? fallback : v;
            }

            @Override
            public boolean invitationsEnabled() {
                return (Boolean) get("invitations.enabled", true);
            }

            @Override
            public boolean controlEnabled() {
                return (Boolean) get("control.enabled", true);
            }

            @Override
            public java.time.Duration defaultExpiry() {
                return org.lifeline.api.policy.Durations.parse(get("expiry.default", "1h").toString());
            }

            @Override
            public java.time.Duration maxExpiry() {
                return org.lifeline.api.policy.Durations.parse(get("expiry.max", "99d").toString());
            }

            @Override
            public boolean passwordRequired() {
                return (Boolean) get("password.required", true);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static ConfigurationAdmin configAdmin(AtomicReference<Dictionary<String, Object>> stored) {
        Configuration c = (Configuration) Proxy.newProxyInstance(Configuration.class.getClassLoader(),
                new Class<?>[] {Configuration.class}, (p, m, args) -> switch (m.getName()) {
                    case "getProperties" -> stored.get() == null ? null : new Hashtable<>((Hashtable<String, Object>) stored.get());
                    case "update" -> {
                        stored.set((Dictionary<String, Object>) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (ConfigurationAdmin) Proxy.newProxyInstance(ConfigurationAdmin.class.getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (p, m, args) -> {
                    if (m.getName().equals("getConfiguration") && args.length == 2 && "org.lifeline.policy".equals(args[0])) return c;
                    throw new UnsupportedOperationException(m.getName());
                });
    }
}

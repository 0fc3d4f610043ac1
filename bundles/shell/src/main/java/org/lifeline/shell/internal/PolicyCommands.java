package org.lifeline.shell.internal;

import static org.lifeline.shell.internal.CommandSupport.run;
import static org.lifeline.shell.internal.CommandSupport.table;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import org.apache.felix.service.command.Descriptor;
import org.lifeline.api.LifelineException;
import org.lifeline.api.policy.AssistancePolicy;
import org.lifeline.api.policy.Durations;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code ra:policy}: shows the policy in force and sets one key through ConfigAdmin ({@value AssistancePolicy#PID}). */
@Component(service = PolicyCommands.class, property = {"osgi.command.scope=ra", "osgi.command.function=policy"})
public class PolicyCommands {
    static final String INVITATIONS = "invitations.enabled";
    static final String CONTROL = "control.enabled";
    static final String EXPIRY_DEFAULT = "expiry.default";
    static final String EXPIRY_MAX = "expiry.max";
    static final String PASSWORD = "password.required";
    static final List<String> KEYS = List.of(INVITATIONS, CONTROL, EXPIRY_DEFAULT, EXPIRY_MAX, PASSWORD);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AssistancePolicy policy;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ConfigurationAdmin configAdmin;

    @Descriptor("show the policy in force")
    public void policy() {
        run(() -> {
            AssistancePolicy p = policy;
            if (p == null) throw new LifelineException("the policy service is not running: start the policy bundle (lb shows it)");
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"KEY", "VALUE"});
            rows.add(new String[] {INVITATIONS, Boolean.toString(p.invitationsEnabled())});
            rows.add(new String[] {CONTROL, Boolean.toString(p.controlEnabled())});
            rows.add(new String[] {EXPIRY_DEFAULT, Durations.format(p.defaultExpiry())});
            rows.add(new String[] {EXPIRY_MAX, Durations.format(p.maxExpiry())});
            rows.add(new String[] {PASSWORD, Boolean.toString(p.passwordRequired())});
            table(System.out, rows);
        });
    }

    @Descriptor("set one policy key (invitations.enabled, control.enabled, password.required: true|false; "
            + "expiry.default, expiry.max: 30m, 2h, 7d or ISO-8601, at most 99 days)")
    public void policy(@Descriptor("the key") String key, @Descriptor("the new value") String value) {
        run(() -> {
            ConfigurationAdmin ca = configAdmin;
            if (ca == null) throw new LifelineException("ConfigAdmin is not running, so the policy cannot be changed: start org.apache.felix.configadmin");
            String k = key.strip();
            if (!KEYS.contains(k)) throw new LifelineException("'" + key + "' is not a policy key: use one of " + String.join(", ", KEYS));
            try {
                Configuration c = ca.getConfiguration(AssistancePolicy.PID, "?");
                Dictionary<String, Object> props = c.getProperties();
                if (props == null) props = new Hashtable<>();
                Object typed = validate(k, value, props);
                props.put(k, typed);
                c.update(props);
                awaitApplied(k, typed);
                System.out.println("policy " + k + " = " + typed);
            } catch (IOException e) {
                throw new LifelineException("the policy could not be saved (" + e.getMessage() + "): check the data folder");
            }
        });
    }

    /** How long a script's next command may have to wait for ConfigAdmin to deliver a change. */
    static final long APPLY_TIMEOUT_MILLIS = 5_000;

    /**
     * ConfigAdmin delivers changes asynchronously; waiting here means the next line of a script (e.g. an
     * ra:invite right after invitations.enabled false) already runs under the new policy.
     */
    private void awaitApplied(String key, Object value) {
        if (policy == null) return; // nothing reads the policy now; whoever starts later reads it as saved
        long deadline = System.currentTimeMillis() + APPLY_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            AssistancePolicy p = policy;
            if (p != null && inForce(p, key, value)) return;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new LifelineException("the policy was saved but is not in force yet: check ra:policy in a moment");
    }

    private static boolean inForce(AssistancePolicy p, String key, Object value) {
        return switch (key) {
            case INVITATIONS -> value.equals(p.invitationsEnabled());
            case CONTROL -> value.equals(p.controlEnabled());
            case PASSWORD -> value.equals(p.passwordRequired());
            case EXPIRY_DEFAULT -> Durations.parse(value.toString()).equals(p.defaultExpiry());
            default -> Durations.parse(value.toString()).equals(p.maxExpiry());
        };
    }

    /** Checks {@code value} for {@code key} against the rest of the stored policy; returns what to store. */
    Object validate(String key, String value, Dictionary<String, Object> current) {
        String v = value == null ? "" : value.strip();
        switch (key) {
            case INVITATIONS, CONTROL, PASSWORD -> {
                String b = v.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) throw new LifelineException(key + " is true or false, not '" + value + "'");
                return Boolean.valueOf(b);
            }
            default -> {
                Duration d = Durations.parse(v);
                if (d.compareTo(AssistancePolicy.ABSOLUTE_MAX_EXPIRY) > 0) {
                    throw new LifelineException(key + " can be at most 99 days (99d), not " + Durations.format(d));
                }
                if (key.equals(EXPIRY_DEFAULT)) {
                    Duration max = stored(current, EXPIRY_MAX, AssistancePolicy.ABSOLUTE_MAX_EXPIRY);
                    if (d.compareTo(max) > 0) {
                        throw new LifelineException("expiry.default " + Durations.format(d) + " is longer than expiry.max "
                                + Durations.format(max) + ": raise expiry.max first or choose a shorter default");
                    }
                } else {
                    Duration def = stored(current, EXPIRY_DEFAULT, Duration.ofHours(1));
                    if (d.compareTo(def) < 0) {
                        throw new LifelineException("expiry.max " + Durations.format(d) + " is shorter than expiry.default "
                                + Durations.format(def) + ": lower expiry.default first");
                    }
                }
                return v;
            }
        }
    }

    private static Duration stored(Dictionary<String, Object> props, String key, Duration fallback) {
        Object o = props.get(key);
        if (o == null) return fallback;
        try {
            return Durations.parse(o.toString());
        } catch (LifelineException e) {
            return fallback;
        }
    }
}

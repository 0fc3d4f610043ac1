package org.lifeline.policy.internal;

import java.time.Duration;
import java.util.logging.Level;
import org.lifeline.api.LifelineException;
import org.lifeline.api.policy.AssistancePolicy;
import org.lifeline.api.policy.Durations;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The policy as ConfigAdmin says it. A value that cannot be understood falls back to its default with a
 * warning rather than failing the component: a typo in a config file must not switch invitations off
 * silently, nor make the whole policy (and everything that needs it) disappear.
 */
@Component(configurationPid = AssistancePolicy.PID)
@Designate(ocd = PolicyConfig.class)
public class PolicyComponent implements AssistancePolicy {
    static final Duration DEFAULT_EXPIRY = Duration.ofHours(1);

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile Logger logger;

    private volatile Settings settings = new Settings(true, true, DEFAULT_EXPIRY, ABSOLUTE_MAX_EXPIRY, true);

    private record Settings(boolean invitations, boolean control, Duration defaultExpiry, Duration maxExpiry,
            boolean password) {
    }

    @Activate
    @Modified
    void activate(PolicyConfig config) {
        Duration max = duration("expiry.max", config.expiry_max(), ABSOLUTE_MAX_EXPIRY);
        if (max.compareTo(ABSOLUTE_MAX_EXPIRY) > 0) {
            warn("expiry.max " + config.expiry_max() + " is more than the 99-day ceiling; using 99 days");
            max = ABSOLUTE_MAX_EXPIRY;
        }
        Duration def = duration("expiry.default", config.expiry_default(), DEFAULT_EXPIRY);
        if (def.compareTo(max) > 0) {
            warn("expiry.default " + config.expiry_default() + " is longer than expiry.max; using expiry.max");
            def = max;
        }
        settings = new Settings(config.invitations_enabled(), config.control_enabled(), def, max,
                config.password_required());
    }

    private Duration duration(String key, String text, Duration fallback) {
        try {
            return Durations.parse(text);
        } catch (LifelineException e) {
            warn(key + ": " + e.getMessage() + "; using " + Durations.format(fallback));
            return fallback;
        }
    }

    private void warn(String message) {
        Logger l = logger;
        if (l != null) {
            l.warn("policy " + PID + ": {}", message);
        } else {
            java.util.logging.Logger.getLogger(PolicyComponent.class.getName()).log(Level.WARNING,
                    "policy " + PID + ": " + message);
        }
    }

    @Override
    public boolean invitationsEnabled() {
        return settings.invitations();
    }

    @Override
    public boolean controlEnabled() {
        return settings.control();
    }

    @Override
    public Duration defaultExpiry() {
        return settings.defaultExpiry();
    }

    @Override
    public Duration maxExpiry() {
        return settings.maxExpiry();
    }

    @Override
    public boolean passwordRequired() {
        return settings.password();
    }
}

package org.lifeline.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyComponentTest {

    /** A component property type as SCR makes it: a key's dots become underscores in the method name. */
    static PolicyConfig config(Map<String, Object> values) {
        return (PolicyConfig) Proxy.newProxyInstance(PolicyConfig.class.getClassLoader(),
                new Class<?>[] {PolicyConfig.class}, (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    return values.containsKey(key) ? values.get(key) : method.getDefaultValue();
                });
    }

    private static PolicyComponent policy(Map<String, Object> values) {
        PolicyComponent p = new PolicyComponent();
        p.activate(config(values));
        return p;
    }

    @Test
    void defaultsAreOneHourNinetyNineDaysAndAPassword() {
        PolicyComponent p = policy(Map.of());
        assertThat(p.invitationsEnabled()).isTrue();
        assertThat(p.controlEnabled()).isTrue();
        assertThat(p.defaultExpiry()).isEqualTo(Duration.ofHours(1));
        assertThat(p.maxExpiry()).isEqualTo(Duration.ofDays(99));
        assertThat(p.passwordRequired()).isTrue();
    }

    @Test
    void isoAndShortDurationsAreBothUnderstood() {
        PolicyComponent p = policy(Map.of("expiry.default", "30m", "expiry.max", "P7D"));
        assertThat(p.defaultExpiry()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.maxExpiry()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void maximumNeverExceedsNinetyNineDays() {
        assertThat(policy(Map.of("expiry.max", "365d")).maxExpiry()).isEqualTo(Duration.ofDays(99));
    }

    @Test
    void defaultLongerThanMaximumIsCutToTheMaximum() {
        PolicyComponent p = policy(Map.of("expiry.default", "2d", "expiry.max", "1d"));
        assertThat(p.defaultExpiry()).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void unreadableDurationFallsBackToItsDefault() {
        PolicyComponent p = policy(Map.of("expiry.default", "soon", "expiry.max", "forever"));
        assertThat(p.defaultExpiry()).isEqualTo(Duration.ofHours(1));
        assertThat(p.maxExpiry()).isEqualTo(Duration.ofDays(99));
    }

    @Test
    void modifiedConfigurationTakesEffectInPlace() {
        PolicyComponent p = policy(Map.of());
        p.activate(config(Map.of("invitations.enabled", false, "control.enabled", false,
                "password.required", false)));
        assertThat(p.invitationsEnabled()).isFalse();
        assertThat(p.controlEnabled()).isFalse();
        assertThat(p.passwordRequired()).isFalse();
    }
}

package org.lifeline.policy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The keys of {@code org.lifeline.policy} (set with {@code ra:policy KEY VALUE} or in
 * {@code etc/org.lifeline.policy.cfg}). Durations are ISO-8601 ({@code PT1H}, {@code P7D}) or a number and
 * one unit letter ({@code 30m}, {@code 2h}, {@code 7d}).
 */
@ObjectClassDefinition(name = "Lifeline assistance policy",
        description = "What this computer allows when it asks for help.")
@interface PolicyConfig {
    @AttributeDefinition(description = "Whether invitations may be created at all.")
    boolean invitations_enabled() default true;

    @AttributeDefinition(description = "Whether an expert may ever be granted control (otherwise view only).")
    boolean control_enabled() default true;

    @AttributeDefinition(description = "How long a new invitation lasts unless asked otherwise (PT1H, 2h, 30m, 7d).")
    String expiry_default() default "PT1H";

    @AttributeDefinition(description = "Longest an invitation may last; never more than 99 days (P99D, 7d, 12h).")
    String expiry_max() default "P99D";

    @AttributeDefinition(description = "Whether every invitation must have a password.")
    boolean password_required() default true;
}

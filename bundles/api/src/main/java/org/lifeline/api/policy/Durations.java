package org.lifeline.api.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lifeline.api.LifelineException;

/**
 * The two ways a person writes how long an invitation lasts, used by the policy, {@code ra:invite --expires}
 * and {@code ra:expiry}: ISO-8601 ({@code PT1H}, {@code P7D}, {@code PT90M}) or a number with one unit
 * letter: {@code s} seconds, {@code m} minutes, {@code h} hours, {@code d} days ({@code 30m}, {@code 2h},
 * {@code 7d}).
 */
public final class Durations {
    /** Longest text accepted, so a pasted novel is refused before any parsing. */
    public static final int MAX_TEXT_LENGTH = 32;

    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    private Durations() {
    }

    /**
     * @throws LifelineException naming the text and both accepted forms when it is neither, or not positive
     */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_TEXT_LENGTH) {
            throw invalid(text);
        }
        Duration d;
        Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException | ArithmeticException e) {
                throw invalid(text);
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new LifelineException("a duration must be longer than zero, not '" + t + "'");
        }
        return d;
    }

    /** The shortest short form that is exact: {@code 7d}, {@code 2h}, {@code 90m}, {@code 45s}. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s != 0 && s % 86400 == 0) return s / 86400 + "d";
        if (s != 0 && s % 3600 == 0) return s / 3600 + "h";
        if (s != 0 && s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }

    private static LifelineException invalid(String text) {
        String shown = text == null ? "" : text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) + "…" : text;
        return new LifelineException("'" + shown + "' is not a duration: write e.g. 30m, 2h, 7d or ISO-8601 like PT1H or P7D");
    }
}

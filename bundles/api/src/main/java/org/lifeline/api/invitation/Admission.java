package org.lifeline.api.invitation;

/**
 * The gate's answer for one attempt.
 *
 * @param refusal {@code null} when admitted, else one line for the expert ("this invitation has expired: ask ...")
 * @param srpSalt the SRP-6a salt (an invitation without a password uses the empty password)
 * @param srpVerifier the SRP-6a verifier v = g^x (RFC 5054, 3072-bit group, SHA-256), big-endian
 */
public record Admission(String refusal, byte[] srpSalt, byte[] srpVerifier) {
    public static Admission refused(String why) {
        return new Admission(why, null, null);
    }

    public boolean admitted() {
        return refusal == null;
    }
}

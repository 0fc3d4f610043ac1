package org.lifeline.api.invitation;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** The per-invitation TLS key pair the novice presents; the ticket pins the certificate's SHA-256. */
public record NoviceIdentity(PrivateKey privateKey, X509Certificate certificate) {
}

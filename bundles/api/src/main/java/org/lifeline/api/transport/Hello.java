package org.lifeline.api.transport;

/** The expert's first message after TLS: which invitation, who, and what profile. */
public record Hello(int protocolVersion, String invitationId, String expertName, boolean lowBandwidth) {
}

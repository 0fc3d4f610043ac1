package org.lifeline.api.invitation;

import java.util.List;
import org.lifeline.api.HostPort;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Contributes connection candidates for a ticket: LAN addresses and the host name, a UPnP-mapped public
 * address, a relay. Candidates of providers with a higher service ranking come first in the ticket.
 */
@ConsumerType
public interface CandidateProvider {
    List<HostPort> candidates(int listeningPort);
}

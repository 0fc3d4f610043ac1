package org.lifeline.api.transport;

import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/** Secure connections between novice and expert. Failures complete the future with a {@code LifelineException}. */
@ProviderType
public interface Transport {
    /** Service property: which transport ("tcp", later "relay"). */
    String TRANSPORT_ID = "transport.id";

    Listener listen(ListenRequest request);

    CompletableFuture<Connection> connect(ConnectRequest request);
}

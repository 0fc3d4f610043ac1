package org.lifeline.transport.tcp.internal;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;

/** The first reason recorded for a channel's end wins; later causes (the resulting close, EOF) keep it. */
final class CloseReason {
    static final String LOST = "the connection was lost";

    private static final AttributeKey<String> KEY = AttributeKey.valueOf(CloseReason.class, "reason");

    private CloseReason() {
    }

    static void offer(Channel channel, String reason) {
        channel.attr(KEY).setIfAbsent(reason);
    }

    static String of(Channel channel) {
        String r = channel.attr(KEY).get();
        return r == null ? LOST : r;
    }
}

package org.lifeline.screen.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.lifeline.api.screen.ScreenCodec;
import org.osgi.framework.Constants;

/**
 * The screen codecs registered now, best first (service ranking, then the older registration). The novice
 * encodes with the best; the expert decodes with the best one whose id matches the update.
 */
final class CodecRegistry {
    private record Entry(ScreenCodec codec, String id, int ranking, long serviceId) {
    }

    private static final Comparator<Entry> BEST_FIRST = Comparator.comparingInt(Entry::ranking).reversed()
            .thenComparingLong(Entry::serviceId);

    private volatile List<Entry> entries = List.of();
    private long registrations;

    synchronized void add(ScreenCodec codec, Map<String, Object> properties) {
        Object id = properties.get(ScreenCodec.CODEC_ID);
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object serviceId = properties.get(Constants.SERVICE_ID);
        List<Entry> next = new ArrayList<>(entries);
        next.add(new Entry(codec, id instanceof String s ? s : codec.id(), ranking instanceof Integer r ? r : 0,
                serviceId instanceof Long l ? l : ++registrations));
        next.sort(BEST_FIRST);
        entries = List.copyOf(next);
    }

    synchronized void remove(ScreenCodec codec) {
        List<Entry> next = new ArrayList<>(entries);
        next.removeIf(e -> e.codec() == codec);
        entries = List.copyOf(next);
    }

    /** The codec the novice encodes with, or {@code null} when none is registered. */
    ScreenCodec best() {
        List<Entry> e = entries;
        return e.isEmpty() ? null : e.get(0).codec();
    }

    /** The codec that can decode updates made by codec {@code id}, or {@code null}. */
    ScreenCodec byId(String id) {
        for (Entry e : entries) {
            if (e.id().equals(id)) return e.codec();
        }
        return null;
    }
}

package io.dyadstream.http;

import io.dyadstream.model.EnrichedStory;
import io.dyadstream.model.EventType;
import io.dyadstream.model.PairDay;
import io.dyadstream.model.PairRecord;
import io.dyadstream.model.Sector;
import io.dyadstream.pairs.PairDays;
import io.dyadstream.topology.DyadTopology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Reads this instance's state stores (interactive queries): a pair's daily timeline and latest
 * stories, one story by id, and a summary of every pair this instance holds. Keys another instance
 * owns are not here; {@link ApiServer} routes those.
 */
final class LocalStores {

    /** A pair over a period: stories, duplicates, mean score, tag counts per type. */
    record PairSummary(String pair, int stories, int duplicates, double score, int scoredTags, Map<EventType, Integer> types,
            List<String> topTypes, Map<Integer, Integer> quads, Map<Sector, Integer> sectors, String lastDay) {}

    private final KafkaStreams streams;

    LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    List<PairDay> timeline(String pair, long from, long to) {
        List<PairDay> days = new ArrayList<>();
        try (WindowStoreIterator<PairDay> it = windowStore(DyadTopology.PAIR_DAILY, PairDay.class)
                .fetch(pair, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
            while (it.hasNext()) {
                KeyValue<Long, PairDay> day = it.next();
                days.add(PairDays.dated(day.value, day.key));
            }
        }
        return days;
    }

    List<PairRecord> stories(String pair, int limit) {
        List<PairRecord> stories = new ArrayList<>(limit);
        try (WindowStoreIterator<PairRecord> it = windowStore(DyadTopology.PAIR_STORIES, PairRecord.class)
                .backwardFetch(pair, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE / 2))) {
            while (it.hasNext() && stories.size() < limit) {
                stories.add(it.next().value);
            }
        }
        return stories;
    }

    EnrichedStory story(String id) {
        try (WindowStoreIterator<EnrichedStory> it = windowStore(DyadTopology.STORIES, EnrichedStory.class)
                .backwardFetch(id, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE / 2))) {
            return it.hasNext() ? it.next().value : null;
        }
    }

    /** Every pair this instance holds with a day in [from, to], optionally only those of one country. */
    List<PairSummary> pairs(String country, long from, long to) {
        Map<String, List<PairDay>> byPair = new LinkedHashMap<>();
        try (KeyValueIterator<Windowed<String>, PairDay> it = windowStore(DyadTopology.PAIR_DAILY, PairDay.class)
                .fetchAll(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, PairDay> day = it.next();
                String pair = day.key.key();
                if (country == null || pair.startsWith(country + "-") || pair.endsWith("-" + country)) {
                    byPair.computeIfAbsent(pair, k -> new ArrayList<>()).add(PairDays.dated(day.value, day.key.window().start()));
                }
            }
        }
        List<PairSummary> summaries = new ArrayList<>();
        byPair.forEach((pair, days) -> summaries.add(summarise(pair, days)));
        return summaries;
    }

    static PairSummary summarise(String pair, List<PairDay> days) {
        int stories = 0;
        int duplicates = 0;
        int scored = 0;
        double sum = 0;
        Map<EventType, Integer> types = new EnumMap<>(EventType.class);
        Map<Integer, Integer> quads = new java.util.TreeMap<>();
        Map<Sector, Integer> sectors = new EnumMap<>(Sector.class);
        String lastDay = null;
        for (PairDay d : days) {
            d.quads().forEach((q, n) -> quads.merge(q, n, Integer::sum));
            d.sectors().forEach((sector, n) -> sectors.merge(sector, n, Integer::sum));
            if (d.day() != null && (lastDay == null || d.day().compareTo(lastDay) > 0)) {
                lastDay = d.day();
            }
            stories += d.stories();
            duplicates += d.duplicates();
            scored += d.scoredTags();
            sum += d.score() * d.scoredTags();
            d.types().forEach((t, n) -> types.merge(t, n, Integer::sum));
        }
        List<String> top = types.entrySet().stream()
                .sorted(Map.Entry.<EventType, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(e -> e.getKey().name()).toList();
        return new PairSummary(pair, stories, duplicates, scored == 0 ? 0 : Math.round(sum / scored * 100) / 100.0, scored, types, top,
                quads, sectors, lastDay);
    }

    private <V> ReadOnlyWindowStore<String, V> windowStore(String name, Class<V> type) {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>windowStore()));
        } catch (InvalidStateStoreException e) {
            throw ApiException.unavailable("the store " + name + " is not ready (the app is starting or rebalancing); retry shortly");
        }
    }
}

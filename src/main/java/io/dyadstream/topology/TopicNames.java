package io.dyadstream.topology;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The names of the topics the topology reads and writes. Defaults are those of topics.yaml; each can
 * be renamed with {@code dyadstream.topic.raw}, {@code .enriched}, {@code .pairs}, {@code .daily} and
 * {@code .dlq}.
 */
public record TopicNames(String raw, String enriched, String pairs, String daily, String dlq) {

    public static final String RAW = "stories.raw";
    public static final String ENRICHED = "stories.enriched";
    public static final String PAIRS = "relations.by-pair";
    public static final String DAILY = "relations.pair-daily";
    public static final String DLQ = "stories.dlq";

    public static final String RAW_CONFIG = "dyadstream.topic.raw";
    public static final String ENRICHED_CONFIG = "dyadstream.topic.enriched";
    public static final String PAIRS_CONFIG = "dyadstream.topic.pairs";
    public static final String DAILY_CONFIG = "dyadstream.topic.daily";
    public static final String DLQ_CONFIG = "dyadstream.topic.dlq";

    public static TopicNames defaults() {
        return new TopicNames(RAW, ENRICHED, PAIRS, DAILY, DLQ);
    }

    public static TopicNames from(Properties config) {
        return new TopicNames(
                config.getProperty(RAW_CONFIG, RAW),
                config.getProperty(ENRICHED_CONFIG, ENRICHED),
                config.getProperty(PAIRS_CONFIG, PAIRS),
                config.getProperty(DAILY_CONFIG, DAILY),
                config.getProperty(DLQ_CONFIG, DLQ));
    }

    public List<String> all() {
        return List.of(raw, enriched, pairs, daily, dlq);
    }

    /** Default name to configured name, for applying topics.yaml under renamed topics. */
    public Map<String, String> renames() {
        Map<String, String> renames = new LinkedHashMap<>();
        renames.put(RAW, raw);
        renames.put(ENRICHED, enriched);
        renames.put(PAIRS, pairs);
        renames.put(DAILY, daily);
        renames.put(DLQ, dlq);
        return renames;
    }
}

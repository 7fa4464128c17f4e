package io.dyadstream.topology;

import java.time.Duration;
import java.util.Properties;

/**
 * The settings the topology is a function of, besides its topics: the near-duplicate window and
 * threshold, the grace period for late stories, and how long the daily aggregates and the stories stay
 * queryable. Read from {@code dyadstream.*} settings, with documented defaults.
 */
public record TopologySettings(
        TopicNames topics, Duration duplicateWindow, double duplicateThreshold, Duration grace, Duration dailyRetention,
        Duration storyRetention) {

    public static final String DUPLICATE_WINDOW = "dyadstream.duplicate.window.hours";
    public static final String DUPLICATE_THRESHOLD = "dyadstream.duplicate.similarity";
    public static final String GRACE = "dyadstream.daily.grace.hours";
    public static final String DAILY_RETENTION = "dyadstream.daily.retention.days";
    public static final String STORY_RETENTION = "dyadstream.stories.retention.days";

    public static TopologySettings defaults() {
        return from(new Properties());
    }

    /**
     * Defaults: duplicates within 72 hours at similarity 0.5; days kept 400 days; a late story counts
     * in its day as long as that day is kept (grace = retention), so an archive loaded after live
     * stories is not lost; stories kept 30 days for the API.
     */
    public static TopologySettings from(Properties p) {
        long retentionDays = number(p, DAILY_RETENTION, 400);
        return new TopologySettings(
                TopicNames.from(p),
                Duration.ofHours(number(p, DUPLICATE_WINDOW, 72)),
                decimal(p, DUPLICATE_THRESHOLD, 0.5),
                Duration.ofHours(number(p, GRACE, retentionDays * 24)),
                Duration.ofDays(retentionDays),
                Duration.ofDays(number(p, STORY_RETENTION, 30)));
    }

    private static long number(Properties p, String key, long fallback) {
        String v = p.getProperty(key);
        try {
            long n = v == null ? fallback : Long.parseLong(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number >= 0, got '" + v + "'");
        }
    }

    private static double decimal(Properties p, String key, double fallback) {
        String v = p.getProperty(key);
        try {
            double d = v == null ? fallback : Double.parseDouble(v.strip());
            if (d <= 0 || d > 1) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number in (0, 1], got '" + v + "'");
        }
    }
}

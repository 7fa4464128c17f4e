package io.dyadstream.http;

import io.dyadstream.topology.PipelineMetrics;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Renders the metrics in the Prometheus text format (version 0.0.4): the app's own {@code dyadstream_*}
 * series, and the numeric Kafka Streams client, thread and task metrics as {@code kafka_streams_*}.
 */
final class PrometheusText {

    private static final Set<String> STREAMS_GROUPS = Set.of("stream-metrics", "stream-thread-metrics", "stream-task-metrics");

    private PrometheusText() {}

    static String render(PipelineMetrics m, KafkaStreams streams) {
        StringBuilder out = new StringBuilder(8192);
        counter(out, "dyadstream_stories_in_total", "Records read from the raw topic.", m.storiesIn());
        counter(out, "dyadstream_stories_enriched_total", "Stories parsed and enriched.", m.enrichedCount());
        counter(out, "dyadstream_stories_dead_lettered_total", "Records sent to the dead-letter topic.", m.deadLetteredCount());
        counter(out, "dyadstream_stories_duplicates_total", "Stories marked as republished copies.", m.duplicateCount());
        counter(out, "dyadstream_pairs_emitted_total", "Relation records written, one per story and pair.", m.pairsEmittedCount());
        out.append("# HELP dyadstream_enrichment_seconds Time to parse and enrich one story.\n")
                .append("# TYPE dyadstream_enrichment_seconds histogram\n");
        long[] counts = m.latencyCounts();
        long cumulative = 0;
        for (int i = 0; i < PipelineMetrics.LATENCY_BUCKETS.length; i++) {
            cumulative += counts[i];
            out.append("dyadstream_enrichment_seconds_bucket{le=\"").append(PipelineMetrics.LATENCY_BUCKETS[i]).append("\"} ")
                    .append(cumulative).append('\n');
        }
        cumulative += counts[counts.length - 1];
        out.append("dyadstream_enrichment_seconds_bucket{le=\"+Inf\"} ").append(cumulative).append('\n')
                .append("dyadstream_enrichment_seconds_sum ").append(m.latencySumSeconds()).append('\n')
                .append("dyadstream_enrichment_seconds_count ").append(cumulative).append('\n');
        memory(out);
        if (streams != null) {
            out.append("# HELP dyadstream_streams_state 1 for the Kafka Streams state the app is in.\n# TYPE dyadstream_streams_state gauge\n")
                    .append("dyadstream_streams_state{state=\"").append(streams.state()).append("\"} 1\n");
            for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
                MetricName name = e.getKey();
                if (STREAMS_GROUPS.contains(name.group()) && e.getValue().metricValue() instanceof Number value
                        && Double.isFinite(value.doubleValue())) {
                    out.append("kafka_streams_").append(sanitize(name.group().replace("stream-", "").replace("-metrics", "")))
                            .append('_').append(sanitize(name.name())).append(labels(name.tags())).append(' ')
                            .append(value.doubleValue()).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** JVM heap in use and its limit, and the process's resident memory now and at its peak (Linux). */
    private static void memory(StringBuilder out) {
        java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        gauge(out, "jvm_memory_heap_used_bytes", "Heap in use.", heap.getUsed());
        gauge(out, "jvm_memory_heap_max_bytes", "Heap limit.", heap.getMax());
        long peak = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        gauge(out, "jvm_memory_heap_peak_bytes", "Sum of the heap pools' peak use since start.", peak);
        long[] rss = residentMemory();
        if (rss != null) {
            gauge(out, "process_resident_memory_bytes", "Resident memory of the process.", rss[0]);
            gauge(out, "process_resident_memory_peak_bytes", "Peak resident memory of the process.", rss[1]);
        }
    }

    /** VmRSS and VmHWM of /proc/self/status in bytes, or null where there is none. */
    static long[] residentMemory() {
        try {
            long rss = -1;
            long peak = -1;
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kilobytes(line) * 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak = kilobytes(line) * 1024;
                }
            }
            return rss < 0 || peak < 0 ? null : new long[] {rss, peak};
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n")
                .append(name).append(' ').append(value).append('\n');
    }

    private static String labels(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("{");
        tags.forEach((k, v) -> s.append(s.length() > 1 ? "," : "").append(sanitize(k)).append("=\"")
                .append(v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append('"'));
        return s.append('}').toString();
    }

    private static String sanitize(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}

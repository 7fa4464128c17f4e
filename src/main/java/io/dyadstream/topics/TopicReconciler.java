package io.dyadstream.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeConfigsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Brings a cluster in line with a list of {@link TopicSpec}s, the way {@code dyadstream topics} does.
 *
 * <ul>
 *   <li>Creates missing topics with the spec's partitions, replication factor and configs.</li>
 *   <li>Never deletes or alters an existing topic. It reports drift instead: a different partition
 *       count or replication factor, or a config that the spec sets with another value on the cluster
 *       (keys the spec does not set are not compared).</li>
 *   <li>Idempotent: applying the same specs again reports every topic {@link Status#OK}.</li>
 *   <li>After creating topics it waits, bounded, until every new partition answers
 *       {@code listOffsets(latest)}: on Kafka 4.4 a batch produced right after {@code createTopics}
 *       can otherwise be lost (KAFKA-19880 and friends; see {@link #awaitReady}).</li>
 * </ul>
 *
 * Failures of the cluster calls surface as {@link TopicAdminException} with a clear message.
 * The {@link Admin} belongs to the caller, who closes it.
 */
public final class TopicReconciler {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;
    private final Duration timeout;

    public TopicReconciler(Admin admin) {
        this(admin, DEFAULT_TIMEOUT);
    }

    /** @param timeout bound for each phase (look up, create, wait until ready) */
    public TopicReconciler(Admin admin, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    public enum Status {
        /** The topic was missing and has been created. */
        CREATED,
        /** The topic exists and matches the spec. */
        OK,
        /** The topic exists and differs from the spec; it was left alone. */
        DRIFT,
        /** Dry run: the topic is missing and would be created. */
        MISSING_DRY_RUN
    }

    /** The outcome for one topic; {@code details} are human-readable lines (the drift, or what was created). */
    public record TopicResult(String name, Status status, List<String> details) {
        public TopicResult {
            details = List.copyOf(details);
        }
    }

    /** The outcome of {@link #apply}, in the order of the specs. */
    public record Report(List<TopicResult> topics, boolean dryRun) {
        public Report {
            topics = List.copyOf(topics);
        }

        public boolean hasDrift() {
            return topics.stream().anyMatch(t -> t.status() == Status.DRIFT);
        }

        /** True for a dry run that found topics to create. */
        public boolean hasMissing() {
            return topics.stream().anyMatch(t -> t.status() == Status.MISSING_DRY_RUN);
        }

        public Optional<TopicResult> topic(String name) {
            return topics.stream().filter(t -> t.name().equals(name)).findFirst();
        }

        /** Names of the topics with the given status. */
        public List<String> names(Status status) {
            return topics.stream().filter(t -> t.status() == status).map(TopicResult::name).toList();
        }

        /** A plain-text table (TOPIC, STATUS, DETAILS; one line per detail) and a summary line. */
        public String toTable() {
            int nameWidth = Math.max("TOPIC".length(), topics.stream().mapToInt(t -> t.name().length()).max().orElse(0));
            int statusWidth = Arrays.stream(Status.values()).mapToInt(s -> s.name().length()).max().orElse(0);
            String format = "%-" + nameWidth + "s  %-" + statusWidth + "s  %s%n";
            StringBuilder sb = new StringBuilder(String.format(format, "TOPIC", "STATUS", "DETAILS"));
            for (TopicResult t : topics) {
                List<String> lines = t.details().isEmpty() ? List.of("") : t.details();
                sb.append(String.format(format, t.name(), t.status(), lines.get(0)));
                for (String line : lines.subList(1, lines.size())) {
                    sb.append(String.format(format, "", "", line));
                }
            }
            Map<Status, Long> counts = topics.stream().collect(Collectors.groupingBy(TopicResult::status, Collectors.counting()));
            sb.append(topics.size()).append(topics.size() == 1 ? " topic" : " topics");
            String sep = ": ";
            for (Status s : Status.values()) {
                if (counts.containsKey(s)) {
                    sb.append(sep).append(counts.get(s)).append(' ').append(s.name());
                    sep = ", ";
                }
            }
            sb.append(dryRun ? " (dry run, nothing changed)" : "").append(System.lineSeparator());
            if (hasDrift()) {
                sb.append("Drift is only reported: existing topics are never altered or deleted.").append(System.lineSeparator());
            }
            return sb.toString();
        }
    }

    /**
     * Creates the missing topics (unless {@code dryRun}) and compares the existing ones with their spec.
     *
     * @throws IllegalArgumentException if two specs have the same name
     * @throws TopicAdminException      if a cluster call fails or does not answer in time
     */
    public Report apply(List<TopicSpec> specs, boolean dryRun) {
        Map<String, TopicSpec> byName = new LinkedHashMap<>();
        for (TopicSpec spec : specs) {
            if (byName.putIfAbsent(spec.name(), spec) != null) {
                throw new IllegalArgumentException("topic " + spec.name() + " is specified twice");
            }
        }
        if (byName.isEmpty()) {
            return new Report(List.of(), dryRun);
        }
        Map<String, TopicDescription> existing = describeExisting(byName.keySet());
        Map<String, TopicResult> results = new HashMap<>(compare(byName, existing));

        List<String> missing = byName.keySet().stream().filter(n -> !existing.containsKey(n)).toList();
        if (dryRun) {
            missing.forEach(n -> results.put(n, new TopicResult(n, Status.MISSING_DRY_RUN,
                    List.of("would create: " + summary(byName.get(n))))));
        } else if (!missing.isEmpty()) {
            List<String> created = create(missing.stream().map(byName::get).toList());
            created.forEach(n -> results.put(n, new TopicResult(n, Status.CREATED, List.of(summary(byName.get(n))))));
            Set<String> raced = new TreeSet<>(missing);
            created.forEach(raced::remove); // created by someone else meanwhile: compare them like the others
            if (!raced.isEmpty()) {
                results.putAll(compare(byName, describeExisting(raced)));
            }
            awaitReady(admin, created, timeout);
        }
        return new Report(byName.keySet().stream().map(results::get).toList(), dryRun);
    }

    /**
     * Waits until every partition of {@code topics} answers {@code Admin.listOffsets(OffsetSpec.latest())}.
     * ListOffsets is served by the partition leader, so success means the broker has applied the new
     * topic. Call this after {@code createTopics} and before producing: on Kafka 4.4.0 the first batch
     * produced to a brand-new topic can otherwise be lost (NOT_LEADER_OR_FOLLOWER, then
     * OUT_OF_ORDER_SEQUENCE_NUMBER retries until delivery.timeout.ms). Usually takes 100-200 ms.
     *
     * @throws TopicAdminException if not ready within {@code timeout}, or on a non-retriable error
     */
    public static void awaitReady(Admin admin, Collection<String> topics, Duration timeout) {
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> undescribed = new TreeSet<>(topics);
        Set<TopicPartition> pending = new HashSet<>();
        Throwable lastError = null;
        while (true) {
            if (!undescribed.isEmpty()) {
                Map<String, KafkaFuture<TopicDescription>> described = admin.describeTopics(undescribed,
                        new DescribeTopicsOptions().timeoutMs(remainingMs(deadline))).topicNameValues();
                for (Map.Entry<String, KafkaFuture<TopicDescription>> e : described.entrySet()) {
                    try {
                        TopicDescription d = e.getValue().get(remainingMs(deadline), TimeUnit.MILLISECONDS);
                        d.partitions().forEach(p -> pending.add(new TopicPartition(e.getKey(), p.partition())));
                        undescribed.remove(e.getKey());
                    } catch (Exception ex) {
                        lastError = retriableOrThrow(ex, "describe topic " + e.getKey(), timeout);
                    }
                }
            }
            if (!pending.isEmpty()) {
                Map<TopicPartition, OffsetSpec> query = new HashMap<>();
                pending.forEach(tp -> query.put(tp, OffsetSpec.latest()));
                ListOffsetsResult offsets = admin.listOffsets(query, new ListOffsetsOptions().timeoutMs(remainingMs(deadline)));
                for (TopicPartition tp : query.keySet()) {
                    try {
                        offsets.partitionResult(tp).get(remainingMs(deadline), TimeUnit.MILLISECONDS);
                        pending.remove(tp);
                    } catch (Exception ex) {
                        lastError = retriableOrThrow(ex, "list offsets of " + tp, timeout);
                    }
                }
            }
            if (undescribed.isEmpty() && pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() - deadline >= 0) {
                Set<String> notReady = new TreeSet<>(undescribed);
                pending.forEach(tp -> notReady.add(tp.toString()));
                throw new TopicAdminException("topics not ready within " + TopicAdminException.seconds(timeout)
                        + ": " + notReady + " do not answer listOffsets yet"
                        + (lastError == null ? "" : "; last error: " + lastError), lastError);
            }
            try {
                Thread.sleep(Math.min(50, remainingMs(deadline))); // short back-off between rounds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TopicAdminException("interrupted while waiting for topics " + topics + " to be ready", e);
            }
        }
    }

    // ---- cluster calls ----------------------------------------------------------------------

    /** Descriptions of those topics that exist. */
    private Map<String, TopicDescription> describeExisting(Collection<String> names) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(names,
                new DescribeTopicsOptions().timeoutMs(remainingMs(deadline))).topicNameValues();
        Map<String, TopicDescription> existing = new HashMap<>();
        for (String name : names) {
            try {
                existing.put(name, futures.get(name).get(remainingMs(deadline), TimeUnit.MILLISECONDS));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw TopicAdminException.of("describe topic " + name, e, timeout);
                }
            } catch (Exception e) {
                throw TopicAdminException.of("describe topic " + name, e, timeout);
            }
        }
        return existing;
    }

    /** Creates the topics; returns the ones this call created (not those that appeared meanwhile). */
    private List<String> create(List<TopicSpec> specs) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<NewTopic> newTopics = specs.stream().map(TopicSpec::toNewTopic).toList();
        Map<String, KafkaFuture<Void>> futures = admin.createTopics(newTopics,
                new CreateTopicsOptions().timeoutMs(remainingMs(deadline))).values();
        List<String> created = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        TopicAdminException first = null;
        for (TopicSpec spec : specs) {
            try {
                futures.get(spec.name()).get(remainingMs(deadline), TimeUnit.MILLISECONDS);
                created.add(spec.name());
            } catch (Exception e) {
                if (e instanceof ExecutionException && e.getCause() instanceof TopicExistsException) {
                    continue;
                }
                TopicAdminException failure = TopicAdminException.of("create topic " + spec, e, timeout);
                first = first == null ? failure : first;
                failures.add(failure.getMessage());
            }
        }
        if (first != null) {
            String msg = failures.size() == 1 ? failures.get(0)
                    : "could not create " + failures.size() + " topics:\n  " + String.join("\n  ", failures);
            throw new TopicAdminException(msg + (created.isEmpty() ? "" : "\n(created meanwhile: " + created + ")"),
                    first.getCause());
        }
        return created;
    }

    private Map<String, Config> describeConfigs(Collection<String> names) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConfigResource> resources = names.stream().map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, KafkaFuture<Config>> futures = admin.describeConfigs(resources,
                new DescribeConfigsOptions().timeoutMs(remainingMs(deadline))).values();
        Map<String, Config> configs = new HashMap<>();
        for (ConfigResource r : resources) {
            try {
                configs.put(r.name(), futures.get(r).get(remainingMs(deadline), TimeUnit.MILLISECONDS));
            } catch (Exception e) {
                throw TopicAdminException.of("describe the configs of topic " + r.name(), e, timeout);
            }
        }
        return configs;
    }

    // ---- comparison -------------------------------------------------------------------------

    private Map<String, TopicResult> compare(Map<String, TopicSpec> specs, Map<String, TopicDescription> existing) {
        if (existing.isEmpty()) {
            return Map.of();
        }
        boolean needConfigs = existing.keySet().stream().anyMatch(n -> !specs.get(n).configs().isEmpty());
        Map<String, Config> configs = needConfigs ? describeConfigs(existing.keySet()) : Map.of();
        Map<String, TopicResult> results = new HashMap<>();
        existing.forEach((name, description) -> {
            List<String> drift = drift(specs.get(name), description, configs.get(name));
            results.put(name, drift.isEmpty()
                    ? new TopicResult(name, Status.OK, List.of(summary(specs.get(name))))
                    : new TopicResult(name, Status.DRIFT, drift));
        });
        return results;
    }

    /** Lines describing how the cluster's topic differs from the spec; empty if it matches. */
    static List<String> drift(TopicSpec spec, TopicDescription actual, Config actualConfig) {
        List<String> lines = new ArrayList<>();
        int partitions = actual.partitions().size();
        if (partitions != spec.partitions()) {
            lines.add("partitions: spec " + spec.partitions() + ", cluster " + partitions);
        }
        Set<Integer> factors = new TreeSet<>();
        for (TopicPartitionInfo p : actual.partitions()) {
            factors.add(p.replicas().size());
        }
        if (!factors.equals(Set.of((int) spec.replicationFactor()))) {
            String cluster = factors.size() == 1 ? String.valueOf(factors.iterator().next())
                    : factors.stream().map(String::valueOf).collect(Collectors.joining("/")) + " (differs by partition)";
            lines.add("replication.factor: spec " + spec.replicationFactor() + ", cluster " + cluster);
        }
        spec.configs().forEach((key, wanted) -> {
            ConfigEntry entry = actualConfig == null ? null : actualConfig.get(key);
            if (entry == null) {
                lines.add(key + ": spec " + wanted + ", cluster does not report this config");
            } else if (entry.value() == null) {
                lines.add(key + ": spec " + wanted + ", cluster value hidden (sensitive)");
            } else if (!sameValue(key, wanted, entry.value())) {
                boolean onTopic = entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG;
                lines.add(key + ": spec " + wanted + ", cluster " + entry.value()
                        + (onTopic ? "" : " (not set on the topic: " + sourceName(entry.source()) + ")"));
            }
        });
        return lines;
    }

    private static boolean sameValue(String key, String wanted, String actual) {
        if (key.equals(TopicConfig.CLEANUP_POLICY_CONFIG)) { // a list: "compact,delete" == "delete, compact"
            return asSet(wanted).equals(asSet(actual));
        }
        return wanted.trim().equals(actual.trim());
    }

    private static Set<String> asSet(String list) {
        Set<String> set = new TreeSet<>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                set.add(s.trim().toLowerCase());
            }
        }
        return set;
    }

    private static String sourceName(ConfigEntry.ConfigSource source) {
        return source == null ? "unknown source" : source.name().toLowerCase().replace('_', ' ');
    }

    private static String summary(TopicSpec spec) {
        return spec.partitions() + (spec.partitions() == 1 ? " partition" : " partitions") + ", RF " + spec.replicationFactor()
                + (spec.configs().isEmpty() ? "" : ", " + spec.configs().size() + " configs");
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static int remainingMs(long deadlineNanos) {
        long ms = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }

    /** Returns a retriable cause to try again later; throws anything else as a TopicAdminException. */
    private static Throwable retriableOrThrow(Exception e, String what, Duration timeout) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException) {
            return cause;
        }
        throw TopicAdminException.of(what, e, timeout);
    }
}

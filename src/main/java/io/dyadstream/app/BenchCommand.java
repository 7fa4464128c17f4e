package io.dyadstream.app;

import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.Lexicons;
import io.dyadstream.model.RawStory;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dyadstream bench}: one command, one table. (1) the enricher alone on one thread, MB/s and
 * stories/s of CPU time over generated stories and over our hand-written wire stories ({@link BenchCorpus}),
 * or a corpus of the user's; (2) end to end on the
 * in-process broker, a pass-through topology (the ceiling) and (3) the full topology under
 * exactly_once_v2 and at_least_once, and under exactly_once_v2 with the stories enriched beforehand (its
 * Kafka work alone) ({@link PipelineBench}); (4) latency from produce to
 * relations.by-pair at a fixed offered load, with the app in its own JVM, and (5) its peak heap and
 * resident memory ({@link LatencyBench}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure throughput, latency and memory; print a table.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--only", split = ",", description = "Sections to run: enricher, pipeline, latency (default: all).")
    Set<String> only = Set.of("enricher", "pipeline", "latency");

    @Option(names = "--stories", defaultValue = "50000", description = "Stories in the enricher's corpus (default ${DEFAULT-VALUE}).")
    int stories;

    @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per enricher round (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured enricher rounds after a warm-up round (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "The enricher also over this JSON Lines file of stories (input-topic envelopes, or objects with an \"input\" envelope).")
    java.nio.file.Path corpusFile;

    @Option(names = "--e2e-stories", split = ",", defaultValue = "20000",
            description = "Stories per end-to-end run; several sizes show the cost as work grows (default ${DEFAULT-VALUE}).")
    List<Integer> e2eStories;

    @Option(names = "--warm-up-stories", defaultValue = "20000",
            description = "Stories of the unmeasured warm-up run of each topology before the end-to-end runs (default ${DEFAULT-VALUE}).")
    int warmUpStories;

    @Option(names = "--max-warm-up-rounds", defaultValue = "6",
            description = "Most unmeasured full-topology warm-up runs (alternately at_least_once and exactly_once_v2, --warm-up-stories each);"
                    + " they stop once the JIT compiler threads use less than --jit-quiet-percent of the process' CPU (default ${DEFAULT-VALUE}).")
    int maxWarmUpRounds;

    @Option(names = "--jit-quiet-percent", defaultValue = "5",
            description = "The JIT's share of the process' CPU below which a warm-up run ends the warm-up (default ${DEFAULT-VALUE}).")
    double jitQuietPercent;

    @Option(names = "--rate", defaultValue = "1000", description = "Offered load of the latency runs, stories/s (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--guarantees", split = ",", defaultValue = "exactly_once_v2,at_least_once",
            description = "Processing guarantees of the latency runs, in order (default ${DEFAULT-VALUE}).")
    List<String> guarantees;

    @Option(names = "--latency-seconds", defaultValue = "20", description = "Length of each latency run (default ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--latency-warm-up-seconds", defaultValue = "90",
            description = "Seconds of load offered before each latency run's measured stories, not counted (default ${DEFAULT-VALUE}).")
    int latencyWarmUpSeconds;

    @Option(names = "--eos-commit-interval-ms", defaultValue = "100",
            description = "commit.interval.ms of the exactly_once_v2 latency run (default ${DEFAULT-VALUE}, Kafka's EOS default).")
    int eosCommitMs;

    @Option(names = "--app-jvm-options", split = " ", defaultValue = "-Xmx256m",
            description = "JVM options of the app's own JVM in the latency runs, space-separated (default ${DEFAULT-VALUE}, as the Dockerfile;"
                    + " its MALLOC_ARENA_MAX is " + LatencyBench.MALLOC_ARENAS + " unless the environment sets it).")
    List<String> appJvmOptions;

    @Option(names = "--instances", defaultValue = "1",
            description = "App instances (KafkaStreams clients of one application id, in this process) in the end-to-end runs (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A Kafka Streams setting for the end-to-end runs, e.g. --set num.stream.threads=2 (repeatable).")
    Map<String, String> streamsSettings = Map.of();

    private final List<String> table = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        System.out.printf("machine: %d cores, %s %s, max heap %d MB; settings %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                streamsSettings);
        Lexicons lexicons = Lexicons.loadDefault();
        Enricher enricher = new Enricher(lexicons, 1 << 20);
        if (only.contains("enricher")) {
            enricher(lexicons, enricher);
        }
        if (only.contains("pipeline") || only.contains("latency")) {
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
                if (only.contains("pipeline")) {
                    pipeline(broker, enricher);
                }
                if (only.contains("latency")) {
                    latency(broker);
                }
            }
        }
        System.out.println();
        table.forEach(System.out::println);
        return 0;
    }

    private void enricher(Lexicons lexicons, Enricher enricher) throws java.io.IOException {
        long t0 = System.nanoTime();
        Lexicons.loadDefault();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("enricher: gazetteer of %d names loads in %.2f s%n", lexicons.gazetteer().size(), loadSeconds);
        List<RawStory> generated = BenchCorpus.generate(stories, 42);
        enricherRounds("(1) enricher, 1 thread, best round: generated stories", generated, enricher);
        enricherRounds("(1) enricher, 1 thread, best round: our hand-written stories", BenchCorpus.ownStories(), enricher);
        if (corpusFile != null) {
            enricherRounds("(1) enricher, 1 thread, best round: " + corpusFile.getFileName(), BenchCorpus.read(corpusFile), enricher);
        }
        linearity(enricher, generated);
    }

    /** A warm-up round and {@link #rounds} measured rounds over {@code corpus}, in turn; the best goes into the table. */
    private void enricherRounds(String label, List<RawStory> corpus, Enricher enricher) {
        long bytes = 0;
        for (RawStory s : corpus) {
            bytes += s.body().getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.printf("%s: %d stories, %.1f MB (mean %.0f bytes)%n", label, corpus.size(), bytes / 1e6, (double) bytes / corpus.size());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestMbs = 0;
        double bestSps = 0;
        for (int round = 0; round <= rounds; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallEnd = System.nanoTime() + seconds * 1_000_000_000L;
            long done = 0;
            long doneBytes = 0;
            while (System.nanoTime() < wallEnd) {
                RawStory s = corpus.get((int) (done % corpus.size()));
                enricher.enrich(s);
                done++;
                doneBytes += s.body().length();
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double mbs = doneBytes / 1e6 / cpu;
            double sps = done / cpu;
            System.out.printf("  %s: %.1f MB/s, %.0f stories/s%n", round == 0 ? "warm-up" : "round " + round, mbs, sps);
            if (round > 0 && mbs > bestMbs) {
                bestMbs = mbs;
                bestSps = sps;
            }
        }
        table.add(String.format("%-66s %12s %12s", label, String.format("%.1f MB/s", bestMbs), String.format("%.0f st/s", bestSps)));
    }

    /**
     * Time per MB for stories of 10 KB and of 1 MB: the enricher must be linear in the text. Both sizes
     * enrich the same 1 MB of corpus text, once cut into 100 stories of 10 KB and once as one story, so
     * that only the length differs; repeating a single 10 KB story would measure a story that sits in
     * the CPU's caches against one that cannot, with a tenth of the countries and pairs.
     */
    private void linearity(Enricher enricher, List<RawStory> corpus) {
        int total = 1_000_000;
        StringBuilder all = new StringBuilder(total + 8000);
        for (int i = 0; all.length() < total; i++) {
            all.append(corpus.get(i % corpus.size()).body()).append("\n\n");
        }
        String text = all.substring(0, total);
        int[] sizes = {10_000, 1_000_000};
        double[] msPerMb = new double[sizes.length];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int k = 0; k < sizes.length; k++) {
            List<RawStory> stories = new ArrayList<>();
            for (int from = 0; from < total; from += sizes[k]) {
                stories.add(RawStory.plainText("linear-" + from, text.substring(from, Math.min(total, from + sizes[k]))));
            }
            int rounds = 20;
            for (int w = 0; w < rounds; w++) {
                stories.forEach(enricher::enrich); // warm-up at this size
            }
            long cpu = threads.getCurrentThreadCpuTime();
            for (int r = 0; r < rounds; r++) {
                stories.forEach(enricher::enrich);
            }
            msPerMb[k] = (threads.getCurrentThreadCpuTime() - cpu) / 1e6 / (rounds * total / 1e6);
        }
        table.add(String.format("%-66s %12s %12s", "(1) time per MB: 10 KB stories vs 1 MB stories",
                String.format("%.1f / %.1f ms", msPerMb[0], msPerMb[1]), String.format("ratio %.2f", msPerMb[1] / msPerMb[0])));
    }

    private void pipeline(EmbeddedKafkaBroker broker, Enricher enricher) throws Exception {
        if (instances < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--instances must be 1 or more, was " + instances);
        }
        PipelineBench bench = new PipelineBench(broker, enricher, streamsSettings, instances);
        // not measured: both topologies once, so that neither measured run pays for the JIT compiling its code, then the
        // full topology again until the JIT's compiler threads are quiet. The process holds the broker, the clients,
        // Kafka Streams and the enricher: some 3,000 C2 compilations (50 s of compiler time), which on 2 cores, with one
        // C2 thread, outlast a 20,000-story warm-up; measured after it, the JIT was still 40% of the full topology's CPU
        List<RawStory> warmUp = BenchCorpus.generate(warmUpStories, 1);
        PipelineBench.Result w = null;
        for (PipelineBench.Topologies what : List.of(PipelineBench.Topologies.PASS_THROUGH, PipelineBench.Topologies.FULL)) {
            w = bench.run("warm-up", warmUp, "exactly_once_v2", what);
            printWarmUp(what == PipelineBench.Topologies.FULL ? "full topology" : "pass-through", w);
        }
        for (int round = 2; round <= maxWarmUpRounds && !(w.jitShare() >= 0 && w.jitShare() < jitQuietPercent / 100); round++) {
            w = bench.run("warm-up", warmUp, round % 2 == 0 ? "at_least_once" : "exactly_once_v2", PipelineBench.Topologies.FULL);
            printWarmUp("full topology, round " + round, w);
        }
        // generated before the measured runs and not between them: BenchCorpus formats text with String.format, and its
        // compilation is no part of the app
        Map<Integer, List<RawStory>> corpora = new java.util.LinkedHashMap<>();
        for (int n : e2eStories) {
            corpora.put(n, BenchCorpus.generate(n, 7 + n));
        }
        for (int n : e2eStories) {
            List<RawStory> corpus = corpora.get(n);
            PipelineBench.Result ceiling = bench.run("pass-through, exactly_once_v2", corpus, "exactly_once_v2", PipelineBench.Topologies.PASS_THROUGH);
            PipelineBench.Result eos = bench.run("full topology, exactly_once_v2", corpus, "exactly_once_v2", PipelineBench.Topologies.FULL);
            PipelineBench.Result alos = bench.run("full topology, at_least_once", corpus, "at_least_once", PipelineBench.Topologies.FULL);
            // the same as eos with enrichment free: how much of the full topology's cost is its Kafka work
            PipelineBench.Result kafkaWork = bench.run("full topology, pre-enriched, exactly_once_v2", corpus,
                    "exactly_once_v2", PipelineBench.Topologies.FULL_PRE_ENRICHED);
            for (PipelineBench.Result r : List.of(ceiling, eos, alos, kafkaWork)) {
                String ratio = r == ceiling ? "" : String.format("%.0f%% of (2)", 100 * r.storiesPerSecond() / ceiling.storiesPerSecond());
                String label = String.format("(%s) %s, %,d stories", r == ceiling ? "2" : "3", r.name(), r.stories());
                table.add(String.format("%-66s %12s %12s", label, String.format("%.0f st/s", r.storiesPerSecond()), ratio));
                System.out.printf("%s: %.1f s (%.1f s to RUNNING), %.2f ms CPU per story (whole process; JIT compiler threads %.2f),"
                        + " %,d bytes per story on the broker %s, %,d bytes per story in the app's stores on disk%n",
                        label, r.seconds(), r.startupSeconds(), r.cpuMsPerStory(), r.jitMsPerStory(), r.bytesPerStory(), r.topicBytes(),
                        r.stateBytesPerStory());
            }
        }
    }

    private static void printWarmUp(String what, PipelineBench.Result w) {
        System.out.printf("warm-up, %s, %,d stories: %.1f s, %.2f ms CPU per story, JIT compiler threads %.0f%% of it%n", what,
                w.stories(), w.seconds(), w.cpuMsPerStory(), 100 * w.jitShare());
    }

    private void latency(EmbeddedKafkaBroker broker) throws Exception {
        LatencyBench bench = new LatencyBench(broker, appJvmOptions);
        int n = rate * latencySeconds;
        List<RawStory> corpus = BenchCorpus.generate(n, 99);
        List<RawStory> warmUp = new ArrayList<>();
        for (RawStory s : BenchCorpus.generate(rate * latencyWarmUpSeconds, 98)) {
            warmUp.add(RawStory.plainText("warm-up-" + s.id(), s.body()));
        }
        for (String guarantee : guarantees) {
            Map<String, String> settings = new java.util.HashMap<>(streamsSettings);
            if (guarantee.equals("exactly_once_v2")) {
                settings.putIfAbsent("commit.interval.ms", String.valueOf(eosCommitMs));
            }
            String label = String.format("(4) latency at %d st/s, %s, %d s after %d s", rate, guarantee, latencySeconds, latencyWarmUpSeconds);
            LatencyBench.Result r;
            try {
                r = bench.run(warmUp, corpus, rate, guarantee, settings);
            } catch (IllegalStateException noResult) {
                table.add(String.format("%-66s %s", label, noResult.getMessage())); // the other runs still count
                continue;
            }
            table.add(String.format("%-66s %12s %12s", label, String.format("p50 %.0f ms", r.p50()), String.format("p95 %.0f ms", r.p95())));
            table.add(String.format("%-66s %12s %12s", "", String.format("p99 %.0f ms", r.p99()), String.format("max %.0f ms", r.max())));
            table.add(String.format("%-66s %12s %12s", String.format("(5) app memory under that load, %s, %s", guarantee, String.join(" ", appJvmOptions)),
                    String.format("heap %d MB", r.peakHeap() >> 20), String.format("RSS %d MB", r.peakRss() >> 20)));
        }
    }
}

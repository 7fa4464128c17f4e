package io.dyadstream.app;

import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.Lexicons;
import io.dyadstream.model.RawStory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dyadstream bench}: the enricher's single-thread throughput, in MB/s and stories/s of CPU time,
 * over a generated corpus of our own wire-like stories ({@link BenchCorpus}); also the time to load
 * the gazetteer and lexicons, and the heap they hold.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure the enricher's throughput on one thread.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--stories", defaultValue = "20000", description = "Stories in the generated corpus (default ${DEFAULT-VALUE}).")
    int stories;

    @Option(names = "--seconds", defaultValue = "10", description = "Measured seconds per round (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds after one warm-up round (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws IOException {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        Lexicons lexicons = Lexicons.loadDefault();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        System.gc();
        long lexiconHeap = rt.totalMemory() - rt.freeMemory() - heapBefore;
        Enricher enricher = new Enricher(lexicons, 1 << 20);

        List<RawStory> corpus = BenchCorpus.generate(stories, 42);
        long bytes = 0;
        for (RawStory s : corpus) {
            bytes += s.body().getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.printf("corpus: %d generated stories, %.1f MB, mean %.0f bytes%n", corpus.size(), bytes / 1e6, (double) bytes / corpus.size());
        System.out.printf("load: gazetteer %d names and lexicons in %.2f s, about %.0f MB of heap%n",
                lexicons.gazetteer().size(), loadSeconds, lexiconHeap / 1e6);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<double[]> results = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long wallEnd = System.nanoTime() + seconds * 1_000_000_000L;
            long done = 0;
            long doneBytes = 0;
            int pairs = 0;
            while (System.nanoTime() < wallEnd) {
                RawStory s = corpus.get((int) (done % corpus.size()));
                pairs += enricher.enrich(s).pairs().size();
                done++;
                doneBytes += s.body().length();
            }
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            if (round == 0) {
                System.out.printf("warm-up: %d stories%n", done);
                continue;
            }
            results.add(new double[] {doneBytes / 1e6 / cpu, done / cpu});
            System.out.printf("round %d: %.1f MB/s, %.0f stories/s (CPU time of the thread; %d pairs found)%n",
                    round, doneBytes / 1e6 / cpu, done / cpu, pairs);
        }
        double mbs = results.stream().mapToDouble(r -> r[0]).average().orElse(0);
        double sps = results.stream().mapToDouble(r -> r[1]).average().orElse(0);
        System.out.printf("enricher, 1 thread: %.1f MB/s, %.0f stories/s (mean of %d rounds); heap in use now %.0f MB%n",
                mbs, sps, results.size(), (rt.totalMemory() - rt.freeMemory()) / 1e6);
        return 0;
    }
}

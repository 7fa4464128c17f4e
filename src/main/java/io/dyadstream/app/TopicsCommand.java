package io.dyadstream.app;

import io.dyadstream.topics.TopicReconciler;
import io.dyadstream.topics.TopicSpec;
import io.dyadstream.topics.TopicsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dyadstream topics}: applies topics.yaml to a cluster. Creates missing topics, never changes
 * existing ones, and reports drift (partitions, replication, configs). Exit code 0 when the cluster
 * matches, 3 when it drifts.
 */
@Command(name = "topics", mixinStandardHelpOptions = true, description = "Create missing topics from topics.yaml and report drift.")
final class TopicsCommand implements Callable<Integer> {

    static final int DRIFT = 3;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Topics file (default: ./topics.yaml, else the copy in the jar).")
    Path file;

    @Option(names = "--dry-run", description = "Only report; create nothing.")
    boolean dryRun;

    @Mixin
    AppConfig config;

    @Override
    public Integer call() {
        Properties settings = config.load();
        List<TopicSpec> specs = specs(file, settings);
        try (Admin admin = Admin.create(AppConfig.clientProperties(settings))) {
            TopicReconciler.Report report = new TopicReconciler(admin).apply(specs, dryRun);
            System.out.println(report.toTable());
            return report.hasDrift() ? DRIFT : 0;
        }
    }

    /** topics.yaml's specs, under the configured topic names. */
    static List<TopicSpec> specs(Path file, Properties settings) {
        Path local = Path.of("topics.yaml");
        List<TopicSpec> specs = file != null ? TopicsFile.load(file) : Files.isRegularFile(local) ? TopicsFile.load(local) : TopicsFile.loadDefault();
        return TopicsFile.renamed(specs, AppConfig.topics(settings).renames());
    }
}

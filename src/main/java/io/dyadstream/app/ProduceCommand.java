package io.dyadstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dyadstream produce}: publishes stories to the input topic the way a feed producer should,
 * keyed by story id: each line of a JSONL file as it is (key: its "id"), or each .txt file of a
 * folder as plain text (key: the file name without .txt).
 */
@Command(name = "produce", mixinStandardHelpOptions = true, description = "Publish a JSONL file or a folder of .txt stories to stories.raw.")
final class ProduceCommand implements Callable<Integer> {

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE|DIR", description = "A .jsonl file or a folder of .txt files.")
    Path input;

    @Option(names = {"-t", "--topic"}, paramLabel = "TOPIC", description = "Target topic (default: the configured raw topic, stories.raw).")
    String topic;

    @Mixin
    AppConfig config;

    /** A record to send: key (may be null) and value. */
    record Story(byte[] key, byte[] value) {}

    @Override
    public Integer call() throws Exception {
        Properties settings = config.load();
        String target = topic != null ? topic : AppConfig.topics(settings).raw();
        List<Story> stories = read(input);
        int sent = send(settings, target, stories);
        System.out.printf("produce: %d of %d stories written to %s%n", sent, stories.size(), target);
        return sent == stories.size() ? 0 : 1;
    }

    static List<Story> read(Path input) throws IOException {
        List<Story> stories = new ArrayList<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> files = Files.list(input)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                    String name = file.getFileName().toString();
                    stories.add(new Story(name.substring(0, name.length() - 4).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file)));
                }
            }
        } else if (Files.isRegularFile(input)) {
            for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    stories.add(new Story(idOf(line), line.getBytes(StandardCharsets.UTF_8)));
                }
            }
        } else {
            throw new IllegalArgumentException("no such file or folder: " + input);
        }
        return stories;
    }

    /** The "id" of a JSON line, as key bytes; null for a line without one (the record is sent all the same). */
    static byte[] idOf(String line) {
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            JsonNode id = node == null ? null : node.get("id");
            return id != null && id.isValueNode() && !id.isNull() ? id.asText().getBytes(StandardCharsets.UTF_8) : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Sends with acks=all and idempotence; returns how many the broker acknowledged. */
    static int send(Properties settings, String topic, List<Story> stories) throws InterruptedException {
        Properties props = AppConfig.clientProperties(settings);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(4 << 20));
        AtomicInteger acked = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Story s : stories) {
                producer.send(new ProducerRecord<>(topic, s.key(), s.value()), (meta, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            System.err.println("produce: some stories were not written: " + failure.get().getMessage());
        }
        return acked.get();
    }
}

package io.dyadstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadstream.enrich.Enricher;
import io.dyadstream.enrich.InvalidStoryException;
import io.dyadstream.enrich.Lexicons;
import io.dyadstream.model.EnrichedStory;
import io.dyadstream.serde.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code dyadstream enrich}: the topology's parse-and-enrich step, offline. Reads one input record a
 * line (a JSON envelope, {@code {"text": ...}} included) and writes one enriched story a line; a line
 * that cannot be read gives {@code {"id", "error"}} and the run goes on.
 */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Enrich a JSONL file of stories offline, one enriched JSON line per input line.")
final class EnrichCommand implements Callable<Integer> {

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE|-", description = "JSONL input, '-' for stdin.")
    String input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE|-", description = "JSONL output, '-' for stdout.")
    String output;

    @Mixin
    AppConfig config;

    @Override
    public Integer call() throws IOException {
        Enricher enricher = new Enricher(Lexicons.loadDefault(), AppConfig.maxStoryBytes(config.load()));
        ObjectWriter writer = Json.MAPPER.writerFor(EnrichedStory.class);
        int ok = 0;
        int failed = 0;
        try (BufferedReader in = new BufferedReader(open(input));
             Writer out = new BufferedWriter(output.equals("-")
                     ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                     : Files.newBufferedWriter(java.nio.file.Path.of(output), StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.write(writer.writeValueAsString(enricher.enrich(null, line.getBytes(StandardCharsets.UTF_8))));
                    ok++;
                } catch (RuntimeException e) {
                    out.write(errorLine(line, lineNo, e));
                    failed++;
                }
                out.write('\n');
            }
        }
        System.err.printf("enrich: %d stories enriched, %d lines with errors%n", ok, failed);
        return 0;
    }

    private static Reader open(String input) throws IOException {
        return input.equals("-") ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(java.nio.file.Path.of(input), StandardCharsets.UTF_8);
    }

    private static String errorLine(String line, int lineNo, Exception e) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        String id = "line-" + lineNo;
        try {
            JsonNode parsed = Json.MAPPER.readTree(line);
            if (parsed != null && parsed.hasNonNull("id") && parsed.get("id").isValueNode()) {
                id = parsed.get("id").asText();
            }
        } catch (IOException notJson) {
            // keep the line number as the id
        }
        node.put("id", id);
        node.put("error", (e instanceof InvalidStoryException ? "" : e.getClass().getSimpleName() + ": ") + e.getMessage());
        return Json.MAPPER.writeValueAsString(node);
    }
}

package io.dyadstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The offline commands, end to end through the command line. */
class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void enrichWritesOneLinePerInputLineAndGoesOnAfterABadOne() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.writeString(in, """
                {"id": "a", "text": "Belarus and Kazakhstan signed an agreement on trade."}
                {"id": "b", "body": 42}

                {"id": "c", "headline": "H", "body": "Japan and Vietnam held talks in Hanoi.", "published": "2021-05-05"}
                not json at all {
                """);
        int code = Main.commandLine().execute("enrich", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, code);
        List<String> lines = Files.readAllLines(out);
        assertEquals(4, lines.size(), lines.toString());
        JsonNode a = Json.MAPPER.readTree(lines.get(0));
        assertEquals("a", a.get("id").asText());
        assertEquals("BLR-KAZ", a.at("/pairs/0/pair").asText());
        JsonNode b = Json.MAPPER.readTree(lines.get(1));
        assertEquals("b", b.get("id").asText());
        assertTrue(b.get("error").asText().contains("\"body\" must be a string"), b.toString());
        assertEquals("2021-05-05", Json.MAPPER.readTree(lines.get(2)).get("published").asText());
        JsonNode bad = Json.MAPPER.readTree(lines.get(3));
        assertTrue(bad.get("id").asText().startsWith("sha256:") || bad.has("pairs"), "plain text is a story: " + bad);
    }

    @Test
    void produceReadsJsonlKeysAndTxtFolders() throws Exception {
        Path jsonl = dir.resolve("s.jsonl");
        Files.writeString(jsonl, "{\"id\": \"x-1\", \"text\": \"A.\"}\n\n{\"text\": \"B.\"}\n");
        List<ProduceCommand.Story> stories = ProduceCommand.read(jsonl);
        assertEquals(2, stories.size());
        assertEquals("x-1", new String(stories.get(0).key(), StandardCharsets.UTF_8));
        assertNull(stories.get(1).key());
        Path folder = Files.createDirectory(dir.resolve("txt"));
        Files.writeString(folder.resolve("minsk-1.txt"), "MINSK. BELTA - Belarus ...");
        Files.writeString(folder.resolve("notes.md"), "ignored");
        List<ProduceCommand.Story> txt = ProduceCommand.read(folder);
        assertEquals(1, txt.size());
        assertEquals("minsk-1", new String(txt.get(0).key(), StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandHasHelpAndABadOptionIsAUsageError() {
        for (String command : List.of("run", "demo", "enrich", "produce", "topics", "bench")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            assertEquals(0, cli.execute(command, "--help"), command);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("Usage: dyadstream " + command), command);
        }
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(new ByteArrayOutputStream(), true));
        assertEquals(2, cli.execute("enrich", "--no-such-option"));
    }
}

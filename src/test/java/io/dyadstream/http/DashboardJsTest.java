package io.dyadstream.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the dashboard's JavaScript unit tests ({@code src/test/js/}, over {@code web/model.js}) with
 * Node's built-in test runner, so that {@code mvn verify} covers the page's logic. Needs {@code node}
 * (18 or later) on the PATH; {@code .ci/run} checks for it.
 */
class DashboardJsTest {

    @Test
    void modelTestsPass() throws Exception {
        Path tests = Path.of("src", "test", "js");
        assertTrue(Files.isDirectory(tests), "run from the project directory: " + tests.toAbsolutePath() + " is missing");
        Path log = Files.createTempFile("dyadstream-node-test", ".log");
        try {
            Process node;
            try {
                node = new ProcessBuilder("node", "--test", tests + "/")
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
            } catch (IOException e) {
                fail("cannot run node (Node.js 18 or later must be on the PATH for the dashboard's tests): " + e.getMessage());
                return;
            }
            if (!node.waitFor(2, TimeUnit.MINUTES)) {
                node.destroyForcibly();
                fail("node --test did not finish in 2 minutes:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (node.exitValue() != 0) {
                System.out.println(output);
            }
            assertEquals(0, node.exitValue(), "node --test " + tests + "/ failed:\n" + output);
            assertTrue(output.contains("# pass"), "node --test ran no tests:\n" + output);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}

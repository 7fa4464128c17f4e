package io.dyadstream.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AppConfigTest {

    @TempDir
    Path dir;

    private AppConfig parse(String... args) {
        AppConfig config = new AppConfig();
        new CommandLine(config).parseArgs(args);
        return config;
    }

    @Test
    void laterSourcesWin() throws Exception {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "bootstrap.servers=file:9092\nsecurity.protocol=SASL_SSL\ndyadstream.topic.raw=from-file\n");
        Properties props = parse("--config", file.toString(), "--set", "dyadstream.topic.raw=from-set").load(
                Map.of("DYADSTREAM_BOOTSTRAP_SERVERS", "env:9092"));
        assertEquals("env:9092", props.getProperty("bootstrap.servers"));
        assertEquals("SASL_SSL", props.getProperty("security.protocol"));
        assertEquals("from-set", props.getProperty("dyadstream.topic.raw"));
        assertEquals("flag:9092", parse("-b", "flag:9092").load(Map.of("DYADSTREAM_BOOTSTRAP_SERVERS", "env:9092"))
                .getProperty("bootstrap.servers"));
        assertEquals("localhost:9092", parse().load(Map.of()).getProperty("bootstrap.servers"));
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> parse("--config", dir.resolve("nope.properties").toString()).load(Map.of()));
        assertTrue(e.getMessage().startsWith("cannot read the config file"), e.getMessage());
    }

    @Test
    void secretsAreMaskedWhenSettingsAreDescribed() {
        Properties props = new Properties();
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"hunter2\";");
        props.put("ssl.keystore.password", "hunter2");
        props.put("sasl.mechanism", "SCRAM-SHA-512");
        List<String> lines = AppConfig.describe(props);
        assertFalse(String.join("\n", lines).contains("hunter2"), lines.toString());
        assertTrue(lines.contains("sasl.mechanism=SCRAM-SHA-512"), lines.toString());
    }

    @Test
    void clientPropertiesKeepSecuritySettingsAndDropStreamsOnlyOnes() {
        Properties props = new Properties();
        props.put("bootstrap.servers", "b:9092");
        props.put("security.protocol", "SASL_SSL");
        props.put("application.id", "dyadstream");
        props.put("processing.guarantee", "exactly_once_v2");
        props.put("dyadstream.max.story.bytes", "10");
        props.put("producer.linger.ms", "5");
        Properties client = AppConfig.clientProperties(props);
        assertEquals(Map.of("bootstrap.servers", "b:9092", "security.protocol", "SASL_SSL"), Map.copyOf(client));
    }

    @Test
    void maxStoryBytesMustBeANumber() {
        Properties props = new Properties();
        props.put(AppConfig.MAX_STORY_BYTES, "a lot");
        assertThrows(IllegalArgumentException.class, () -> AppConfig.maxStoryBytes(props));
        props.put(AppConfig.MAX_STORY_BYTES, "2048");
        assertEquals(2048, AppConfig.maxStoryBytes(props));
    }
}

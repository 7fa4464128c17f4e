package io.dyadstream.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dyadstream.app.AppConfig;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

/** Secrets are masked wherever the app writes settings or error messages; a refused login names the settings to fix. */
class SecretsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"app\" "
            + "password=\"hunter2-!x\";";

    @Test
    void secretValuesInFreeTextAreMasked() {
        assertEquals("sasl.jaas.config=... username=\"app\" password=[hidden];",
                AppConfig.redact("sasl.jaas.config=... username=\"app\" password=\"hunter2-!x\";"));
        assertEquals("ssl.key.password=[hidden], next", AppConfig.redact("ssl.key.password=hunter2, next"));
        assertEquals("{\"token\": [hidden]}", AppConfig.redact("{\"token\": \"abc.def\"}"));
        assertEquals("client_secret=[hidden]", AppConfig.redact("client_secret='s3'"));
        String prose = "the cluster refused the app's credentials (Authentication failed: invalid credentials)";
        assertEquals(prose, AppConfig.redact(prose), "prose about credentials is left alone");
        assertEquals(null, AppConfig.redact(null));
    }

    @Test
    void everySecretLookingSettingIsHiddenWhenSettingsAreLogged() {
        Properties p = new Properties();
        for (String key : List.of("sasl.jaas.config", "ssl.key.password", "ssl.keystore.password", "ssl.truststore.password",
                "ssl.keystore.key", "sasl.oauthbearer.client.credentials.client.secret", "basic.auth.user.info",
                "producer.sasl.jaas.config", "admin.ssl.key.password")) {
            p.put(key, "hunter2-!x");
        }
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("security.protocol", "SASL_SSL");
        List<String> lines = AppConfig.describe(p);
        assertFalse(String.join("\n", lines).contains("hunter2"), lines.toString());
        assertTrue(lines.contains("sasl.mechanism=SCRAM-SHA-512") && lines.contains("security.protocol=SASL_SSL"), lines.toString());
    }

    @Test
    void aRefusedLoginNamesTheSettingsToCheck() {
        Properties p = new Properties();
        p.put("bootstrap.servers", "broker:9093");
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", JAAS);
        String message = AppConfig.authenticationFailure(p, new SaslAuthenticationException(
                "Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512"));
        assertTrue(message.contains("broker:9093") && message.contains("sasl.jaas.config") && message.contains("SCRAM-SHA-512")
                && message.contains("ssl.truststore.location"), message);
        assertFalse(message.contains("hunter2"), message);
        p.put("security.protocol", "SSL");
        String tls = AppConfig.authenticationFailure(p, new org.apache.kafka.common.errors.SslAuthenticationException("handshake"));
        assertTrue(tls.contains("ssl.keystore.location") && !tls.contains("sasl.jaas.config"), tls);
    }
}

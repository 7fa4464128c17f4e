package io.dyadstream.serde;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson configurations of the app: {@link #MAPPER} for every JSON it reads or writes on its
 * topics and API, {@link #SMILE} (binary JSON, the same data model) for its internal repartition
 * topics and state stores.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static final ObjectMapper SMILE = com.fasterxml.jackson.dataformat.smile.databind.SmileMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {}
}

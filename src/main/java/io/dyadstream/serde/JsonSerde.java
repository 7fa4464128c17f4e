package io.dyadstream.serde;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;

/** A Jackson serde for one record type, JSON or binary (Smile); bad bytes raise {@link SerializationException}. */
public final class JsonSerde<T> extends SelfSerde<T> {

    private final Class<T> type;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    /** JSON text, for the app's topics. */
    public JsonSerde(Class<T> type) {
        this(type, Json.MAPPER);
    }

    private JsonSerde(Class<T> type, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.type = type;
        this.writer = mapper.writerFor(type);
        this.reader = mapper.readerFor(type);
    }

    /** Binary JSON (Smile), for internal topics and state stores. */
    public static <T> JsonSerde<T> binary(Class<T> type) {
        return new JsonSerde<>(type, Json.SMILE);
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(data);
        } catch (IOException e) {
            throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON for " + topic, e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return reader.readValue(data);
        } catch (IOException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic + ": " + e.getMessage(), e);
        }
    }
}

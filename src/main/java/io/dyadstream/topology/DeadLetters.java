package io.dyadstream.topology;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.internals.ExceptionHandlerUtils;

/**
 * Builds the dead letter for a record (KIP-1034 headers, original key and value) so that it always fits
 * in one produce request: a key or value that would not is cut to what fits, and the headers
 * {@code dyadstream.errors.truncated} and {@code dyadstream.errors.original.bytes} say so. A dead letter
 * too large to send would otherwise fail the app (Kafka Streams 4.4.0 even dead-letters the failed dead
 * letter again, without end).
 */
final class DeadLetters {

    /** Room left for the headers (exception, message, stack trace, topic, partition, offset) and batch overhead. */
    static final int HEADROOM = 64 * 1024;

    private DeadLetters() {}

    static ProducerRecord<byte[], byte[]> of(String dlqTopic, ErrorHandlerContext context, Exception exception, int maxRequestBytes) {
        byte[] key = context.sourceRawKey();
        byte[] value = context.sourceRawValue();
        int room = Math.max(1024, maxRequestBytes - HEADROOM);
        int original = (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        boolean cut = original > room;
        if (cut) {
            key = key == null || key.length <= 1024 ? key : Arrays.copyOf(key, 1024);
            int valueRoom = room - (key == null ? 0 : key.length);
            value = value == null || value.length <= valueRoom ? value : Arrays.copyOf(value, valueRoom);
        }
        ProducerRecord<byte[], byte[]> letter = ExceptionHandlerUtils.buildDeadLetterQueueRecord(dlqTopic, key, value, context, exception);
        if (cut) {
            letter.headers().add("dyadstream.errors.truncated", "true".getBytes(StandardCharsets.UTF_8));
            letter.headers().add("dyadstream.errors.original.bytes", String.valueOf(original).getBytes(StandardCharsets.UTF_8));
        }
        return letter;
    }

    /** The producer's max.request.size from the Streams configs (producer.-prefixed or plain), else Kafka's default 1 MiB. */
    static int maxRequestBytes(java.util.Map<String, ?> configs) {
        Object v = configs.get("producer.max.request.size");
        v = v != null ? v : configs.get("max.request.size");
        return v == null ? 1 << 20 : Integer.parseInt(v.toString().strip());
    }
}

package io.dyadstream.topology;

import io.dyadstream.enrich.InvalidStoryException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record the topology cannot process to the dead-letter topic ({@code stories.dlq}) and goes on,
 * as Kafka's {@link LogAndContinueProcessingExceptionHandler} does, but logs a bad story in one line
 * (its reason and position) instead of a stack trace: bad input is routine, not a bug. An unexpected
 * exception is still logged with its stack trace. A dead letter always fits in a produce request
 * ({@link DeadLetters}).
 */
public final class DeadLetterHandler implements ProcessingExceptionHandler {

    /** The Streams config key under which the app passes its {@link PipelineMetrics} instance. */
    public static final String METRICS_CONFIG = "dyadstream.metrics.instance";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private PipelineMetrics metrics = new PipelineMetrics();
    private String dlqTopic;
    private int maxRequestBytes;

    @Override
    public void configure(Map<String, ?> configs) {
        if (configs.get(METRICS_CONFIG) instanceof PipelineMetrics shared) {
            metrics = shared;
        }
        dlqTopic = (String) configs.get("errors.dead.letter.queue.topic.name");
        maxRequestBytes = DeadLetters.maxRequestBytes(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        metrics.deadLettered();
        if (exception instanceof InvalidStoryException) {
            LOG.warn("dead-lettered {}-{}@{}: {}", context.topic(), context.partition(), context.offset(), exception.getMessage());
        } else {
            LOG.error("dead-lettered {}-{}@{} after an unexpected error", context.topic(), context.partition(), context.offset(), exception);
        }
        return dlqTopic == null ? Response.resume() : Response.resume(List.of(DeadLetters.of(dlqTopic, context, exception, maxRequestBytes)));
    }
}

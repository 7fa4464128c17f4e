package io.dyadstream.topology;

import io.dyadstream.enrich.InvalidStoryException;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a record the topology cannot process to the dead-letter topic ({@code stories.dlq}) and goes on,
 * as Kafka's {@link LogAndContinueProcessingExceptionHandler} does, but logs a bad story in one line
 * (its reason and position) instead of a stack trace: bad input is routine, not a bug. An unexpected
 * exception is still logged with its stack trace.
 */
public final class DeadLetterHandler extends LogAndContinueProcessingExceptionHandler {

    /** The Streams config key under which the app passes its {@link PipelineMetrics} instance. */
    public static final String METRICS_CONFIG = "dyadstream.metrics.instance";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private PipelineMetrics metrics = new PipelineMetrics();

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        if (configs.get(METRICS_CONFIG) instanceof PipelineMetrics shared) {
            metrics = shared;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        metrics.deadLettered();
        if (exception instanceof InvalidStoryException) {
            LOG.warn("dead-lettered {}-{}@{}: {}", context.topic(), context.partition(), context.offset(), exception.getMessage());
        } else {
            LOG.error("dead-lettered {}-{}@{} after an unexpected error", context.topic(), context.partition(), context.offset(), exception);
        }
        return super.handleError(context, record, exception);
    }
}

package io.dyadstream.topology;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DefaultProductionExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's default production error handling, except that a dead letter that cannot be written is not
 * dead-lettered again: Kafka Streams 4.4.0 would build a new dead letter from the same source record, fail
 * the same way, and recurse until a StackOverflowError. The app stops with the real error instead.
 */
public final class DeadLetterProductionHandler extends DefaultProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);
    private String dlqTopic;

    @Override
    public void configure(Map<String, ?> configs) {
        super.configure(configs);
        dlqTopic = (String) configs.get("errors.dead.letter.queue.topic.name");
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        if (record.topic().equals(dlqTopic) && !(exception instanceof org.apache.kafka.common.errors.RetriableException)) {
            LOG.error("could not write the dead letter for {}-{}@{}: {}", context.topic(), context.partition(), context.offset(), exception.toString());
            return Response.fail();
        }
        return super.handleError(context, record, exception);
    }
}

package io.dyadstream.topology;

import io.dyadstream.model.PairRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * A story's event time: the start (UTC) of the day it was published, else the time its record arrived.
 * The daily aggregation reads {@code relations.by-pair} with this as its {@link TimestampExtractor}, so
 * that stories count on the day they report; the records themselves keep their arrival time, so that
 * an archive story from 2016 is not deleted by the retention of the topics it is written to.
 */
public final class PublishedTime implements TimestampExtractor {

    /** The event time of a story published on {@code published} (ISO date, may be null) that arrived at {@code arrival}. */
    static long of(String published, long arrival) {
        if (published == null) {
            return arrival;
        }
        return LocalDate.parse(published).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return record.value() instanceof PairRecord pair ? of(pair.published(), record.timestamp()) : record.timestamp();
    }
}

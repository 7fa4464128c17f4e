package io.dyadstream.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Keeps every record it sees in a window store under its key and the time it arrived, for the query
 * API: stories by id ({@link DyadTopology#STORIES}) and relation records by pair
 * ({@link DyadTopology#PAIR_STORIES}). Arrival time, not the story's published date, so that "latest"
 * means latest received and the store's retention counts from arrival: an archive story from 2016
 * stays queryable for the retention like any other.
 */
final class RecentByKeyWriter<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private WindowStore<String, V> store;
    private ProcessorContext<Void, Void> context;

    RecentByKeyWriter(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() != null && record.value() != null) {
            store.put(record.key(), record.value(), context.currentSystemTimeMs());
        }
    }
}

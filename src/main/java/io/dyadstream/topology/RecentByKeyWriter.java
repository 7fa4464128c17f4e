package io.dyadstream.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Keeps every record it sees in a window store under its key and record time, for the query API:
 * stories by id ({@link DyadTopology#STORIES}) and relation records by pair
 * ({@link DyadTopology#PAIR_STORIES}). The store's retention bounds it.
 */
final class RecentByKeyWriter<V> implements Processor<String, V, Void, Void> {

    private final String storeName;
    private WindowStore<String, V> store;

    RecentByKeyWriter(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, V> record) {
        if (record.key() != null && record.value() != null) {
            store.put(record.key(), record.value(), record.timestamp());
        }
    }
}

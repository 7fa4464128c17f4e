package io.dyadstream.topology;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of all the app's RocksDB stores in a process together. Kafka Streams' default
 * gives every store instance (each store, partition and window segment: some 30 here) its own 50 MB block
 * cache and up to three 16 MB memtables, which under steady writes took the app to 1.3 GB resident. Here
 * they share one LRU cache of {@value #TOTAL_MB} MB that holds the blocks read, the index and filter blocks
 * and, charged to it by a write buffer manager, up to {@value #MEMTABLE_MB} MB of memtables.
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final long TOTAL_MB = 96;
    static final long MEMTABLE_MB = 64;
    /** Per store instance: large enough that a busy store flushes files of a few MB, not hundreds of tiny ones. */
    private static final long MEMTABLE_SIZE = 8L << 20;
    private static final double INDEX_AND_FILTER_SHARE = 0.1;

    private static final Cache CACHE;
    private static final WriteBufferManager WRITE_BUFFERS;

    static {
        RocksDB.loadLibrary();
        CACHE = new LRUCache(TOTAL_MB << 20, -1, false, INDEX_AND_FILTER_SHARE);
        WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_MB << 20, CACHE);
    }

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setMaxWriteBufferNumber(2);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write buffer manager are shared by every store of the process: never closed here
    }
}

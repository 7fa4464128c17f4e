package io.dyadstream.serde;

import io.dyadstream.pairs.RecentStories;
import io.dyadstream.pairs.StoryFingerprint;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A compact binary form of one story a pair has seen, the value of the {@code recent-fingerprints} store.
 * Layout (version 1, big-endian): version byte, event time, arrival time, the {@value StoryFingerprint#SIZE}
 * hashes, the story's id and its sources (a count, then each a length and UTF-8 bytes).
 */
public final class SeenStorySerde extends SelfSerde<RecentStories.Seen> {

    private static final byte VERSION = 1;
    private static final int SIGNATURE_BYTES = StoryFingerprint.SIZE * Long.BYTES;

    @Override
    public byte[] serialize(String topic, RecentStories.Seen seen) {
        if (seen == null) {
            return null;
        }
        byte[] id = seen.storyId().getBytes(StandardCharsets.UTF_8);
        List<byte[]> sources = new ArrayList<>(seen.sources().size());
        int size = 1 + 2 * Long.BYTES + SIGNATURE_BYTES + Integer.BYTES + id.length + Short.BYTES;
        for (String source : seen.sources()) {
            byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
            sources.add(bytes);
            size += Integer.BYTES + bytes.length;
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION).putLong(seen.timestamp()).putLong(seen.arrived());
        out.asLongBuffer().put(seen.signature(), 0, StoryFingerprint.SIZE);
        out.position(out.position() + SIGNATURE_BYTES);
        out.putInt(id.length).put(id);
        out.putShort((short) sources.size());
        for (byte[] source : sources) {
            out.putInt(source.length).put(source);
        }
        return out.array();
    }

    @Override
    public RecentStories.Seen deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0 || data[0] != VERSION) {
            throw new SerializationException("a seen story in an unknown format (version " + (data.length == 0 ? "none" : data[0]) + ")");
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            in.get();
            long time = in.getLong();
            long arrived = in.getLong();
            long[] signature = new long[StoryFingerprint.SIZE];
            in.asLongBuffer().get(signature);
            in.position(in.position() + SIGNATURE_BYTES);
            String id = string(in);
            int sourceCount = in.getShort();
            List<String> sources = new ArrayList<>(sourceCount);
            for (int k = 0; k < sourceCount; k++) {
                sources.add(string(in));
            }
            if (in.hasRemaining()) {
                throw new SerializationException("a seen story with " + in.remaining() + " bytes left over");
            }
            return new RecentStories.Seen(id, signature, time, arrived, List.copyOf(sources));
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("cannot read a seen story: truncated or corrupt", e);
        }
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new SerializationException("a seen story with a string of " + length + " bytes where " + in.remaining() + " are left");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}

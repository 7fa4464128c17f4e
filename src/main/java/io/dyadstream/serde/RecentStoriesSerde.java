package io.dyadstream.serde;

import io.dyadstream.pairs.RecentStories;
import io.dyadstream.pairs.StoryFingerprint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A compact binary form of a pair's recent stories for the {@code recent-stories} store: the value is
 * rewritten for every story of the pair, and as JSON its fingerprints would cost some 1.3 KB each.
 * Layout: version byte, count, then per story its id, event time, arrival time, the
 * {@value StoryFingerprint#SIZE} hashes and its sources. Version 1 (no arrival time) is still read, its
 * arrival taken as the event time.
 */
public final class RecentStoriesSerde implements Serde<RecentStories>, Serializer<RecentStories>, Deserializer<RecentStories> {

    private static final byte VERSION = 2;

    @Override
    public byte[] serialize(String topic, RecentStories value) {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + value.stories().size() * (StoryFingerprint.SIZE * 8 + 64));
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeInt(value.stories().size());
            for (RecentStories.Seen seen : value.stories()) {
                out.writeUTF(seen.storyId());
                out.writeLong(seen.timestamp());
                out.writeLong(seen.arrived());
                for (long h : seen.signature()) {
                    out.writeLong(h);
                }
                out.writeShort(seen.sources().size());
                for (String source : seen.sources()) {
                    out.writeUTF(source);
                }
            }
        } catch (IOException e) {
            throw new SerializationException("cannot write recent stories", e);
        }
        return bytes.toByteArray();
    }

    @Override
    public RecentStories deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != VERSION && version != 1) {
                throw new SerializationException("recent stories in an unknown format (version " + version + ")");
            }
            int n = in.readInt();
            List<RecentStories.Seen> stories = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                long time = in.readLong();
                long arrived = version == 1 ? time : in.readLong();
                long[] signature = new long[StoryFingerprint.SIZE];
                for (int k = 0; k < signature.length; k++) {
                    signature[k] = in.readLong();
                }
                int sourceCount = in.readShort();
                List<String> sources = new ArrayList<>(sourceCount);
                for (int k = 0; k < sourceCount; k++) {
                    sources.add(in.readUTF());
                }
                stories.add(new RecentStories.Seen(id, signature, time, arrived, List.copyOf(sources)));
            }
            return new RecentStories(stories);
        } catch (IOException e) {
            throw new SerializationException("cannot read recent stories", e);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {}

    @Override
    public void close() {}

    @Override
    public Serializer<RecentStories> serializer() {
        return this;
    }

    @Override
    public Deserializer<RecentStories> deserializer() {
        return this;
    }
}

package io.dyadstream.serde;

import io.dyadstream.pairs.RecentStories;
import io.dyadstream.pairs.StoryFingerprint;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A compact binary form of a pair's recent stories for the {@code recent-stories} store. The value is read
 * and rewritten for every story of the pair (up to {@value RecentStories#MAX_STORIES} fingerprints of 0.5 KB),
 * so it is written and read in bulk: a busy pair's value costs tens of microseconds, not the best part of a
 * millisecond as through {@link DataOutputStream}. Layout (version 3, big-endian): version byte, count, then
 * per story its event time, arrival time, the {@value StoryFingerprint#SIZE} hashes, its id and its sources
 * (each a length and UTF-8 bytes). Versions 1 (no arrival time; arrival taken as the event time) and 2
 * ({@link DataOutputStream} strings) are still read.
 */
public final class RecentStoriesSerde extends SelfSerde<RecentStories> {

    private static final byte VERSION = 3;
    private static final int SIGNATURE_BYTES = StoryFingerprint.SIZE * Long.BYTES;

    @Override
    public byte[] serialize(String topic, RecentStories value) {
        if (value == null) {
            return null;
        }
        List<RecentStories.Seen> stories = value.stories();
        byte[][] strings = new byte[stories.size()][];
        int size = 1 + Integer.BYTES;
        for (int i = 0; i < stories.size(); i++) {
            RecentStories.Seen seen = stories.get(i);
            strings[i] = seen.storyId().getBytes(StandardCharsets.UTF_8);
            size += 2 * Long.BYTES + SIGNATURE_BYTES + Integer.BYTES + strings[i].length + Short.BYTES;
            for (String source : seen.sources()) {
                size += Integer.BYTES + utf8Length(source);
            }
        }
        ByteBuffer out = ByteBuffer.allocate(size);
        out.put(VERSION).putInt(stories.size());
        for (int i = 0; i < stories.size(); i++) {
            RecentStories.Seen seen = stories.get(i);
            out.putLong(seen.timestamp()).putLong(seen.arrived());
            out.asLongBuffer().put(seen.signature(), 0, StoryFingerprint.SIZE);
            out.position(out.position() + SIGNATURE_BYTES);
            out.putInt(strings[i].length).put(strings[i]);
            out.putShort((short) seen.sources().size());
            for (String source : seen.sources()) {
                byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
                out.putInt(bytes.length).put(bytes);
            }
        }
        return out.array();
    }

    @Override
    public RecentStories deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length == 0 || data[0] != VERSION) {
            return deserializeOldFormat(data);
        }
        try {
            ByteBuffer in = ByteBuffer.wrap(data);
            in.get();
            int n = in.getInt();
            List<RecentStories.Seen> stories = new ArrayList<>(Math.min(n, RecentStories.MAX_STORIES + 1));
            for (int i = 0; i < n; i++) {
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
                stories.add(new RecentStories.Seen(id, signature, time, arrived, List.copyOf(sources)));
            }
            if (in.hasRemaining()) {
                throw new SerializationException("recent stories with " + in.remaining() + " bytes left over");
            }
            return new RecentStories(stories);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new SerializationException("cannot read recent stories: truncated or corrupt", e);
        }
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new SerializationException("recent stories with a string of " + length + " bytes where " + in.remaining() + " are left");
        }
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return s.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return n;
    }

    /** Versions 1 and 2, written through {@link DataOutputStream}. */
    private static RecentStories deserializeOldFormat(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            byte version = in.readByte();
            if (version != 2 && version != 1) {
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
}

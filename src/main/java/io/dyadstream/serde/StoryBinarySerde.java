package io.dyadstream.serde;

import io.dyadstream.model.Dateline;
import io.dyadstream.model.Direction;
import io.dyadstream.model.EnrichedStory;
import io.dyadstream.model.Entity;
import io.dyadstream.model.EntityType;
import io.dyadstream.model.EventType;
import io.dyadstream.model.Evidence;
import io.dyadstream.model.Modality;
import io.dyadstream.model.PairRelation;
import io.dyadstream.model.Sector;
import io.dyadstream.model.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A compact binary form of an {@link EnrichedStory} for the internal topic {@code stories-by-pair} and the
 * {@code stories} store, where every story is written and read once more than on the public topics. The
 * enriched story repeats its text: every entity's and evidence's text is a slice of the story text, and an
 * entity's name is mostly its text; here such a value is a flag and the text is written once. Smile took
 * about 2.5 times the bytes and several times the CPU to write and read.
 *
 * <p>Layout: a version byte ({@value #VERSION}), then the fields in declaration order; strings and lists
 * are a varint of length + 1 (0 = null), enums a byte of ordinal + 1 (0 = null). Values written by
 * earlier versions in Smile (they start with Smile's header {@code :)\n}) are still read, so an upgrade
 * can restore its stores and drain its repartition topic. The round trip is exact: what is read back
 * equals what was written, nulls and empty lists included.
 */
public final class StoryBinarySerde extends SelfSerde<EnrichedStory> {

    static final byte VERSION = 1;

    /** Flags of an entity's text and name, and of an evidence's text. */
    private static final int SLICE = 1;       // text == story text [start, end)
    private static final int NAME_IS_TEXT = 2; // name equals text

    private static final EntityType[] ENTITY_TYPES = EntityType.values();
    private static final EventType[] EVENT_TYPES = EventType.values();
    private static final Modality[] MODALITIES = Modality.values();
    private static final Sector[] SECTORS = Sector.values();

    private final JsonSerde<EnrichedStory> smile = JsonSerde.binary(EnrichedStory.class);

    @Override
    public byte[] serialize(String topic, EnrichedStory story) {
        if (story == null) {
            return null;
        }
        Out out = new Out(story.text() == null ? 256 : story.text().length() + 64 * story.entities().size() + 512);
        out.raw(VERSION);
        out.string(story.schema());
        out.string(story.id());
        out.string(story.headline());
        out.string(story.published());
        if (story.dateline() == null) {
            out.raw(0);
        } else {
            out.raw(1);
            out.string(story.dateline().place());
            out.string(story.dateline().country());
        }
        out.string(story.agency());
        out.strings(story.credits());
        out.string(story.source());
        out.string(story.url());
        out.string(story.lang());
        String text = story.text();
        out.string(text);
        List<Entity> entities = story.entities();
        out.size(entities);
        if (entities != null) {
            for (Entity e : entities) {
                int flags = (isSlice(text, e.text(), e.start(), e.end()) ? SLICE : 0)
                        | (e.name() != null && e.name().equals(e.text()) ? NAME_IS_TEXT : 0);
                out.raw(e.type() == null ? 0 : e.type().ordinal() + 1);
                out.raw(flags);
                out.signed(e.start());
                out.signed(e.end() - e.start());
                if ((flags & SLICE) == 0) {
                    out.string(e.text());
                }
                if ((flags & NAME_IS_TEXT) == 0) {
                    out.string(e.name());
                }
                out.string(e.code());
                out.string(e.country());
                out.string(e.office());
            }
        }
        List<PairRelation> pairs = story.pairs();
        out.size(pairs);
        if (pairs != null) {
            for (PairRelation p : pairs) {
                out.string(p.pair());
                out.strings(p.countries());
                out.size(p.tags());
                if (p.tags() != null) {
                    for (Tag t : p.tags()) {
                        tag(out, t, text);
                    }
                }
                sectors(out, p.sectors());
            }
        }
        out.string(story.duplicateOf());
        if (story.similarity() == null) {
            out.raw(0);
        } else {
            out.raw(1);
            out.doubleBits(story.similarity());
        }
        return out.bytes();
    }

    private static void tag(Out out, Tag t, String text) {
        out.raw(t.type() == null ? 0 : t.type().ordinal() + 1);
        out.signed(t.quad());
        out.raw(t.modality() == null ? 0 : t.modality().ordinal() + 1);
        sectors(out, t.sectors());
        out.size(t.evidence());
        if (t.evidence() != null) {
            for (Evidence ev : t.evidence()) {
                boolean slice = isSlice(text, ev.text(), ev.start(), ev.end());
                out.raw(slice ? SLICE : 0);
                out.signed(ev.start());
                out.signed(ev.end() - ev.start());
                if (!slice) {
                    out.string(ev.text());
                }
            }
        }
        if (t.direction() == null) {
            out.raw(0);
        } else {
            out.raw(1);
            out.string(t.direction().source());
            out.string(t.direction().target());
        }
        out.doubleBits(t.confidence());
    }

    private static void sectors(Out out, List<Sector> sectors) {
        out.size(sectors);
        if (sectors != null) {
            for (Sector s : sectors) {
                out.raw(s == null ? 0 : s.ordinal() + 1);
            }
        }
    }

    private static boolean isSlice(String text, String part, int start, int end) {
        return text != null && part != null && start >= 0 && end >= start && end <= text.length() && end - start == part.length()
                && text.startsWith(part, start);
    }

    @Override
    public EnrichedStory deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length >= 3 && data[0] == ':' && data[1] == ')' && data[2] == '\n') {
            return smile.deserialize(topic, data); // written by a version that kept stories in Smile
        }
        try {
            In in = new In(data);
            if (in.raw() != VERSION) {
                throw new SerializationException("an enriched story in an unknown binary format (version " + data[0] + ")");
            }
            String schema = in.string();
            String id = in.string();
            String headline = in.string();
            String published = in.string();
            Dateline dateline = in.raw() == 0 ? null : new Dateline(in.string(), in.string());
            String agency = in.string();
            List<String> credits = in.strings();
            String source = in.string();
            String url = in.string();
            String lang = in.string();
            String text = in.string();
            int n = in.size();
            List<Entity> entities = null;
            if (n >= 0) {
                entities = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    EntityType type = enumOf(ENTITY_TYPES, in.raw());
                    int flags = in.raw();
                    int start = in.signed();
                    int end = start + in.signed();
                    String etext = (flags & SLICE) != 0 ? text.substring(start, end) : in.string();
                    String name = (flags & NAME_IS_TEXT) != 0 ? etext : in.string();
                    entities.add(new Entity(type, etext, name, in.string(), in.string(), in.string(), start, end));
                }
            }
            n = in.size();
            List<PairRelation> pairs = null;
            if (n >= 0) {
                pairs = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    String pair = in.string();
                    List<String> countries = in.strings();
                    int tn = in.size();
                    List<Tag> tags = null;
                    if (tn >= 0) {
                        tags = new ArrayList<>(tn);
                        for (int k = 0; k < tn; k++) {
                            tags.add(tag(in, text));
                        }
                    }
                    pairs.add(new PairRelation(pair, countries, tags, sectors(in)));
                }
            }
            String duplicateOf = in.string();
            Double similarity = in.raw() == 0 ? null : in.doubleBits();
            if (!in.done()) {
                throw new SerializationException("an enriched story with " + (data.length - in.pos) + " bytes left over");
            }
            return new EnrichedStory(schema, id, headline, published, dateline, agency, credits, source, url, lang, text, entities, pairs,
                    duplicateOf, similarity);
        } catch (RuntimeException e) {
            if (e instanceof SerializationException s) {
                throw s;
            }
            throw new SerializationException("cannot read an enriched story from " + topic + ": " + e, e);
        }
    }

    private static Tag tag(In in, String text) {
        EventType type = enumOf(EVENT_TYPES, in.raw());
        int quad = in.signed();
        Modality modality = enumOf(MODALITIES, in.raw());
        List<Sector> sectors = sectors(in);
        int n = in.size();
        List<Evidence> evidence = null;
        if (n >= 0) {
            evidence = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                boolean slice = in.raw() == SLICE;
                int start = in.signed();
                int end = start + in.signed();
                evidence.add(new Evidence(start, end, slice ? text.substring(start, end) : in.string()));
            }
        }
        Direction direction = in.raw() == 0 ? null : new Direction(in.string(), in.string());
        return new Tag(type, quad, modality, sectors, evidence, direction, in.doubleBits());
    }

    private static List<Sector> sectors(In in) {
        int n = in.size();
        if (n < 0) {
            return null;
        }
        List<Sector> s = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            s.add(enumOf(SECTORS, in.raw()));
        }
        return s;
    }

    private static <E> E enumOf(E[] values, int code) {
        if (code == 0) {
            return null;
        }
        if (code > values.length) {
            throw new SerializationException("an enriched story with an unknown enum value " + code);
        }
        return values[code - 1];
    }

    /** A growable byte array with varints and UTF-8 strings. */
    private static final class Out {
        private byte[] buf;
        private int pos;

        Out(int capacity) {
            buf = new byte[Math.max(64, capacity)];
        }

        private void ensure(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void raw(int b) {
            ensure(1);
            buf[pos++] = (byte) b;
        }

        void unsigned(int v) {
            ensure(5);
            while ((v & ~0x7F) != 0) {
                buf[pos++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[pos++] = (byte) v;
        }

        void signed(int v) {
            unsigned((v << 1) ^ (v >> 31)); // zig-zag: offsets are never negative, but nothing forbids it
        }

        void size(List<?> list) {
            unsigned(list == null ? 0 : list.size() + 1);
        }

        void string(String s) {
            if (s == null) {
                unsigned(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            unsigned(b.length + 1);
            ensure(b.length);
            System.arraycopy(b, 0, buf, pos, b.length);
            pos += b.length;
        }

        void strings(List<String> list) {
            size(list);
            if (list != null) {
                for (String s : list) {
                    string(s);
                }
            }
        }

        void doubleBits(double d) {
            long v = Double.doubleToRawLongBits(d);
            ensure(8);
            for (int i = 0; i < 8; i++) {
                buf[pos++] = (byte) (v >>> (56 - 8 * i));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, pos);
        }
    }

    /** Reads what {@link Out} wrote; running past the end raises an exception. */
    private static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) {
            this.buf = buf;
        }

        int raw() {
            return buf[pos++] & 0xFF;
        }

        int unsigned() {
            int v = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                int b = buf[pos++];
                v |= (b & 0x7F) << shift;
                if (b >= 0) {
                    return v;
                }
            }
            throw new SerializationException("a malformed varint in an enriched story");
        }

        int signed() {
            int v = unsigned();
            return (v >>> 1) ^ -(v & 1);
        }

        int size() {
            return unsigned() - 1;
        }

        String string() {
            int n = unsigned() - 1;
            if (n < 0) {
                return null;
            }
            if (n > buf.length - pos) {
                throw new SerializationException("a string past the end of an enriched story");
            }
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        List<String> strings() {
            int n = size();
            if (n < 0) {
                return null;
            }
            List<String> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                list.add(string());
            }
            return list;
        }

        double doubleBits() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos++] & 0xFF);
            }
            return Double.longBitsToDouble(v);
        }

        boolean done() {
            return pos == buf.length;
        }
    }
}

package io.dyadstream.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadstream.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Hostile and broken input, seeded: more than 1,000 records in the categories of issue 6 (invalid
 * UTF-8, truncated and malformed JSON, wrong JSON types, empty and whitespace values, binary garbage,
 * control characters, deep nesting, right-to-left scripts and emoji, huge keys, duplicated ids with
 * different text, a story of 100,000 sentences, a story that names every country on Earth). Most are
 * bad; some are odd but valid stories. What each one should become is not decided here: the test asks
 * the enricher itself, offline, and then checks that the app did the same on the broker.
 *
 * <p>{@link #beyondLimits} are the records that go past a limit of the pipeline: 10 MB stories, one a
 * byte over the 1 MiB story limit, JSON nested deeper than the parser's 1,000 levels, and a story of
 * 100,000 sentences under 1 MiB whose enriched form is about 9 MB (more than a Kafka producer sends by
 * default).
 */
final class Hostile {

    /** One record: its category, key (may be null) and value (may be null: a tombstone). */
    record Rec(String category, byte[] key, byte[] value) {
        int size() {
            return (key == null ? 0 : key.length) + (value == null ? 0 : value.length);
        }
    }

    static final int TEN_MB = 10 * 1000 * 1000;
    private static final String STORY = "ASTANA, May 3 (Kazinform) - Kazakhstan and Uzbekistan signed an agreement on water sharing "
            + "and agreed to build a joint hydropower plant on the Syr Darya, the foreign ministry said on Friday.";
    private static final String[] RTL = {
        "وقّعت مصر وإثيوبيا اتفاقاً بشأن سد النهضة في القاهرة يوم الاثنين.",
        "ישראל וירדן חתמו על הסכם מים חדש בירושלים.",
        "ایران و عراق درباره تجارت گاز در تهران گفتگو کردند.",
        "پاکستان اور بھارت نے سرحد پر جنگ بندی پر اتفاق کیا۔",
        "Egypt and Ethiopia 🇪🇬🤝🇪🇹 signed a dam deal ✍️📜 in Cairo on Monday 🎉.",
        "Kenya 🇰🇪 and Tanzania 🇹🇿 agreed 👨‍👩‍👧‍👦 to open two border crossings 🚧.",
        "\u202EJapan and Vietnam held talks on a rail line\u202C in Hanoi on Monday.",
        "Morocco and France signed agreements on rail \u200F\u200Eand energy\u2066 projects\u2069 in Rabat."};

    private final Random random;
    private final List<Rec> out = new ArrayList<>();

    private Hostile(long seed) {
        this.random = new Random(seed);
    }

    /** The hostile records within the pipeline's limits (more than 1,000). */
    static List<Rec> records(long seed) {
        Hostile h = new Hostile(seed);
        h.invalidUtf8(150);
        h.truncatedJson(150);
        h.malformedJson(100);
        h.wrongTypes(150);
        h.empty(100);
        h.binary(150);
        h.controlCharacters(100);
        h.deeplyNested(50, new int[] {10, 100, 500, 900, 990});
        h.rtlAndEmoji(100);
        h.hugeKeys();
        h.duplicatedIds(20);
        h.add("many-sentences", "sent-ok", "Ok. ".repeat(100_000).getBytes(StandardCharsets.UTF_8)); // 400 KB
        h.everyCountry();
        return h.out;
    }

    /** The records past a limit of the pipeline (see the class comment). */
    static List<Rec> beyondLimits(long seed) {
        Hostile h = new Hostile(seed);
        h.tooLarge();
        h.deeplyNested(12, new int[] {1001, 5000, 100_000, 1_000_000});
        h.add("many-sentences", "sent-countries", "Iran. Iraq. ".repeat(50_000).getBytes(StandardCharsets.UTF_8)); // 600 KB
        return h.out;
    }

    private void add(String category, String key, byte[] value) {
        out.add(new Rec(category, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value));
    }

    private String envelope(String id, String body) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("id", id);
        e.put("headline", "Hostile " + id);
        e.put("body", body);
        e.put("published", "2024-05-0" + (1 + random.nextInt(9)));
        return e.toString();
    }

    private void invalidUtf8(int n) {
        byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0xE2, 0x28, (byte) 0xA1}, {(byte) 0xF0, 0x28, (byte) 0x8C, (byte) 0xBC},
            {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
        for (int i = 0; i < n; i++) {
            byte[] text = (i % 2 == 0 ? envelope("utf8-" + i, STORY) : STORY).getBytes(StandardCharsets.UTF_8);
            byte[] seq = bad[i % bad.length];
            int at = random.nextInt(text.length + 1);
            byte[] value = new byte[text.length + seq.length];
            System.arraycopy(text, 0, value, 0, at);
            System.arraycopy(seq, 0, value, at, seq.length);
            System.arraycopy(text, at, value, at + seq.length, text.length - at);
            if (i % 6 == 5) { // a valid value under a key that is not UTF-8
                out.add(new Rec("invalid-utf8", seq, text));
            } else {
                add("invalid-utf8", "utf8-" + i, value);
            }
        }
    }

    private void truncatedJson(int n) {
        for (int i = 0; i < n; i++) {
            String json = envelope("trunc-" + i, i % 3 == 0 ? RTL[i % RTL.length] : STORY);
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            int cut = 1 + random.nextInt(bytes.length - 1);
            add("truncated-json", "trunc-" + i, java.util.Arrays.copyOf(bytes, cut));
        }
    }

    private void malformedJson(int n) {
        String[] forms = {
            "{id: \"m-%d\", body: \"%s\"}", "{\"id\": \"m-%d\", \"body\": \"%s\",}", "{\"id\": \"m-%d\" \"body\": \"%s\"}",
            "{\"id\": \"m-%d\", \"body\": \"%s\\q\"}", "{\"id\": \"m-%d\", \"body\": \"%s}", "{{\"id\": \"m-%d\", \"body\": \"%s\"}}",
            "{\"id\": \"m-%d\", \"body\": '%s'}", "{\"id\": \"m-%d\", \"body\": NaN, \"text\": \"%s\"}",
            "{\"id\": \"m-%d\", \"body\": \"%s\"} trailing garbage", "{\"id\": \"m-%d\", \"body\": \"%s\", \"body\": \"second body\"}",
            "{\"id\": \"m-%d\"; \"body\": \"%s\"}", "{\"id\": \"m-%d\", \"body\": \"%s\" /* comment */}",
            "{\"id\": \"m-%d\", \"body\": \"%s\u0001\"}", "{\"id\": \"m-%d\", \"body\": \"%s\", \"x\": 1e999999}"};
        for (int i = 0; i < n; i++) {
            add("malformed-json", "m-" + i, String.format(forms[i % forms.length], i, STORY).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void wrongTypes(int n) {
        String[] forms = {
            "{\"id\": \"w-%d\", \"body\": 42}", "{\"id\": \"w-%d\", \"body\": true}", "{\"id\": \"w-%d\", \"body\": [\"%s\"]}",
            "{\"id\": \"w-%d\", \"body\": {\"text\": \"%s\"}}", "{\"id\": \"w-%d\", \"body\": null}", "{\"id\": \"w-%d\", \"text\": 3.14}",
            "{\"id\": {\"n\": %d}, \"body\": \"%s\"}", "{\"id\": [%d], \"body\": \"%s\"}", "{\"id\": %d.5, \"body\": \"%s\"}",
            "{\"id\": true, \"x\": %d, \"body\": \"%s\"}", "{\"id\": 123456789012345678901234567890%d, \"body\": \"%s\"}",
            "{\"id\": \"w-%d\", \"headline\": 7, \"body\": \"%s\"}", "{\"id\": \"w-%d\", \"published\": {\"y\": 2024}, \"body\": \"%s\"}",
            "{\"id\": \"w-%d\", \"source\": [\"AP\"], \"body\": \"%s\"}", "{\"id\": \"w-%d\", \"lang\": 1, \"body\": \"%s\"}",
            "{\"id\": \"w-%d\", \"published\": \"not a date\", \"body\": \"%s\"}", "{\"id\": \"w-%d\", \"published\": \"2024-13-45\", \"body\": \"%s\"}",
            "{\"id\": %d, \"body\": \"%s\"}", "{\"id\": \"\", \"n\": %d, \"body\": \"%s\"}"};
        for (int i = 0; i < n; i++) {
            add("wrong-types", "w-" + i, String.format(forms[i % forms.length], i, STORY).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void empty(int n) {
        String[] forms = {"", " ", "\n", "\t\r\n ", "\u00a0\u00a0", "\ufeff", "\u2003\u2002", "{\"id\": \"e-%d\", \"body\": \"\"}",
            "{\"id\": \"e-%d\", \"body\": \"  \\n\\t \"}", "{\"id\": \"e-%d\"}", "{}", "{\"id\": \"e-%d\", \"text\": \"\\u00a0\"}", null};
        for (int i = 0; i < n; i++) {
            String form = forms[i % forms.length];
            add("empty", "e-" + i, form == null ? null : String.format(form, i).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void binary(int n) {
        for (int i = 0; i < n; i++) {
            byte[] value;
            switch (i % 5) {
                case 0 -> value = gzip(STORY.getBytes(StandardCharsets.UTF_8));
                case 1 -> {
                    value = new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
                }
                default -> {
                    value = new byte[1 + random.nextInt(4096)];
                    random.nextBytes(value);
                }
            }
            add("binary", i % 4 == 0 ? null : "bin-" + i, value);
        }
    }

    private void controlCharacters(int n) {
        String[] inserts = {"\u0000", "\u0007", "\u001b[31m", "\r", "\u0085", "\u2028", "\u0008\u0008", "\u007f", "\u000b\u000c"};
        for (int i = 0; i < n; i++) {
            String c = inserts[i % inserts.length];
            int at = random.nextInt(STORY.length());
            String text = STORY.substring(0, at) + c + STORY.substring(at);
            switch (i % 4) {
                case 0 -> add("control-chars", "ctl-" + i, text.getBytes(StandardCharsets.UTF_8));
                case 1 -> add("control-chars", "ctl-" + i, envelope("ctl-" + i, text).getBytes(StandardCharsets.UTF_8));
                case 2 -> add("control-chars", "ctl" + c + i, STORY.getBytes(StandardCharsets.UTF_8)); // in the key
                default -> add("control-chars", "ctl-" + i, envelope("ctl" + c + i, STORY).getBytes(StandardCharsets.UTF_8)); // in the id
            }
        }
    }

    private void deeplyNested(int n, int[] depths) {
        for (int i = 0; i < n; i++) {
            int depth = depths[i % depths.length];
            String open = (i % 2 == 0 ? "[" : "{\"a\":").repeat(depth);
            String close = (i % 2 == 0 ? "]" : "}").repeat(depth);
            String value = switch ((i / depths.length) % 3) {
                case 0 -> "{\"id\": \"deep-" + i + "\", \"body\": \"" + STORY + "\", \"extra\": " + open + "1" + close + "}";
                case 1 -> "{\"id\": \"deep-" + i + "\", \"body\": " + open + "\"x\"" + close + "}";
                default -> open + "\"" + STORY + "\"" + close; // not an object: starts with [ (plain text) or nests objects
            };
            add("deeply-nested", "deep-" + i, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void rtlAndEmoji(int n) {
        for (int i = 0; i < n; i++) {
            String text = RTL[i % RTL.length] + " " + RTL[(i + 3) % RTL.length];
            String id = i % 5 == 0 ? "رسالة-" + i + "-📰" : "rtl-" + i;
            add("rtl-emoji", id, (i % 2 == 0 ? envelope(id, text) : text).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void hugeKeys() {
        for (int size : new int[] {257, 4096, 100_000, 900_000}) {
            add("huge-key", "k".repeat(size), envelope("hk-" + size, STORY).getBytes(StandardCharsets.UTF_8));
        }
        add("huge-key", "k".repeat(256), STORY.getBytes(StandardCharsets.UTF_8)); // at the limit: a valid id
    }

    private void duplicatedIds(int n) {
        for (int i = 0; i < n; i++) {
            add("duplicated-ids", "dup-" + i, envelope("dup-" + i, STORY).getBytes(StandardCharsets.UTF_8));
            add("duplicated-ids", "dup-" + i, envelope("dup-" + i, RTL[i % RTL.length] + " A different text under the same id.")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private void everyCountry() {
        List<String> names = countryNames();
        add("every-country", "all-countries", envelope("all-countries", "GENEVA (Reuters) - Leaders of " + String.join(", ", names)
                + " signed a joint declaration on climate cooperation on Monday.").getBytes(StandardCharsets.UTF_8));
        StringBuilder talks = new StringBuilder("GENEVA (Reuters) - ");
        for (int i = 0; i + 1 < names.size(); i += 2) {
            talks.append(names.get(i)).append(" and ").append(names.get(i + 1)).append(" signed an agreement on trade. ");
        }
        add("every-country", "all-countries-pairs", talks.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** 10 MB stories (one that compresses well, one that does not) and one a byte over the 1 MiB limit. */
    private void tooLarge() {
        String sentence = STORY + " ";
        add("too-large", "big-text", envelope("big-text", sentence.repeat(TEN_MB / sentence.length() + 1)).getBytes(StandardCharsets.UTF_8));
        byte[] noise = new byte[TEN_MB * 3 / 4];
        random.nextBytes(noise);
        add("too-large", "big-noise", Base64.getEncoder().encode(noise));
        byte[] justOver = new byte[(1 << 20) + 1];
        java.util.Arrays.fill(justOver, (byte) 'a');
        add("too-large", "big-1mib", justOver);
    }

    /** Every country name of the gazetteer (countries.tsv, third column). */
    static List<String> countryNames() {
        try (InputStream in = Hostile.class.getClassLoader().getResourceAsStream("gazetteer/countries.tsv")) {
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    names.add(line.split("\t")[2]);
                }
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(buffer)) {
            gz.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return buffer.toByteArray();
    }
}

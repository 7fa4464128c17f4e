package io.dyadstream.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dyadstream.serde.Json;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded stories of our own for the crash tests: wire-like JSON envelopes over a dozen and a half
 * countries (so, many country pairs; some stories name three countries, some only one), a few plain
 * text stories without a key, a few republished copies and a few bad records. Every record fits on one
 * line, so the same list can be fed to the offline {@code enrich} command.
 *
 * <p>The app's result must not depend on the order in which the partitions' records interleave (that
 * differs from run to run, crash or not), so: every story is dated (an envelope's "published", a plain
 * text story's " date" line), never by its arrival time; and stories are varied enough that no two
 * different stories of a pair look like copies of each other (the test checks this). Dates spread over
 * 60 days, far wider than the 72-hour duplicate window, in no order: duplicate marking must not depend
 * on which story of a pair arrives first (finding 4 of docs/reliability.md).
 *
 * <p>A republished copy carries a new id, another agency's dateline and the same body, and is sent
 * with its original's key: it follows the original in one partition, so which of the two is the copy
 * is the same in every run (a feed re-sending under the story's key behaves the same way).
 */
final class Generator {

    /** What a record is: a story (enriched), a republished copy (enriched, marked) or a bad record (dead-lettered). */
    enum Kind { STORY, COPY, BAD }

    /** One input record: key (may be null), value, kind, and the story id the app will give it (null for bad ones). */
    record Rec(byte[] key, byte[] value, Kind kind, String id) {
        String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    private static final String[][] COUNTRIES = {
        {"Belarus", "Belarusian", "Minsk"}, {"Kazakhstan", "Kazakh", "Astana"}, {"Uzbekistan", "Uzbek", "Tashkent"},
        {"China", "Chinese", "Beijing"}, {"India", "Indian", "New Delhi"}, {"Pakistan", "Pakistani", "Islamabad"},
        {"Japan", "Japanese", "Tokyo"}, {"Vietnam", "Vietnamese", "Hanoi"}, {"Turkey", "Turkish", "Ankara"},
        {"Brazil", "Brazilian", "Brasilia"}, {"Argentina", "Argentine", "Buenos Aires"}, {"Kenya", "Kenyan", "Nairobi"},
        {"Tanzania", "Tanzanian", "Dodoma"}, {"Egypt", "Egyptian", "Cairo"}, {"Ethiopia", "Ethiopian", "Addis Ababa"},
        {"Germany", "German", "Berlin"}, {"France", "French", "Paris"}, {"Morocco", "Moroccan", "Rabat"}};
    private static final String[] AGENCIES = {"Reuters", "AP", "AFP", "Xinhua", "BelTA", "Kazinform", "PTI", "Anadolu"};
    private static final String[] FIRST = {"Arman", "Olga", "Rustam", "Wei", "Maria", "Kenji", "Amina", "Lars", "Ravi", "Nadia",
        "Jan", "Emre", "Fatima", "Diego", "Ahmed", "Yuki", "Tomas", "Leila", "Pedro", "Grace"};
    private static final String[] LAST = {"Seitkali", "Barysava", "Aliyev", "Chen", "Souza", "Watanabe", "Odhiambo", "Berglund",
        "Menon", "Haddad", "Kowalczyk", "Yilmaz", "Benali", "Ferreira", "Mansour", "Tanaka", "Novak", "Karimi", "Alves", "Mwangi"};
    private static final String[] OFFICES = {"Foreign Minister", "Trade Minister", "Energy Minister", "Deputy Prime Minister",
        "Ambassador", "Agriculture Minister"};
    private static final String[] GOODS = {"wheat", "fertiliser", "tractors", "solar panels", "medicines", "cotton", "steel pipes",
        "coffee", "rail cars", "textiles", "software services", "frozen fish", "copper", "tea", "buses", "vaccines"};
    private static final String[] PROJECTS = {"a rail link", "a fertiliser plant", "a wind farm", "a logistics hub", "a dam",
        "a technology park", "a port terminal", "a power line", "a grain terminal", "a hospital", "a pipeline", "a bridge"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] TWO = {
        "%A and %B signed an agreement on %G supplies worth %N million dollars on %D.",
        "%a %O %P held talks with %b counterpart %Q in %C on %D.",
        "%A will build %J in %B under a memorandum signed in %C.",
        "Trade between %A and %B grew by %N percent in the first quarter, driven by %G and %H.",
        "%A accused %B of violating the ceasefire near the border and summoned its ambassador on %D.",
        "%A sent %N tonnes of humanitarian aid, including %G, to %B after the floods.",
        "%B rejected the proposal by %A to revise the %G quota and demanded new talks.",
        "%A and %B agreed to hold a joint investment forum in %C in %M.",
        "%A plans to open a trade house in %C to promote %G and %H exports to %B.",
        "Officials of %A and %B discussed visa-free travel and direct flights during the visit of %P to %C.",
        "%A imposed sanctions on %N %b companies suspected of supplying %G to armed groups.",
        "%A and %B held joint naval exercises with %N ships on %D, the defence ministry said."};
    private static final String[] ONE = {
        "The %a central bank raised its key rate by %N basis points on %D.",
        "Farmers in %A expect a record harvest of %G this year, %P said.",
        "Protesters gathered in %C on %D to denounce a rise in %G prices.",
        "%A opened %J worth %N million dollars near %C on %D.",
        "Parliament of %A passed a law on %G exports after %N hours of debate."};
    private static final String[] FILLER = {
        "The ministry gave no further details on the %G deal, %P said on %D.", "Both sides called the %N-minute meeting constructive.",
        "Analysts expect %G sales to rise by %N percent next year.", "Work on %J is due to be completed in %M %Y.",
        "A joint working group on %G will meet again in %M.", "%P said the sides would prepare a road map on %G by %M."};
    private static final String[] TAILS = {
        ", %P told reporters in %C.", ", according to %N officials.", ", the %O said on %D.", " after %N hours of talks.",
        ", %P wrote on social media.", " despite a %N percent fall in %G output.", ", a statement issued in %C on %D said.",
        " as %G prices rose by %N percent.", ", %P of the %O's office said.", " at a ceremony attended by %N guests."};
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"};
    /** Stories are dated within the 60 days ending today (UTC). */
    private static final int DATED_DAYS = 60;
    private static final LocalDate FIRST_DAY = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(DATED_DAYS - 1);

    private final Random random;
    /** Fingerprints of the stories so far, by the two countries they are about: a new story must not look like a copy. */
    private final java.util.Map<String, List<long[]>> fingerprints = new java.util.HashMap<>();
    private String lastCountries;

    private Generator(long seed) {
        this.random = new Random(seed);
    }

    /**
     * {@code count} records: about 2% bad, 3% republished copies, 3% plain text without a key, the rest
     * JSON envelopes; story ids are {@code prefix} + a number.
     */
    static List<Rec> stories(int count, long seed, String prefix) {
        Generator g = new Generator(seed);
        List<Rec> out = new ArrayList<>(count);
        List<ObjectNode> originals = new ArrayList<>();
        for (int n = 0; out.size() < count; n++) {
            int dice = g.random.nextInt(100);
            if (dice < 2) {
                out.add(g.bad(prefix + "bad-" + n));
            } else if (dice < 5 && !originals.isEmpty()) {
                ObjectNode original = originals.get(originals.size() - 1 - g.random.nextInt(Math.min(20, originals.size())));
                out.add(g.copy(original, prefix + n));
            } else if (dice < 8) {
                String text = " date " + g.day() + " " + g.distinctBody(g.random.nextInt(5) == 0);
                out.add(new Rec(null, bytes(text), Kind.STORY, hashId(text)));
            } else {
                ObjectNode envelope = g.envelope(prefix + n);
                originals.add(envelope);
                out.add(new Rec(bytes(envelope.get("id").asText()), bytes(envelope.toString()), Kind.STORY, envelope.get("id").asText()));
            }
        }
        return out;
    }

    private ObjectNode envelope(String id) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("id", id);
        boolean single = random.nextInt(8) == 0;
        e.put("headline", "Report " + id + ": " + GOODS[random.nextInt(GOODS.length)] + " and " + PROJECTS[random.nextInt(PROJECTS.length)]);
        e.put("body", distinctBody(single));
        e.put("source", AGENCIES[random.nextInt(AGENCIES.length)]);
        e.put("published", day());
        return e;
    }

    /** A copy of an original envelope: new id, another agency in the dateline, same body, the original's key. */
    private Rec copy(ObjectNode original, String id) {
        ObjectNode c = original.deepCopy();
        String agency = AGENCIES[random.nextInt(AGENCIES.length)];
        c.put("id", id);
        c.put("source", agency);
        c.put("body", original.get("body").asText().replaceFirst("\\([A-Za-z]+\\) - ", "(" + agency + ") - "));
        return new Rec(bytes(original.get("id").asText()), bytes(c.toString()), Kind.COPY, id);
    }

    private String day() {
        return FIRST_DAY.plusDays(random.nextInt(DATED_DAYS)).toString();
    }

    /** A body that is no near-copy (estimated similarity 0.4 or more) of an earlier story about the same two countries. */
    private String distinctBody(boolean single) {
        while (true) {
            String body = body(single);
            long[] signature = io.dyadstream.pairs.StoryFingerprint.of(body);
            List<long[]> same = fingerprints.computeIfAbsent(single ? "single" : lastCountries, k -> new ArrayList<>());
            if (single || same.stream().allMatch(other -> io.dyadstream.pairs.StoryFingerprint.similarity(signature, other) < 0.4)) {
                same.add(signature);
                return body;
            }
        }
    }

    /** A dateline and three to six sentences; {@code single}: about one country only. */
    private String body(boolean single) {
        String[] a = COUNTRIES[random.nextInt(COUNTRIES.length)];
        String[] b = a;
        while (b == a) {
            b = COUNTRIES[random.nextInt(COUNTRIES.length)];
        }
        String[] c = b;
        while (c == b || c == a) {
            c = COUNTRIES[random.nextInt(COUNTRIES.length)];
        }
        lastCountries = a[0].compareTo(b[0]) < 0 ? a[0] + "|" + b[0] : b[0] + "|" + a[0];
        StringBuilder text = new StringBuilder();
        String[] place = random.nextBoolean() ? a : b;
        text.append(place[2].toUpperCase()).append(", ").append(MONTHS[random.nextInt(12)]).append(' ').append(1 + random.nextInt(28))
                .append(" (").append(AGENCIES[random.nextInt(AGENCIES.length)]).append(") - ");
        int sentences = 3 + random.nextInt(4);
        boolean third = !single && random.nextInt(6) == 0;
        for (int s = 0; s < sentences; s++) {
            String template;
            String[] x = a;
            String[] y = b;
            if (single) {
                template = s == 0 || random.nextBoolean() ? ONE[random.nextInt(ONE.length)] : FILLER[random.nextInt(FILLER.length)];
            } else if (s == 0 || random.nextInt(3) > 0) {
                template = TWO[random.nextInt(TWO.length)];
                if (third && s == sentences - 1) {
                    y = c;
                }
            } else {
                template = FILLER[random.nextInt(FILLER.length)];
            }
            String sentence = fill(template, x, y);
            if (random.nextInt(3) > 0) {
                sentence = sentence.substring(0, sentence.length() - 1) + fill(TAILS[random.nextInt(TAILS.length)], x, y);
            }
            text.append(sentence).append(random.nextInt(3) == 0 ? "\n\n" : " ");
        }
        return text.toString().strip();
    }

    private String fill(String template, String[] a, String[] b) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char ch = template.charAt(i);
            if (ch != '%' || i + 1 == template.length()) {
                out.append(ch);
                continue;
            }
            char slot = template.charAt(++i);
            out.append(switch (slot) {
                case 'A' -> a[0];
                case 'B' -> b[0];
                case 'a' -> a[1];
                case 'b' -> b[1];
                case 'C' -> (random.nextBoolean() ? a : b)[2];
                case 'D' -> DAYS[random.nextInt(DAYS.length)];
                case 'G' -> GOODS[random.nextInt(GOODS.length)];
                case 'H' -> GOODS[random.nextInt(GOODS.length)];
                case 'J' -> PROJECTS[random.nextInt(PROJECTS.length)];
                case 'M' -> MONTHS[random.nextInt(MONTHS.length)];
                case 'N' -> String.valueOf(2 + random.nextInt(998));
                case 'O' -> OFFICES[random.nextInt(OFFICES.length)];
                case 'P', 'Q' -> FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                case 'Y' -> String.valueOf(2025 + random.nextInt(5));
                default -> "%" + slot;
            });
        }
        return out.toString();
    }

    /** A bad record that still fits on one line: broken JSON, wrong types, empty story, whitespace only. */
    private Rec bad(String key) {
        String body = fill(TWO[0], COUNTRIES[0], COUNTRIES[1]);
        String value = switch (random.nextInt(7)) {
            case 0 -> "{\"id\": \"" + key + "\", \"body\": \"" + body.substring(0, 20);
            case 1 -> "{\"id\": \"" + key + "\", \"body\": " + random.nextInt(1000) + "}";
            case 2 -> "{\"id\": {\"nested\": \"" + key + "\"}, \"body\": \"" + body + "\"}";
            case 3 -> "{\"id\": \"" + key + "\", \"body\": \"   \"}";
            case 4 -> "{\"id\": \"" + key + "\", \"headline\": \"no body here\"}";
            case 5 -> "{\"id\": \"" + key + "\", \"body\": [\"" + body + "\"]}";
            default -> "{\"id\": \"" + key + "\" \"body\": \"" + body + "\"}";
        };
        return new Rec(bytes(key), bytes(value), Kind.BAD, null);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The id the parser gives a plain text story without a key: sha256: and 16 hex digits of the text. */
    static String hashId(String text) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(bytes(text));
            return "sha256:" + java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

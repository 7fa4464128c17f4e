package io.dyadstream.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.dyadstream.enrich.StoryParser;
import io.dyadstream.model.RawStory;
import io.dyadstream.serde.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Stories for benchmarks. {@link #generate} makes wire-like stories from templates: a dateline, then
 * sentences over a mix of countries, offices, event types and sectors, 1-6 KB each, seeded, so a run is
 * repeatable. Every sentence of them names countries and cues, and few words recur; real wires name far
 * more people, places and organisations, and a vocabulary that misses the caches. So {@link #ownStories}
 * gives the wire stories we wrote by hand for the golden tests, bundled in the jar, and {@link #read} a
 * corpus of the user's own.
 */
public final class BenchCorpus {

    /** Our hand-written stories (src/test/resources/corpus/stories.jsonl), which the build puts into the jar. */
    static final String OWN_STORIES = "/bench/stories.jsonl";

    private static final String[][] COUNTRIES = {
        {"Belarus", "Belarusian", "Minsk"}, {"Kazakhstan", "Kazakh", "Astana"}, {"Uzbekistan", "Uzbek", "Tashkent"},
        {"China", "Chinese", "Beijing"}, {"Russia", "Russian", "Moscow"}, {"India", "Indian", "New Delhi"},
        {"Pakistan", "Pakistani", "Islamabad"}, {"Japan", "Japanese", "Tokyo"}, {"Australia", "Australian", "Canberra"},
        {"Turkey", "Turkish", "Ankara"}, {"Sweden", "Swedish", "Stockholm"}, {"Brazil", "Brazilian", "Brasilia"},
        {"Argentina", "Argentine", "Buenos Aires"}, {"Kenya", "Kenyan", "Nairobi"}, {"Egypt", "Egyptian", "Cairo"},
        {"Vietnam", "Vietnamese", "Hanoi"}, {"Germany", "German", "Berlin"}, {"France", "French", "Paris"},
        {"Mexico", "Mexican", "Mexico City"}, {"Georgia", "Georgian", "Tbilisi"}, {"Azerbaijan", "Azerbaijani", "Baku"},
        {"Iran", "Iranian", "Tehran"}, {"Poland", "Polish", "Warsaw"}, {"Nigeria", "Nigerian", "Abuja"}};
    private static final String[] AGENCIES = {"KAZINFORM", "BELTA", "Xinhua", "Reuters", "AP", "Trend", "PTI"};
    private static final String[] NAMES = {"Arman Seitkali", "Olga Barysava", "Rustam Aliyev", "Chen Weiming", "Maria Souza",
        "Kenji Watanabe", "Amina Odhiambo", "Lars Berglund", "Ravi Menon", "Nadia Haddad", "Jan Kowalczyk", "Emre Yilmaz"};
    private static final String[] OFFICES = {"President", "Foreign Minister", "Prime Minister", "Defence Minister", "Ambassador"};
    private static final String[] SENTENCES = {
        "%1$s and %2$s signed a memorandum on cooperation in agriculture and mechanical engineering on %7$s.",
        "The %3$s %5$s %6$s held talks with his %4$s counterpart in %9$s, the ministry said.",
        "%1$s will host the next meeting of the intergovernmental commission with %2$s next year.",
        "Bilateral trade between %1$s and %2$s grew by %8$d percent last year, according to customs data.",
        "%1$s accused %2$s of violating the ceasefire along the border and summoned its ambassador.",
        "The two countries plan to launch a joint venture to assemble tractors and trucks.",
        "%9$s said it would impose sanctions on %4$s banks if the talks failed.",
        "Officials from %1$s did not sign the agreement on transit, which was postponed until further notice.",
        "%3$s troops and border guards held joint exercises near the frontier, the defence ministry said.",
        "Protesters gathered outside the %4$s embassy in %9$s to denounce the decision.",
        "%1$s sent humanitarian aid, including medicines and food, to %2$s after the floods.",
        "Students from %1$s will study at universities in %2$s under a new exchange programme.",
        "The delegation visited an industrial park and discussed investment in energy and logistics projects.",
        "%5$s %6$s praised the level of relations and thanked %2$s for its support.",
        "%2$s rejected the proposal and demanded the release of the detained crew.",
        "Markets closed higher on %7$s as investors weighed the outlook for oil prices.",
        "Leaders of %1$s, %2$s, %10$s and %11$s attended the regional summit in %9$s.",
        "The ministry noted that %8$d companies with %3$s capital operate in the region."};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

    private BenchCorpus() {}

    public static List<RawStory> generate(int count, long seed) {
        Random random = new Random(seed);
        List<RawStory> stories = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            String[] a = COUNTRIES[random.nextInt(COUNTRIES.length)];
            String[] b = COUNTRIES[random.nextInt(COUNTRIES.length)];
            String[] c = COUNTRIES[random.nextInt(COUNTRIES.length)];
            String[] d = COUNTRIES[random.nextInt(COUNTRIES.length)];
            if (a == b) {
                b = COUNTRIES[(random.nextInt(COUNTRIES.length - 1) + 1 + indexOf(a)) % COUNTRIES.length];
            }
            int target = 1000 + random.nextInt(5000);
            StringBuilder text = new StringBuilder(target + 300);
            // dated within one year, as a live feed is: older dates would fall out of the daily windows' grace
            text.append(" date 2024-0").append(1 + random.nextInt(9)).append("-1").append(random.nextInt(10))
                    .append(' ').append(a[2].toUpperCase()).append(". ")
                    .append(AGENCIES[random.nextInt(AGENCIES.length)]).append(" - ");
            while (text.length() < target) {
                String template = SENTENCES[random.nextInt(SENTENCES.length)];
                text.append(String.format(template, a[0], b[0], a[1], b[1], OFFICES[random.nextInt(OFFICES.length)],
                        NAMES[random.nextInt(NAMES.length)], DAYS[random.nextInt(DAYS.length)], 2 + random.nextInt(60), b[2],
                        c[0], d[0]));
                text.append(random.nextInt(4) == 0 ? "\n\n" : " ");
            }
            stories.add(RawStory.plainText("bench-" + n, text.toString()));
        }
        return stories;
    }

    /** Our hand-written wire stories, as the input topic would carry them. */
    public static List<RawStory> ownStories() {
        try (InputStream in = BenchCorpus.class.getResourceAsStream(OWN_STORIES)) {
            if (in == null) {
                throw new IllegalStateException(OWN_STORIES + " is not on the class path: build with `mvn package`");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), OWN_STORIES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stories of a JSON Lines file: each line a story as the input topic carries it (a JSON envelope,
     * see the README), or an object whose {@code input} field is one (the format of the labelled corpora).
     */
    public static List<RawStory> read(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        }
    }

    private static List<RawStory> parse(BufferedReader reader, String source) throws IOException {
        StoryParser parser = new StoryParser(StoryParser.DEFAULT_MAX_STORY_BYTES);
        List<RawStory> stories = new ArrayList<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = Json.MAPPER.readTree(line);
                JsonNode story = node.has("input") ? node.get("input") : node;
                stories.add(parser.parse(null, Json.MAPPER.writeValueAsBytes(story)));
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(source + " line " + lineNumber + ": not a story: " + e.getMessage(), e);
            }
        }
        if (stories.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no stories");
        }
        return stories;
    }

    private static int indexOf(String[] country) {
        for (int i = 0; i < COUNTRIES.length; i++) {
            if (COUNTRIES[i] == country) {
                return i;
            }
        }
        return 0;
    }
}

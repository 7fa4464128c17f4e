package io.dyadstream.app;

import io.dyadstream.model.RawStory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates wire-like stories of our own for benchmarks: a dateline, then sentences drawn from
 * templates over a mix of countries, offices, event types and sectors, 1-6 KB each. Seeded, so a
 * run is repeatable.
 */
public final class BenchCorpus {

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

    private static int indexOf(String[] country) {
        for (int i = 0; i < COUNTRIES.length; i++) {
            if (COUNTRIES[i] == country) {
                return i;
            }
        }
        return 0;
    }
}

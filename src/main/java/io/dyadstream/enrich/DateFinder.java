package io.dyadstream.enrich;

import io.dyadstream.enrich.SentenceSplitter.Sentence;
import io.dyadstream.model.EntityType;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds dates and resolves them against the story's date: "July 1", "1 July 2021", "2003",
 * "on Monday" (the last Monday on or before the story's date), "next year", "last month".
 * A date that cannot be resolved (no story date) keeps the form it can: a year, or nothing.
 */
final class DateFinder {

    private static final Map<String, Month> MONTHS = Map.ofEntries(
            Map.entry("january", Month.JANUARY), Map.entry("jan", Month.JANUARY), Map.entry("february", Month.FEBRUARY),
            Map.entry("feb", Month.FEBRUARY), Map.entry("march", Month.MARCH), Map.entry("mar", Month.MARCH),
            Map.entry("april", Month.APRIL), Map.entry("apr", Month.APRIL), Map.entry("may", Month.MAY), Map.entry("june", Month.JUNE),
            Map.entry("jun", Month.JUNE), Map.entry("july", Month.JULY), Map.entry("jul", Month.JULY), Map.entry("august", Month.AUGUST),
            Map.entry("aug", Month.AUGUST), Map.entry("september", Month.SEPTEMBER), Map.entry("sept", Month.SEPTEMBER),
            Map.entry("sep", Month.SEPTEMBER), Map.entry("october", Month.OCTOBER), Map.entry("oct", Month.OCTOBER),
            Map.entry("november", Month.NOVEMBER), Map.entry("nov", Month.NOVEMBER), Map.entry("december", Month.DECEMBER),
            Map.entry("dec", Month.DECEMBER));
    /** Relative dates: "next year", "last month", "this year", "yesterday", "today". */
    private static final Set<String> RELATIVE = Set.of("next", "last", "this", "yesterday", "today");
    /** The words a date can start with other than a number: month and weekday names and relative words ({@link WordClass#DATE_START}). */
    static final Set<String> START_WORDS;
    private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("monday", DayOfWeek.MONDAY, "tuesday", DayOfWeek.TUESDAY,
            "wednesday", DayOfWeek.WEDNESDAY, "thursday", DayOfWeek.THURSDAY, "friday", DayOfWeek.FRIDAY, "saturday",
            DayOfWeek.SATURDAY, "sunday", DayOfWeek.SUNDAY);

    static {
        Set<String> start = new java.util.HashSet<>(MONTHS.keySet());
        start.addAll(WEEKDAYS.keySet());
        start.addAll(RELATIVE);
        START_WORDS = Set.copyOf(start);
    }

    private DateFinder() {}

    static void find(List<Token> tokens, StoryWords words, List<Sentence> sentences, LocalDate storyDate, List<Mention> out) {
        for (Sentence s : sentences) {
            int i = s.from();
            while (i < s.to()) {
                // a date starts with a number or a word of its own ("July", "Monday", "next"): others are passed over unread
                int next = words.number(i) || words.in(i, WordClass.DATE_START) ? matchAt(tokens, i, s, storyDate, out) : i;
                i = next > i ? next : i + 1;
            }
        }
    }

    private static int matchAt(List<Token> tokens, int i, Sentence s, LocalDate ref, List<Mention> out) {
        Token t = tokens.get(i);
        Month month = t.isCapitalized() ? MONTHS.get(t.norm()) : null;
        int j = i + 1;
        if (j < s.to() && tokens.get(j).is(".")) {
            j++;
        }
        if (month != null && j < s.to() && isDay(tokens.get(j))) { // July 1, July 1, 2021
            int day = Integer.parseInt(tokens.get(j).text());
            int end = j + 1;
            Integer year = null;
            if (end + 1 < s.to() && tokens.get(end).is(",") && isYear(tokens.get(end + 1))) {
                year = Integer.parseInt(tokens.get(end + 1).text());
                end += 2;
            }
            return add(tokens, i, end, s, date(year, month, day, ref), out);
        }
        if (isDay(t) && i + 1 < s.to() && tokens.get(i + 1).isCapitalized() && MONTHS.containsKey(tokens.get(i + 1).norm())) {
            int end = i + 2;
            Integer year = null;
            if (end < s.to() && isYear(tokens.get(end))) {
                year = Integer.parseInt(tokens.get(end).text());
                end++;
            }
            return add(tokens, i, end, s, date(year, MONTHS.get(tokens.get(i + 1).norm()), Integer.parseInt(t.text()), ref), out);
        }
        if (month != null && i + 1 < s.to() && isYear(tokens.get(i + 1))) { // May 2021
            return add(tokens, i, i + 2, s, tokens.get(i + 1).text() + "-" + twoDigits(month.getValue()), out);
        }
        if (isYear(t) && i > s.from() && (tokens.get(i - 1).is("in") || tokens.get(i - 1).is("since") || tokens.get(i - 1).is("until")
                || tokens.get(i - 1).is("by"))) {
            return add(tokens, i, i + 1, s, t.text(), out);
        }
        DayOfWeek weekday = t.isCapitalized() ? WEEKDAYS.get(t.norm()) : null;
        if (weekday != null) {
            String iso = ref == null ? null : iso(ref.with(TemporalAdjusters.previousOrSame(weekday)));
            return add(tokens, i, i + 1, s, iso, out);
        }
        if ((t.is("next") || t.is("last") || t.is("this")) && i + 1 < s.to()) {
            String unit = tokens.get(i + 1).norm();
            int delta = t.is("next") ? 1 : t.is("last") ? -1 : 0;
            if (unit.equals("year") && ref != null) {
                return add(tokens, i, i + 2, s, String.valueOf(ref.getYear() + delta), out);
            }
            if (unit.equals("month") && ref != null) {
                LocalDate m = ref.plusMonths(delta);
                return add(tokens, i, i + 2, s, m.getYear() + "-" + twoDigits(m.getMonthValue()), out);
            }
        }
        if ((t.is("yesterday") || t.is("today")) && ref != null) {
            return add(tokens, i, i + 1, s, iso(t.is("today") ? ref : ref.minusDays(1)), out);
        }
        return i;
    }

    private static String date(Integer year, Month month, int day, LocalDate ref) {
        if (day < 1 || day > month.maxLength()) {
            return null;
        }
        int y;
        if (year != null) {
            y = year;
        } else if (ref != null) {
            // a month-day without a year is the nearest such day around the story's date
            y = ref.getYear();
            if (month.getValue() - ref.getMonthValue() > 6) {
                y--;
            } else if (ref.getMonthValue() - month.getValue() > 6) {
                y++;
            }
        } else {
            return null;
        }
        if (month == Month.FEBRUARY && day == 29 && !java.time.Year.isLeap(y)) {
            return null;
        }
        return iso(y, month.getValue(), day);
    }

    private static String iso(LocalDate date) {
        return iso(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** The ISO form of a valid date, as {@link LocalDate#toString()} writes it, without its StringBuilder for 4-digit years. */
    static String iso(int year, int month, int day) {
        if (year < 1000 || year > 9999) {
            return LocalDate.of(year, month, day).toString();
        }
        char[] c = {(char) ('0' + year / 1000), (char) ('0' + year / 100 % 10), (char) ('0' + year / 10 % 10),
            (char) ('0' + year % 10), '-', (char) ('0' + month / 10), (char) ('0' + month % 10), '-', (char) ('0' + day / 10),
            (char) ('0' + day % 10)};
        return new String(c);
    }

    private static boolean isDay(Token t) {
        if (t.kind() != Token.Kind.NUMBER || t.text().length() > 2 || !isDigits(t.text())) {
            return false;
        }
        int day = Integer.parseInt(t.text());
        return day >= 1 && day <= 31;
    }

    private static boolean isYear(Token t) {
        if (t.kind() != Token.Kind.NUMBER || t.text().length() != 4 || !isDigits(t.text())) {
            return false;
        }
        int y = Integer.parseInt(t.text());
        return y >= 1900 && y <= 2100;
    }

    /** {@code s.chars().allMatch(Character::isDigit)}. */
    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int add(List<Token> tokens, int from, int to, Sentence s, String iso, List<Mention> out) {
        if (iso == null) {
            return to;
        }
        StringBuilder text = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from && tokens.get(k).start() > tokens.get(k - 1).end()) {
                text.append(' ');
            }
            text.append(tokens.get(k).text());
        }
        out.add(new Mention(EntityType.DATE, from, to, s.index(), text.toString(), iso, null, Mention.Via.NONE, false, null, null));
        return to;
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}

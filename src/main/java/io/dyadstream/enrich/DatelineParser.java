package io.dyadstream.enrich;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the head of a wire story: an optional leading date line ({@code date 2016-11-29}) and the
 * dateline in its common wire forms, which end where the story proper begins:
 * <pre>
 *   MINSK. KAZINFORM -            ISLAMABAD, July 1 (Xinhua) --      KHARTOUM (Reuters) -
 *   CARACAS, Venezuela, Aug. 25 (UPI) --   BAKU, 5 May 2021 / Trend /   ASTANA --
 * </pre>
 * Only the first few hundred characters are looked at.
 */
final class DatelineParser {

    /** What the head says: the date line's ISO date, the dateline city and agency as written, and where the story begins. */
    record Head(String date, String place, String qualifier, String agency, int bodyStart) {
        static final Head NONE = new Head(null, null, null, null, 0);
    }

    private static final int HEAD_CHARS = 300;
    private static final Pattern DATE_LINE = Pattern.compile("^\\s*date\\s+(\\d{4}-\\d{2}-\\d{2})\\s+");
    private static final String PLACE = "(?<place>\\p{Lu}[\\p{Lu}'’\\-]*(?: [\\p{Lu}'’\\-]+)*)";
    private static final String QUALIFIER = "(?:,\\s*(?<qualifier>\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+){0,2}))?";
    private static final String DAY = "(?:,\\s*(?:\\p{Lu}\\p{Ll}{2,8}\\.?\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+\\p{Lu}\\p{Ll}{2,8}(?:\\s+\\d{4})?))?";
    private static final String DASH = "\\s*[-–—]{1,2}\\s*";
    private static final Pattern DATELINE = Pattern.compile("^" + PLACE + QUALIFIER + DAY
            + "(?:"
            + "\\s*\\((?<agency1>[^()\\n]{2,40})\\)" + DASH
            + "|\\s*/\\s*(?<agency2>[^/\\n]{2,40}?)\\s*/\\s*"
            + "|\\.\\s+(?<agency3>[\\p{L}][\\p{L}\\d.&' ]{1,40}?)\\s+[-–—]{1,2}\\s+"
            + "|\\s+[-–—]{1,2}\\s+"
            + ")");

    private DatelineParser() {}

    static Head parse(String text) {
        String head = text.length() > HEAD_CHARS ? text.substring(0, HEAD_CHARS) : text;
        String date = null;
        int offset = 0;
        Matcher d = DATE_LINE.matcher(head);
        if (d.find()) {
            date = d.group(1);
            offset = d.end();
        } else {
            while (offset < head.length() && Character.isWhitespace(head.charAt(offset))) {
                offset++;
            }
        }
        Matcher m = DATELINE.matcher(head).region(offset, head.length());
        if (!m.lookingAt()) {
            return new Head(date, null, null, null, offset);
        }
        String place = m.group("place").strip();
        if (place.endsWith(".")) {
            place = place.substring(0, place.length() - 1);
        }
        String agency = firstNonNull(m.group("agency1"), m.group("agency2"), m.group("agency3"));
        return new Head(date, titleCase(place), m.group("qualifier"), agency == null ? null : agency.strip(), m.end());
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** "NEW DELHI" -> "New Delhi", "NUR-SULTAN" -> "Nur-Sultan". */
    static String titleCase(String upper) {
        StringBuilder out = new StringBuilder(upper.length());
        boolean start = true;
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetter(c) && c != '\'' && c != '’';
        }
        return out.toString();
    }
}

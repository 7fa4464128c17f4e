package io.dyadstream.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query string of a request, parsed and checked: only known parameters, each at most
 * {@value #MAX_LENGTH} characters, dates as ISO dates, country codes as three capital letters, pair keys
 * in the taxonomy's form (two codes in alphabetical order).
 */
final class QueryParameters {

    static final int MAX_LENGTH = 64;
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
    private static final Pattern PAIR = Pattern.compile("([A-Z]{3})-([A-Z]{3})");
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._:\\-]{1,256}");

    private final Map<String, String> values = new HashMap<>();

    QueryParameters(String rawQuery, Set<String> allowed) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = decode(eq < 0 ? part : part.substring(0, eq));
            String value = eq < 0 ? "" : decode(part.substring(eq + 1));
            if (!allowed.contains(name)) {
                throw ApiException.badRequest("unknown parameter '" + clip(name) + "'; this endpoint takes " + String.join(", ", allowed.stream().sorted().toList()));
            }
            if (value.length() > MAX_LENGTH) {
                throw ApiException.badRequest("parameter '" + name + "' is longer than " + MAX_LENGTH + " characters");
            }
            values.put(name, value);
        }
    }

    String get(String name) {
        return values.get(name);
    }

    boolean flag(String name) {
        return "true".equals(values.get(name));
    }

    /** Start of the day of {@code name} (UTC, ms), or the fallback when absent. */
    long dayStart(String name, long fallback) {
        String v = values.get(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("parameter '" + name + "' must be an ISO date like 2016-11-29, got '" + clip(v) + "'");
        }
    }

    int limit(int fallback, int max) {
        String v = values.get("limit");
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("parameter 'limit' must be a number from 1 to " + max + ", got '" + clip(v) + "'");
    }

    static String country(String v) {
        if (v == null || !CODE.matcher(v).matches()) {
            throw ApiException.badRequest("a country is an ISO 3166-1 alpha-3 code in capitals, like KAZ; got '" + clip(v) + "'");
        }
        return v;
    }

    static String pair(String v) {
        var m = v == null ? null : PAIR.matcher(v);
        if (m == null || !m.matches()) {
            throw ApiException.badRequest("a pair is two alpha-3 codes joined by '-', like BLR-KAZ; got '" + clip(v) + "'");
        }
        if (m.group(1).compareTo(m.group(2)) >= 0) {
            throw ApiException.badRequest("a pair's codes are in alphabetical order and differ: "
                    + (m.group(1).equals(m.group(2)) ? "a country never pairs with itself" : "use " + m.group(2) + "-" + m.group(1)));
        }
        return v;
    }

    static String storyId(String v) {
        if (v == null || !ID.matcher(v).matches()) {
            throw ApiException.badRequest("a story id is 1 to 256 letters, digits or . _ : -; got '" + clip(v) + "'");
        }
        return v;
    }

    /** At most 40 characters of caller input, for messages (the JSON writer escapes it). */
    static String clip(String v) {
        if (v == null) {
            return "";
        }
        return v.length() > 40 ? v.substring(0, 40) + "..." : v;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the query string is not properly %-encoded");
        }
    }
}

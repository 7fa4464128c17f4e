package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.dyadstream.enrich.DatelineParser.Head;
import org.junit.jupiter.api.Test;

class DatelineParserTest {

    private static void assertHead(String text, String date, String place, String qualifier, String agency, String bodyBegins) {
        Head h = DatelineParser.parse(text);
        assertEquals(date, h.date(), "date of " + text);
        assertEquals(place, h.place(), "place of " + text);
        assertEquals(qualifier, h.qualifier(), "qualifier of " + text);
        assertEquals(agency, h.agency(), "agency of " + text);
        assertEquals(text.indexOf(bodyBegins), h.bodyStart(), "bodyStart of " + text);
        assertEquals(bodyBegins, text.substring(h.bodyStart(), h.bodyStart() + bodyBegins.length()));
    }

    @Test
    void dateLineThenCityDotAgencyDash() {
        assertHead(" date 2016-11-29 MINSK. KAZINFORM - Belarus and Kazakhstan signed a roadmap.",
                "2016-11-29", "Minsk", null, "KAZINFORM", "Belarus and Kazakhstan");
    }

    @Test
    void cityMonthDayAgencyInParentheses() {
        assertHead("ISLAMABAD, July 1 (Xinhua) -- Pakistan welcomed the proposal.",
                null, "Islamabad", null, "Xinhua", "Pakistan welcomed");
    }

    @Test
    void cityAgencyInParenthesesSingleDash() {
        assertHead("KHARTOUM (Reuters) - Sudan recalled its envoy.", null, "Khartoum", null, "Reuters", "Sudan recalled");
    }

    @Test
    void cityCountryAbbreviatedMonthDayAgency() {
        assertHead("CARACAS, Venezuela, Aug. 25 (UPI) -- Venezuela and Colombia reopened the border.",
                null, "Caracas", "Venezuela", "UPI", "Venezuela and Colombia");
    }

    @Test
    void cityDayMonthYearAgencyBetweenSlashes() {
        assertHead("BAKU, 5 May 2021 / Trend / Azerbaijan and Georgia discussed transit.",
                null, "Baku", null, "Trend", "Azerbaijan and Georgia");
    }

    @Test
    void cityDoubleDash() {
        assertHead("ASTANA -- Kazakhstan hosted the summit.", null, "Astana", null, null, "Kazakhstan hosted");
    }

    @Test
    void twoWordCityDotAgencyDash() {
        assertHead("NEW DELHI. PTI - India and Nepal held talks.", null, "New Delhi", null, "PTI", "India and Nepal");
    }

    @Test
    void hyphenatedCityDotAgencyDash() {
        assertHead("NUR-SULTAN. KAZINFORM - The Kazakh President received the envoy.",
                null, "Nur-Sultan", null, "KAZINFORM", "The Kazakh President");
    }

    @Test
    void typographicDashesAreAccepted() {
        assertHead("ASTANA \u2014 Kazakhstan hosted the summit.", null, "Astana", null, null, "Kazakhstan hosted");
        assertHead("KHARTOUM (Reuters) \u2013 Sudan recalled its envoy.", null, "Khartoum", null, "Reuters", "Sudan recalled");
    }

    @Test
    void storyWithoutDatelineStartsAtFirstNonSpace() {
        String text = "  \n Kazakhstan and Belarus agreed to expand trade.";
        Head h = DatelineParser.parse(text);
        assertNull(h.place());
        assertNull(h.agency());
        assertNull(h.qualifier());
        assertNull(h.date());
        assertEquals(text.indexOf('K'), h.bodyStart());
    }

    @Test
    void storyWithoutDatelineOrLeadingSpaceStartsAtZero() {
        Head h = DatelineParser.parse("The ministers met in Minsk on Monday.");
        assertNull(h.place());
        assertEquals(0, h.bodyStart());
    }

    @Test
    void dateLineWithoutDatelineStartsAfterTheDateLine() {
        String text = "date 2016-11-29 Belarus and China signed a memorandum.";
        Head h = DatelineParser.parse(text);
        assertEquals("2016-11-29", h.date());
        assertNull(h.place());
        assertEquals(text.indexOf("Belarus"), h.bodyStart());
    }

    @Test
    void emptyTextHasNoHead() {
        Head h = DatelineParser.parse("");
        assertNull(h.place());
        assertNull(h.date());
        assertEquals(0, h.bodyStart());
    }

    @Test
    void titleCaseOfCityNames() {
        assertEquals("New Delhi", DatelineParser.titleCase("NEW DELHI"));
        assertEquals("Nur-Sultan", DatelineParser.titleCase("NUR-SULTAN"));
        assertEquals("Minsk", DatelineParser.titleCase("MINSK"));
    }
}

package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dyadstream.enrich.Gazetteer.Entry;
import io.dyadstream.enrich.Gazetteer.Kind;
import io.dyadstream.enrich.PhraseMatcher.Match;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private static Gazetteer gazetteer;
    private static long loadMillis;

    @BeforeAll
    static void load() {
        long t0 = System.nanoTime();
        gazetteer = Gazetteer.loadDefault();
        loadMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    /** The entries of the phrase when the whole phrase is one gazetteer name. */
    private static List<Entry> lookup(String phrase) {
        List<Token> tokens = Tokenizer.tokenize(phrase);
        Match<Entry> m = gazetteer.matcher().longestAt(tokens, 0, tokens.size());
        assertNotNull(m, "no gazetteer name at the start of \"" + phrase + "\"");
        assertEquals(tokens.size(), m.to(), "\"" + phrase + "\" matched only in part: " + m.values());
        return m.values();
    }

    private static void assertHas(String phrase, String code, Kind kind) {
        List<Entry> entries = lookup(phrase);
        assertTrue(entries.stream().anyMatch(e -> code.equals(e.code()) && e.kind() == kind),
                "\"" + phrase + "\": expected " + code + " " + kind + " among " + entries);
    }

    private static void assertHas(String phrase, String code) {
        List<Entry> entries = lookup(phrase);
        assertTrue(entries.stream().anyMatch(e -> code.equals(e.code())), "\"" + phrase + "\": expected " + code + " among " + entries);
    }

    @Test
    void loadsQuicklyAndIsLarge() {
        assertTrue(loadMillis < 2000, "loading took " + loadMillis + " ms (sanity bound 2000 ms)");
        assertTrue(gazetteer.size() > 50_000, "only " + gazetteer.size() + " names");
    }

    @Test
    void citiesAndRegions() {
        assertHas("Kokshetau", "KAZ", Kind.CITY);
        assertHas("Pavlodar Region", "KAZ", Kind.REGION);
        assertHas("Gomel", "BLR");
        assertHas("Gomel Oblast", "BLR", Kind.REGION);
        assertHas("Shandong Province", "CHN", Kind.REGION);
        assertHas("Bavaria", "DEU");
    }

    @Test
    void capitals() {
        assertHas("Astana", "KAZ");
        assertHas("Nur-Sultan", "KAZ");
        assertHas("Kyiv", "UKR");
    }

    @Test
    void demonyms() {
        assertHas("Belarusian", "BLR", Kind.DEMONYM);
        assertHas("Kazakh", "KAZ", Kind.DEMONYM);
        assertHas("Kazakhstani", "KAZ", Kind.DEMONYM);
        assertHas("Emirati", "ARE", Kind.DEMONYM);
    }

    @Test
    void seatsOfGovernment() {
        assertHas("Kremlin", "RUS", Kind.SEAT);
        assertHas("Akorda", "KAZ", Kind.SEAT);
    }

    @Test
    void countryNames() {
        assertHas("Turkey", "TUR", Kind.COUNTRY);
        assertHas("Britain", "GBR");
        assertHas("Kosovo", "XKX");
        assertHas("Taiwan", "TWN");
        assertHas("Palestine", "PSE");
        assertHas("Republic of Kazakhstan", "KAZ", Kind.COUNTRY);
    }

    @Test
    void matchingFoldsCaseAndAccents() {
        assertHas("T\u00fcrkiye", "TUR", Kind.COUNTRY);
        assertHas("KOKSHETAU", "KAZ", Kind.CITY);
    }

    @Test
    void countryCodeOfAnyForm() {
        assertEquals("BLR", gazetteer.countryCode("the Republic of Belarus"));
        assertEquals("BLR", gazetteer.countryCode("Belarus"));
        assertEquals("KAZ", gazetteer.countryCode("  Republic of Kazakhstan "));
        assertNull(gazetteer.countryCode("Atlantis"));
    }

    @Test
    void countryRecord() {
        Gazetteer.Country kaz = gazetteer.country("KAZ");
        assertNotNull(kaz);
        assertEquals("Kazakhstan", kaz.name());
        assertTrue(kaz.capitals().contains("Astana"), kaz.capitals().toString());
    }

    @Test
    void newsAgencyOrganisation() {
        Entry kazinform = gazetteer.organisation("KAZINFORM");
        assertNotNull(kazinform);
        assertEquals(Kind.ORG, kazinform.kind());
        assertEquals("AGENCY", kazinform.orgKind());
        assertEquals("KAZ", kazinform.code());
        assertEquals(kazinform, gazetteer.organisation("Kazinform"));
        assertNull(gazetteer.organisation("Atlantis News Service"));
    }

    @Test
    void anOfficialCountsOnlyInTheYearsOfTheTerm() {
        Entry obama = lookup("Obama").stream().filter(e -> e.kind() == Kind.OFFICIAL).findFirst().orElseThrow();
        assertEquals("USA", obama.code());
        assertTrue(gazetteer.inOffice(obama, 2009), "first year of the term");
        assertTrue(gazetteer.inOffice(obama, 2017), "last year of the term");
        assertTrue(!gazetteer.inOffice(obama, 2008) && !gazetteer.inOffice(obama, 2021), "outside the term");
        assertTrue(gazetteer.inOffice(obama, 0), "an undated story takes any term");
    }

    @Test
    void movementsAndArmedGroupsBelongToTheirCountry() {
        assertHas("Hamas", "PSE", Kind.ORG);
        assertHas("Hezbollah", "LBN", Kind.ORG);
        assertHas("Houthis", "YEM", Kind.ORG);
    }
}

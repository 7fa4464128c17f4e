package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.dyadstream.enrich.SentenceSplitter.Sentence;
import io.dyadstream.model.EntityType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateFinderTest {

    /** 2016-11-29 is a Tuesday. */
    private static final LocalDate STORY_DATE = LocalDate.of(2016, 11, 29);

    private static List<Mention> find(String text, LocalDate storyDate) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<Sentence> sentences = SentenceSplitter.split(text, tokens);
        List<Mention> out = new ArrayList<>();
        DateFinder.find(tokens, new Vocabulary().lookUp(tokens), sentences, storyDate, out);
        for (Mention m : out) {
            assertEquals(EntityType.DATE, m.type());
        }
        return out;
    }

    private static List<String> names(String text, LocalDate storyDate) {
        return find(text, storyDate).stream().map(Mention::name).toList();
    }

    @Test
    void storyDateIsATuesday() {
        assertEquals(java.time.DayOfWeek.TUESDAY, STORY_DATE.getDayOfWeek());
    }

    @Test
    void weekdayIsTheLastSuchDayOnOrBeforeTheStoryDate() {
        assertEquals(List.of("2016-11-28"), names("The ministers met on Monday in Minsk.", STORY_DATE));
        assertEquals(List.of("2016-11-29"), names("The ministers met on Tuesday in Minsk.", STORY_DATE));
        assertEquals(List.of("2016-11-23"), names("The ministers met on Wednesday in Minsk.", STORY_DATE));
    }

    @Test
    void monthDayInTheSameHalfYearKeepsTheStoryYear() {
        assertEquals(List.of("2016-07-01"), names("The agreement took effect on July 1 this summer.", STORY_DATE));
    }

    @Test
    void monthDayTakesTheNearestYear() {
        assertEquals(List.of("2017-01-05"), names("The envoy will arrive on January 5 for talks.", STORY_DATE));
    }

    @Test
    void dayMonthYear() {
        assertEquals(List.of("2021-07-01"), names("The treaty was signed on 1 July 2021 in Baku.", STORY_DATE));
    }

    @Test
    void monthDayCommaYear() {
        assertEquals(List.of("2024-05-21"), names("The summit opens on May 21, 2024 in Astana.", STORY_DATE));
    }

    @Test
    void yearAfterPreposition() {
        assertEquals(List.of("2003"), names("Relations were established in 2003 after long talks.", STORY_DATE));
    }

    @Test
    void bareNumberIsNotAYear() {
        assertEquals(List.of(), names("About 2003 tonnes of grain were shipped.", STORY_DATE));
    }

    @Test
    void nextYearAndLastMonth() {
        assertEquals(List.of("2017"), names("The plant will open next year near Pavlodar.", STORY_DATE));
        assertEquals(List.of("2016-10"), names("Trade rose last month as tariffs fell.", STORY_DATE));
    }

    @Test
    void withoutStoryDateOnlyAbsoluteYearsRemain() {
        assertEquals(List.of(), names("The agreement took effect on July 1 this summer.", null));
        assertEquals(List.of("2003"), names("Relations were established in 2003 after long talks.", null));
        assertEquals(List.of(), names("The ministers met on Monday and will meet again next year.", null));
    }

    @Test
    void mentionsCarryTokenSpanSentenceAndText() {
        String text = "Officials met in Minsk. The deal was signed on 1 July 2021 in Baku.";
        List<Token> tokens = Tokenizer.tokenize(text);
        List<Mention> mentions = find(text, STORY_DATE);
        assertEquals(1, mentions.size());
        Mention m = mentions.get(0);
        assertEquals("1 July 2021", m.text());
        assertEquals(1, m.sentence());
        assertEquals("1", tokens.get(m.from()).text());
        assertEquals("2021", tokens.get(m.to() - 1).text());
    }

    @Test
    void severalDatesInOneStory() {
        assertEquals(List.of("2016-11-28", "2016-07-01", "2017"),
                names("Talks resumed on Monday. A first round ended on July 1. A treaty is due next year.", STORY_DATE));
    }

    @Test
    void isoFormIsLocalDatesOwn() {
        for (LocalDate d = LocalDate.of(999, 12, 25); d.isBefore(LocalDate.of(1001, 1, 10)); d = d.plusDays(1)) {
            assertEquals(d.toString(), DateFinder.iso(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
        }
        for (LocalDate d = LocalDate.of(1999, 12, 1); d.isBefore(LocalDate.of(2001, 3, 1)); d = d.plusDays(1)) {
            assertEquals(d.toString(), DateFinder.iso(d.getYear(), d.getMonthValue(), d.getDayOfMonth()));
        }
        assertEquals("+10000-01-01", DateFinder.iso(10000, 1, 1));
    }
}

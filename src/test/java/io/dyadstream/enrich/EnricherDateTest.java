package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Enricher#parseDate} is {@link LocalDate#parse} with a shortcut. */
class EnricherDateTest {

    @Test
    void validDatesAsLocalDateParse() {
        for (LocalDate d = LocalDate.of(1999, 1, 1); d.getYear() < 2002; d = d.plusDays(1)) {
            assertEquals(LocalDate.parse(d.toString()), Enricher.parseDate(d.toString()));
        }
        assertEquals(LocalDate.parse("0000-02-29"), Enricher.parseDate("0000-02-29"));
        assertEquals(LocalDate.parse("+12345-01-01"), Enricher.parseDate("+12345-01-01"));
    }

    @Test
    void invalidDatesFailAsLocalDateParse() {
        for (String bad : List.of("2021-02-29", "2021-13-01", "2021-00-10", "2021-04-31", "2021-1-01", "20210101", "2021/01/01",
                "2021-01-0\u0661", "")) {
            DateTimeParseException expected = assertThrows(DateTimeParseException.class, () -> LocalDate.parse(bad));
            DateTimeParseException actual = assertThrows(DateTimeParseException.class, () -> Enricher.parseDate(bad), bad);
            assertEquals(expected.getMessage(), actual.getMessage(), bad);
        }
    }
}

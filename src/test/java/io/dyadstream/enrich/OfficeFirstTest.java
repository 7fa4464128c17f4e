package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.dyadstream.model.EnrichedStory;
import io.dyadstream.model.RawStory;
import org.junit.jupiter.api.Test;

/** A story whose very first word is an office title (no dateline) is enriched, not refused with an exception. */
class OfficeFirstTest {

    @Test
    void anOfficeAsTheFirstWordIsRead() {
        EnrichedStory story = Enricher.withDefaults().enrich(RawStory.plainText("o-1",
                "President Yoweri Museveni met Kenyan President William Ruto in Kampala to discuss the oil pipeline."));
        assertTrue(story.entities().stream().anyMatch(e -> e.name().equals("Yoweri Museveni")), story.entities().toString());
    }
}

package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class WordListsTest {

    @Test
    void everyListOfTheFileIsOneARuleAsksFor() {
        Enricher.withDefaults(); // loads the rules' classes, which ask for their lists
        assertEquals(Set.of(), WordLists.notAskedFor(), "lists in " + WordLists.RESOURCE + " that no rule uses (misspelt?)");
    }

    @Test
    void aListHoldsItsWordsInNormalForm() {
        assertTrue(WordLists.get("speech").contains("said"));
        assertTrue(WordLists.get("exiles").contains("emigres"), "written émigrés in the file");
        assertTrue(WordLists.get("state-bodies").contains("consulate-general"));
        for (String name : WordLists.names()) {
            for (String w : WordLists.get(name)) {
                assertEquals(Tokenizer.normalize(w), w, name + ": '" + w + "' is not in normal form, so no token would match it");
            }
        }
    }

    @Test
    void aListNoFileHasIsAnErrorThatNamesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WordLists.get("no-such-list"));
        assertTrue(e.getMessage().contains("no-such-list") && e.getMessage().contains(WordLists.RESOURCE), e.getMessage());
    }
}

package io.dyadstream.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tokenizing with a vocabulary gives the same tokens as without, and the same words as looking them up after. */
class TokenizerVocabularyTest {

    private static final List<String> TEXTS = List.of(
            "Kazakh President Kassym-Jomart Tokayev held talks with Belarus's Foreign Minister in Minsk.",
            "The U.S. and the U.A.E. signed a memorandum; PAKISTAN'S envoy was summoned.",
            "T\u00fcrkiye and C\u00f4te d\u2019Ivoire agreed on 1,546 tonnes (46.6 percent) in the 1990s.",
            "according to Agenda.ge, O'Brien visited Astana.kz \u2014 \"talks\" were called off!",
            "  \n\t\u00a0\ufeff detained DETAINED Detaining ramming allies ships' crews 20th \u2018quoted\u2019 \ud835\udc00 x",
            // words no lexicon holds, some with a stem that one does: the vocabulary's shortcuts for them
            "Qatar's emir Tamim bin Hamad praised Kyrgyzstan; Zzyzx shelled, bombarded, bombards, rebuffed, hurried, studies, "
                    + "ZZ Top, xylophones, Oslo-based, 'quoted', U.N.-brokered deals and eco-friendly ships: 46.6% of 1,546 Ll. Mt. Gen. D.C.",
            "Students from Uzbekistan will study at universities in China under a new exchange programme. China rejected the "
                    + "proposal and demanded the release of the detained crew. Foreign Minister Nadia Haddad praised the level of "
                    + "relations and thanked China for its support. Protesters gathered outside the Chinese embassy in Beijing.");

    @Test
    void sameTokensAndWords() {
        Lexicons lex = Lexicons.loadDefault();
        for (String text : TEXTS) {
            List<Token> plain = Tokenizer.tokenize(text);
            Tokenizer.Tokenized withWords = Tokenizer.tokenize(text, lex.vocabulary());
            assertEquals(plain, withWords.tokens(), text);
            StoryWords looked = lex.vocabulary().lookUp(plain);
            StoryWords made = withWords.words();
            assertEquals(looked.size(), made.size(), text);
            for (int i = 0; i < plain.size(); i++) {
                String at = text + " @ " + plain.get(i);
                assertEquals(looked.keys(lex.vocabulary(), false)[i], made.keys(lex.vocabulary(), false)[i], at);
                assertEquals(looked.keys(lex.vocabulary(), true)[i], made.keys(lex.vocabulary(), true)[i], at);
                assertEquals(looked.capitalized(i), made.capitalized(i), at);
                assertEquals(looked.number(i), made.number(i), at);
                for (WordClass c : WordClass.values()) {
                    assertEquals(looked.in(i, c), made.in(i, c), at + " " + c);
                }
            }
        }
    }
}

package io.dyadstream.enrich;

import io.dyadstream.enrich.SentenceSplitter.Sentence;
import io.dyadstream.model.Dateline;
import io.dyadstream.model.EnrichedStory;
import io.dyadstream.model.Entity;
import io.dyadstream.model.EntityType;
import io.dyadstream.model.PairRelation;
import io.dyadstream.model.RawStory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a story into an {@link EnrichedStory}: head (date line, dateline, agency, credits), entities,
 * and the country pairs with their tags. Pure and thread-safe: the topology and the offline
 * {@code enrich} command call the same {@link #enrich(byte[], byte[])}.
 */
public final class Enricher {

    private final StoryParser parser;
    private final Lexicons lex;
    private final EntityExtractor entityExtractor;
    private final RelationTagger relationTagger;

    public Enricher(Lexicons lexicons, int maxStoryBytes) {
        this.parser = new StoryParser(maxStoryBytes);
        this.lex = lexicons;
        this.entityExtractor = new EntityExtractor(lexicons);
        this.relationTagger = new RelationTagger(lexicons);
    }

    /** An enricher with the bundled gazetteer and lexicons and the default story size limit. */
    public static Enricher withDefaults() {
        return new Enricher(Lexicons.loadDefault(), StoryParser.DEFAULT_MAX_STORY_BYTES);
    }

    /** Parses and enriches one input record; throws {@link InvalidStoryException} for a record that is no story. */
    public EnrichedStory enrich(byte[] key, byte[] value) {
        return enrich(parser.parse(key, value));
    }

    public EnrichedStory enrich(RawStory raw) {
        String text = raw.body();
        DatelineParser.Head head = DatelineParser.parse(text);
        String published = firstNonNull(isoDate(raw.published()), head.date());
        LocalDate storyDate = published == null ? null : parseDate(published);

        Tokenizer.Tokenized tokenized = Tokenizer.tokenize(text, lex.vocabulary());
        List<Token> tokens = tokenized.tokens();
        int firstBodyToken = 0;
        while (firstBodyToken < tokens.size() && tokens.get(firstBodyToken).start() < head.bodyStart()) {
            firstBodyToken++;
        }
        StoryWords words = tokenized.words();
        List<Sentence> sentences = SentenceSplitter.split(text, tokens, firstBodyToken);
        RoleMatches roles = new RoleMatches(lex.roles().matcher(), words, sentences);
        List<Mention> mentions = entityExtractor.extract(tokens, words, sentences, roles, storyDate == null ? 0 : storyDate.getYear());
        DateFinder.find(tokens, words, sentences, storyDate, mentions);
        List<PairRelation> pairs = relationTagger.tag(text, tokens, words, sentences, roles, mentions);

        String agency = agencyName(head.agency());
        Dateline dateline = head.place() == null ? null : new Dateline(head.place(), placeCountry(head));
        List<Entity> entities = new ArrayList<>();
        if (head.place() != null) {
            int start = text.substring(0, head.bodyStart()).toUpperCase(java.util.Locale.ROOT)
                    .indexOf(head.place().toUpperCase(java.util.Locale.ROOT));
            entities.add(new Entity(EntityType.LOCATION, text.substring(start, start + head.place().length()), head.place(), null,
                    dateline.country(), null, start, start + head.place().length()));
        }
        if (head.agency() != null) {
            int start = text.indexOf(head.agency());
            entities.add(new Entity(EntityType.ORG, head.agency(), agencyAsWritten(head.agency(), agency), null,
                    gazetteerCountry(head.agency()), null, start, start + head.agency().length()));
        }
        Set<String> credits = new LinkedHashSet<>();
        for (Mention m : mentions) {
            int start = tokens.get(m.from()).start();
            int end = tokens.get(m.to() - 1).end();
            boolean country = m.type() == EntityType.COUNTRY;
            entities.add(new Entity(m.type(), text.substring(start, end), m.name(), country ? m.country() : null,
                    country ? null : m.country(), m.office(), start, end));
            Gazetteer.Entry org = m.type() == EntityType.ORG ? lex.gazetteer().organisation(m.name()) : null;
            if (org != null && "AGENCY".equals(org.orgKind()) && !org.name().equals(agency)) {
                credits.add(org.name());
            }
        }
        return new EnrichedStory(EnrichedStory.SCHEMA, raw.id(), raw.headline(), published, dateline,
                agency != null ? agency : raw.source(), new ArrayList<>(credits), raw.source(), raw.url(), raw.lang(), text,
                entities, pairs);
    }

    private String agencyName(String asWritten) {
        if (asWritten == null) {
            return null;
        }
        Gazetteer.Entry org = lex.gazetteer().organisation(asWritten);
        if (org != null) {
            return org.name();
        }
        boolean upper = asWritten.chars().noneMatch(Character::isLowerCase);
        return upper && asWritten.length() > 5 ? DatelineParser.titleCase(asWritten) : asWritten;
    }

    /**
     * The dateline agency's entity name: as written (taxonomy section 5), "AFP" stays "AFP"; only a name the gazetteer knows
     * in other letter case takes the gazetteer's case ("KAZINFORM" is "Kazinform").
     */
    private static String agencyAsWritten(String written, String known) {
        return known.equalsIgnoreCase(written) ? known : written;
    }

    private String gazetteerCountry(String orgName) {
        Gazetteer.Entry org = lex.gazetteer().organisation(orgName);
        return org == null ? null : org.code();
    }

    private String placeCountry(DatelineParser.Head head) {
        if (head.qualifier() != null) {
            String code = lex.gazetteer().countryCode(head.qualifier());
            if (code != null) {
                return code;
            }
        }
        List<Token> tokens = Tokenizer.tokenize(head.place());
        PhraseMatcher.Match<Gazetteer.Entry> m = lex.gazetteer().matcher().longestAt(tokens, 0, tokens.size());
        if (m == null || m.to() != tokens.size()) {
            return null;
        }
        Gazetteer.Entry best = null;
        for (Gazetteer.Entry e : m.values()) {
            if (e.code() != null && (best == null || e.kind() == Gazetteer.Kind.CAPITAL
                    || (best.kind() != Gazetteer.Kind.CAPITAL && e.population() > best.population()))) {
                best = e;
            }
        }
        return best == null ? null : best.code();
    }

    /** "2021-05-05", "2021-05-05T10:00:00Z" -> "2021-05-05"; anything else -> null. */
    static String isoDate(String published) {
        if (published == null || published.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(published.strip().substring(0, 10)).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code LocalDate.parse(iso)}, with a shortcut for the plain "yyyy-MM-dd" of a valid date (the
     * formatter's general parse costs as much as a sentence's worth of extraction). Anything else,
     * and any invalid date, goes to {@code LocalDate.parse}, which gives its usual result or error.
     */
    static LocalDate parseDate(String iso) {
        if (iso.length() == 10 && iso.charAt(4) == '-' && iso.charAt(7) == '-') {
            int year = digits(iso, 0, 4);
            int month = digits(iso, 5, 7);
            int day = digits(iso, 8, 10);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(iso);
    }

    /** The number written in ASCII digits in {@code s[from, to)}, or -1. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = 10 * n + (c - '0');
        }
        return n;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}

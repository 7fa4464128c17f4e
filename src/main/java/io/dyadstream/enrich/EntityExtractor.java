package io.dyadstream.enrich;

import io.dyadstream.enrich.CueLexicon.Cue;
import io.dyadstream.enrich.Gazetteer.Entry;
import io.dyadstream.enrich.Gazetteer.Kind;
import io.dyadstream.enrich.Mention.Via;
import io.dyadstream.enrich.PhraseMatcher.Match;
import io.dyadstream.enrich.SentenceSplitter.Sentence;
import io.dyadstream.model.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the countries, persons, organisations and places a story mentions, and which country each
 * belongs to (taxonomy sections 1 and 5). Rules, in order: gazetteer names with ambiguity resolved by
 * case, context and the countries the story already names; persons by their office or by how they
 * are introduced; organisations by their head noun; places by their place noun. Every rule is
 * written down in docs/extraction.md.
 */
final class EntityExtractor {

    static final Set<String> FEATURES = WordLists.get("features");
    static final Set<String> MISSIONS = WordLists.get("missions");
    static final Set<String> LOCATIVE = Set.of("in", "at", "near", "inside", "outside", "within", "throughout", "across", "around");
    static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "this", "that", "these", "those", "on", "in", "at",
            "of", "for", "and", "or", "but", "to", "by", "with", "from", "as", "its", "his", "her", "their", "our", "it", "he", "she",
            "they", "we", "i", "both", "after", "before", "when", "while", "if", "during", "since", "last", "meanwhile", "however",
            "also", "speaking", "according", "earlier", "later", "then", "there", "here", "under", "over", "about", "among");
    static final Set<String> GOVERNING_PREPOSITIONS = Set.of("of", "to", "in", "from", "with", "for", "at");
    /** A country's missions and ministries, organisations also when written in lower case ("the Iranian embassy"). */
    static final Set<String> STATE_BODIES = WordLists.get("state-bodies");
    private static Set<String> givenNames() {
        Set<String> names = new java.util.HashSet<>();
        Gazetteer.read("gazetteer/given-names.tsv", row -> {
            String name = Tokenizer.normalize(row[0].strip());
            if (name.chars().allMatch(Character::isLetter)) { // a hyphenated name is two tokens; its parts may be names on their own
                names.add(name);
            }
        });
        return Set.copyOf(names);
    }

    static final Set<String> NAME_PARTICLES = Set.of("bin", "bint", "al", "el", "de", "da", "di", "do", "dos", "das", "du",
            "van", "von", "der", "den", "la", "le", "ibn", "abu", "y", "zu");
    static final Set<String> CALENDAR = Set.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");
    /** Given names in Latin script (gazetteer/given-names.tsv), in normal form: "Penelope Cruz" is a person. */
    static final Set<String> GIVEN_NAMES = givenNames();
    private static final Set<String> BORDERS = WordLists.get("borders");
    /** Prepositions that put something at a border, not across it. */
    private static final Set<String> AT_A_BORDER = Set.of("on", "along", "near", "at", "in");
    private static final Set<String> ERA_PREFIXES = WordLists.get("era-prefixes");
    private static final Set<String> ERA_NOUNS = WordLists.get("era-nouns");
    static final Set<String> SPEECH = WordLists.get("speech");
    /**
     * Words from which an organisation's name is a name without the country that owns it: "China's Ministry of Commerce"
     * is the Ministry of Commerce, "Pakistan's Foreign Ministry" keeps its country.
     */
    private static final int FULL_NAME_WORDS = 3;
    private static final Set<String> PATRON_PARTICIPLES = WordLists.get("patron-participles");
    private static final Set<String> PATRON_NOUNS = WordLists.get("patron-nouns");
    /** Words of a part of a place ("Western Cambodia"): no given name. */
    private static final Set<String> COMPASS = WordLists.get("compass");

    /** Mentions in text order, the longer first where two start together. */
    private static final Comparator<Mention> BY_POSITION = (a, b) -> a.from() != b.from() ? Integer.compare(a.from(), b.from())
            : Integer.compare(b.to(), a.to());

    private final Lexicons lex;
    /** The bits of the role labels the rules ask about ({@link CueLexicon#labelBit}). */
    private final long office;
    private final long envoy;
    private final long govNoun;
    private final long orgHead;
    private final long placeNoun;
    private final long portfolio;

    EntityExtractor(Lexicons lexicons) {
        this.lex = lexicons;
        CueLexicon roles = lexicons.roles();
        this.office = roles.labelBit("OFFICE");
        this.envoy = roles.labelBit("ENVOY");
        this.govNoun = roles.labelBit("GOV_NOUN");
        this.orgHead = roles.labelBit("ORG_HEAD");
        this.placeNoun = roles.labelBit("PLACE_NOUN");
        this.portfolio = roles.labelBit("PORTFOLIO");
    }

    /**
     * A story's mentions, ordered by position. {@code storyYear} (0 if unknown) decides which officials
     * a name can be: only those in office that year.
     */
    List<Mention> extract(List<Token> tokens, StoryWords words, List<Sentence> sentences, RoleMatches roles, int storyYear) {
        StoryScan scan = new StoryScan(tokens, words, sentences, roles, storyYear);
        scan.gazetteerHits();
        scan.resolvePlaces();
        scan.persons();
        scan.organisations();
        scan.placesByNoun();
        scan.features();
        scan.halvesByCompass();
        scan.currencies();
        scan.placesInNames();
        scan.dropRemoved();
        scan.mentions.sort(BY_POSITION);
        return scan.mentions;
    }

    /** The work on one story; holds what has been found so far. */
    private final class StoryScan {
        final List<Token> tokens;
        final StoryWords words;
        final List<Sentence> sentences;
        final RoleMatches roles;
        /** The gazetteer hits in text order (their starts rise). */
        final List<Hit> hits = new ArrayList<>();
        final List<Mention> mentions = new ArrayList<>();
        /** Mentions taken out again ({@link #remove}); dropped from {@link #mentions} at the end, in one pass. */
        final Set<Mention> removed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        final boolean[] taken;
        final MentionIndex startingAt;
        final MentionIndex endingAt;
        final boolean[] inPerson;
        final Map<String, Mention> personBySurname = new HashMap<>();
        final Map<String, Mention> firstNames = new HashMap<>();
        final Map<String, Integer> countryCounts = new HashMap<>();
        /** By canonical name of an organisation or official (all its forms share it), its first written name. */
        final Map<String, String> writtenFirst = new HashMap<>();

        final int storyYear;

        record Hit(int from, int to, int sentence, List<Entry> entries) {}

        StoryScan(List<Token> tokens, StoryWords words, List<Sentence> sentences, RoleMatches roles, int storyYear) {
            this.storyYear = storyYear;
            this.tokens = tokens;
            this.words = words;
            this.sentences = sentences;
            this.roles = roles;
            this.taken = new boolean[tokens.size()];
            this.startingAt = new MentionIndex(tokens.size());
            this.endingAt = new MentionIndex(tokens.size());
            this.inPerson = new boolean[tokens.size()];
        }

        private void add(Mention m) {
            mentions.add(m);
            startingAt.add(m.from(), m);
            endingAt.add(m.to() - 1, m);
            if (m.type() == EntityType.PERSON) {
                java.util.Arrays.fill(inPerson, m.from(), m.to(), true);
            }
        }

        /**
         * Takes out the first mention equal to {@code m}, as {@code mentions.remove(m)} would: the
         * mentions starting at m's token hold the same live mentions in the same (insertion) order,
         * so the first equal one there is the one to drop. Dropping it from {@link #mentions} waits for
         * {@link #dropRemoved}, as a list removal here would cost time linear in the story.
         */
        private void remove(Mention m) {
            List<Mention> starting = startingAt.at(m.from());
            int k = starting.indexOf(m);
            if (k >= 0) {
                removed.add(starting.remove(k));
            }
            endingAt.at(m.to() - 1).remove(m);
        }

        /** "US $50 million", "the U.S. dollar": a country code or name before a currency names no actor. */
        void currencies() {
            for (Mention m : new ArrayList<>(mentions)) {
                if (m.type() == EntityType.COUNTRY && !removed.contains(m) && m.to() < tokens.size()
                        && (tokens.get(m.to()).is("$") || tokens.get(m.to()).is("dollar") || tokens.get(m.to()).is("dollars"))) {
                    remove(m);
                }
            }
        }

        /**
         * A place that touches a person's name, with nothing between, is a part of the name, not a place: "Andreas
         * Papandreou" (Andreas, Isle of Man), "Ahmed Ben Bella" (Bella, Colombia).
         */
        void placesInNames() {
            for (Mention m : new ArrayList<>(mentions)) {
                if (m.type() != EntityType.LOCATION || removed.contains(m)) {
                    continue;
                }
                boolean touches = false;
                for (Mention p : endingAt.at(Math.max(0, m.from() - 1))) {
                    touches |= p.type() == EntityType.PERSON && p.to() == m.from();
                }
                if (m.to() < tokens.size()) {
                    for (Mention p : startingAt.at(m.to())) {
                        touches |= p.type() == EntityType.PERSON;
                    }
                }
                if (touches) {
                    remove(m);
                }
            }
        }

        void dropRemoved() {
            if (!removed.isEmpty()) {
                mentions.removeIf(removed::contains);
            }
        }

        void gazetteerHits() {
            PhraseMatcher<Entry> gazetteer = lex.gazetteer().matcher();
            for (Sentence s : sentences) {
                for (Match<Entry> m = gazetteer.firstMatch(words, s.from(), s.to()); m != null;
                        m = gazetteer.firstMatch(words, m.to(), s.to())) {
                    m = withoutTitle(gazetteer, m, s);
                    if (caps(m.from()) && !inPatronymic(m, s)) {
                        hit(m, s);
                    }
                }
            }
        }

        /**
         * An official's alias that starts with a title ("Sheikh Tamim bin Hamad", "Prince Faisal bin Farhan"):
         * the title is an office, not part of the name (taxonomy section 5), and the name after it may be
         * written in full ("Sheikh Tamim bin Hamad Al Thani"): the longest name after the title, else the alias
         * without it.
         */
        private Match<Entry> withoutTitle(PhraseMatcher<Entry> gazetteer, Match<Entry> m, Sentence s) {
            Match<Cue> title = roles.at(m.from());
            if (title == null || title.to() >= m.to() || (title.tags() & office) == 0 || !isOfficial(m.values())) {
                return m;
            }
            Match<Entry> name = gazetteer.longestAt(words, title.to(), s.to());
            if (name != null && name.to() >= m.to() && isOfficial(name.values())) {
                return name;
            }
            return new Match<>(title.to(), m.to(), m.values(), m.tags());
        }

        /** "Khaled bin Mohamed bin Zayed": an official's name after "bin" is the father's, part of another person's name. */
        private boolean inPatronymic(Match<Entry> m, Sentence s) {
            int particle = m.from() - 1;
            if (particle - 1 < s.from() || !caps(particle - 1)) {
                return false;
            }
            Token t = tokens.get(particle);
            return (t.is("bin") || t.is("bint") || t.is("ibn")) && isOfficial(m.values());
        }

        private static boolean isOfficial(List<Entry> entries) {
            for (Entry e : entries) {
                if (e.kind() == Kind.OFFICIAL) {
                    return true;
                }
            }
            return false;
        }

        private void hit(Match<Entry> m, Sentence s) {
            Token first = tokens.get(m.from());
            boolean shortForm = m.to() - m.from() == 1 && first.text().length() <= 3;
            // the match's own list (never changed) where every sense passes, as most do; else a list of those that pass
            List<Entry> entries = m.values();
            for (int k = 0; k < entries.size(); k++) {
                if (!admits(m, entries.get(k), shortForm)) {
                    entries = new ArrayList<>(m.values().size());
                    for (Entry e : m.values()) {
                        if (admits(m, e, shortForm)) {
                            entries.add(e);
                        }
                    }
                    break;
                }
            }
            if (entries.isEmpty()) {
                return;
            }
            hits.add(new Hit(m.from(), m.to(), s.index(), entries));
            String only = singleCode(entries);
            if (only != null) {
                countryCounts.merge(only, 1, Integer::sum);
            }
        }

        /** Whether the sense {@code e} of the gazetteer match {@code m} can be meant: by its case, and for an official the story's year. */
        private boolean admits(Match<Entry> m, Entry e, boolean shortForm) {
            return (!(e.acronym() || shortForm) || isAcronymCase(m.from(), m.to()))
                    && (e.kind() != Kind.OFFICIAL || lex.gazetteer().inOffice(e, storyYear) && !acronymOfNameBefore(m.from(), m.to()));
        }

        /**
         * "the Montenegro Municipality Association (AKK)": an acronym in brackets right after a name is that name's short
         * form (taxonomy section 5), not an official known by the same letters.
         */
        private boolean acronymOfNameBefore(int from, int to) {
            return from >= 2 && tokens.get(from - 1).is("(") && to < tokens.size() && tokens.get(to).is(")") && caps(from - 2)
                    && isAcronymCase(from, to);
        }

        private boolean isAcronymCase(int from, int to) {
            for (int i = from; i < to; i++) {
                Token t = tokens.get(i);
                if (t.isWord() && !t.isAllCaps() && !t.text().contains(".")) {
                    return false;
                }
            }
            return true;
        }

        private String singleCode(List<Entry> entries) {
            String code = entries.get(0).code();
            for (Entry e : entries) {
                if (code == null || !code.equals(e.code())) {
                    return null;
                }
            }
            return code;
        }

        void resolvePlaces() {
            for (Hit hit : hits) {
                if (isPartOfPersonName(hit)) {
                    continue;
                }
                Entry e = choose(hit);
                Mention m = mentionOf(hit, e);
                if (m.type() == EntityType.COUNTRY && namesAnEra(hit.from(), hit.to())) {
                    continue; // "post-Soviet", "the former Soviet republics": a time, no mention of the state
                }
                if (m.type() == EntityType.COUNTRY && (isStance(m.from()) || isPatron(m.to()))) {
                    m = m.asStance();
                } else if (m.type() == EntityType.COUNTRY && isBorderPlace(m.from(), m.to())) {
                    m = m.asBorder();
                }
                if (m.type() == EntityType.COUNTRY && m.via() == Via.DEMONYM && m.actor()) {
                    Mention residence = communityOf(m);
                    if (residence != null) {
                        remove(residence);
                        add(residence.withActor(false));
                        m = m.withActor(false);
                    } else if (isCommunityOf(m)) {
                        m = m.withActor(false);
                    }
                }
                add(m);
                for (int i = hit.from(); i < hit.to(); i++) {
                    taken[i] = true;
                }
            }
        }

        /** The sense of an ambiguous name: a following ", Region", the story's other countries, kind, population. */
        private Entry choose(Hit hit) {
            List<Entry> entries = hit.entries();
            if (entries.size() == 1) {
                return entries.get(0);
            }
            String qualifier = qualifierCode(hit);
            boolean subnational = isSubnationalContext(hit);
            Entry best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            int own = singleCode(entries) != null ? 1 : 0; // this name's own count, when it counted
            for (Entry e : entries) {
                double score = kindPrior(e.kind()) + Math.log10(1 + e.population()) * 0.3;
                if (e.code() != null) {
                    int others = countryCounts.getOrDefault(e.code(), 0) - own;
                    score += 4 * Math.min(others, 3);
                    if (e.code().equals(qualifier)) {
                        score += 100;
                    }
                    if (subnational && (e.kind() == Kind.REGION || e.kind() == Kind.CITY)) {
                        score += 10;
                    }
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = e;
                }
            }
            return best;
        }

        /** "the state of Georgia", "Georgia state", "the city of Paris": a name used below country level. */
        private boolean isSubnationalContext(Hit hit) {
            boolean before = hit.from() >= 2 && tokens.get(hit.from() - 1).is("of") && isPlaceNoun(hit.from() - 2);
            boolean after = hit.to() < tokens.size() && isPlaceNoun(hit.to()) && !caps(hit.to());
            return before || after;
        }

        private String qualifierCode(Hit hit) {
            if (hit.to() + 1 < tokens.size() && tokens.get(hit.to()).text().equals(",")) {
                Hit next = hitStartingAt(hit.to() + 1);
                return next == null ? null : singleCode(next.entries());
            }
            return null;
        }

        /** The gazetteer hit that starts at token {@code i}, or null: a binary search, as hits come in text order. */
        private Hit hitStartingAt(int i) {
            int lo = 0;
            int hi = hits.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int from = hits.get(mid).from();
                if (from < i) {
                    lo = mid + 1;
                } else if (from > i) {
                    hi = mid - 1;
                } else {
                    return hits.get(mid);
                }
            }
            return null;
        }

        private double kindPrior(Kind kind) {
            return switch (kind) {
                case COUNTRY -> 6;
                case DEMONYM -> 5;
                case SEAT, ORG -> 4;
                case CAPITAL -> 3;
                case REGION -> 1.5;
                case CITY -> 1;
                case OFFICIAL -> 3.5;
            };
        }

        /** "Jordan Peterson", "Chad Smith", "Michael Jordan": a one-word name beside an unknown capitalised word. */
        private boolean isPartOfPersonName(Hit hit) {
            if (hit.to() - hit.from() != 1) {
                return false;
            }
            for (Entry e : hit.entries()) {
                if (e.kind() == Kind.DEMONYM || e.kind() == Kind.ORG) {
                    return false;
                }
            }
            Sentence s = sentences.get(hit.sentence());
            int next = hit.to();
            int prev = hit.from() - 1;
            if (prev >= s.from() && words.in(prev, WordClass.GOVERNING_PREPOSITION)) {
                return false; // "Ambassador of Kazakhstan to Belarus Yergali Bulegenov": a place, then a name
            }
            if (prev - 1 >= s.from() && tokens.get(prev).text().equals("-") && touch(prev)
                    && lex.gazetteer().matcher().phraseAt(words, prev - 1) != null) {
                return false; // "the India-Russia Inter-Governmental Commission": a compound of two places
            }
            boolean nextName = next < s.to() && isUnknownName(next);
            boolean prevName = prev > s.from() && isUnknownName(prev) && !COMPASS.contains(tokens.get(prev).norm()); // "in Western Cambodia"
            // "Mariano da Costa", "Ursula von der Leyen": a name particle between capitalised words
            boolean afterParticle = prev > s.from() && words.in(prev, WordClass.NAME_PARTICLE) && !caps(prev) && caps(prev - 1);
            return nextName || prevName || afterParticle;
        }

        private boolean isUnknownName(int i) {
            Token t = tokens.get(i);
            if (!caps(i) || t.isAllCaps() || words.in(i, WordClass.FUNCTION) || words.in(i, WordClass.CALENDAR)
                    || roles.at(i) != null || isRoleWord(i)) {
                return false;
            }
            return lex.gazetteer().matcher().phraseAt(words, i) == null;
        }

        /** "Karen Jordan": a place's name that the person guard ({@link #isPartOfPersonName}) left to the name beside it. */
        private boolean isPlaceLeftToName(int i) {
            return caps(i) && !taken[i] && startingAt.at(i).isEmpty() && !words.in(i, WordClass.FUNCTION)
                    && !words.in(i, WordClass.CALENDAR) && roles.at(i) == null && !isRoleWord(i)
                    && lex.gazetteer().matcher().phraseAt(words, i) != null;
        }

        private boolean isRoleWord(int i) {
            return roles.covers(i) || lex.roles().matcher().phraseAt(words, i) != null;
        }

        private Mention mentionOf(Hit hit, Entry e) {
            String text = span(hit.from(), hit.to());
            boolean locative = isLocative(hit.from());
            boolean host = locative && envoyBefore(hit.from());
            return switch (e.kind()) {
                case COUNTRY -> new Mention(EntityType.COUNTRY, hit.from(), hit.to(), hit.sentence(), text, e.name(), e.code(),
                        Via.NAME, !locative || host, null, null);
                case DEMONYM -> new Mention(EntityType.COUNTRY, hit.from(), hit.to(), hit.sentence(), text, e.name(), e.code(),
                        Via.DEMONYM, !(locative && placeAfterDemonym(hit.to())) && !isEthnic(hit.from()), null, null);
                case SEAT -> new Mention(EntityType.ORG, hit.from(), hit.to(), hit.sentence(), text, text, e.code(), Via.SEAT,
                        true, null, null);
                case CAPITAL -> new Mention(EntityType.LOCATION, hit.from(), hit.to(), hit.sentence(), text, text, e.code(),
                        Via.CAPITAL, !locative || host, null, null);
                case REGION -> new Mention(EntityType.LOCATION, hit.from(), hit.to(), hit.sentence(), text, regionName(hit), e.code(),
                        Via.PLACE, !locative || governedPlace(hit.to()), null, null);
                case CITY -> new Mention(EntityType.LOCATION, hit.from(), hit.to(), hit.sentence(), text, text, e.code(),
                        Via.PLACE, governedPlace(hit.to()), null, null);
                case ORG -> new Mention(EntityType.ORG, hit.from(), hit.to(), hit.sentence(), text, writtenFirst(e, text), e.code(),
                        Via.ORG, e.code() != null && !"AGENCY".equals(e.orgKind()), null, null);
                case OFFICIAL -> new Mention(EntityType.PERSON, hit.from(), hit.to(), hit.sentence(), text, writtenFirst(e, text), e.code(),
                        Via.PERSON, true, e.orgKind(), null); // the name as the story writes it (taxonomy section 5)
            };
        }

        /**
         * "Bosnian Serbs", "Kosovo Albanians", "Croatian Serb refugees": a country's name or adjective right before
         * another country's demonym names a community of the one living in the other, and neither state acts.
         * Returns the first mention, or null.
         */
        private Mention communityOf(Mention demonym) {
            if (demonym.from() == 0) {
                return null;
            }
            for (Mention before : endingAt.at(demonym.from() - 1)) {
                if (before.type() == EntityType.COUNTRY && (before.via() == Via.DEMONYM || before.via() == Via.NAME)
                        && before.country() != null && !before.country().equals(demonym.country())) {
                    return before;
                }
            }
            return null;
        }

        /** "the Albanians of southern Serbia": a people named by a plural demonym and where it lives. */
        private boolean isCommunityOf(Mention demonym) {
            int next = demonym.to();
            return tokens.get(demonym.to() - 1).text().endsWith("s") && next < tokens.size() && tokens.get(next).is("of")
                    && demonym.from() > 0 && tokens.get(demonym.from() - 1).is("the");
        }

        /** "anti-Syria", "pro-Russian separatists", "inter-Korean talks": a stance toward a country or talks within it; it does not act. */
        private boolean isStance(int from) {
            if (from < 2 || !tokens.get(from - 1).text().equals("-") || !touch(from - 2)) {
                return false;
            }
            Token prefix = tokens.get(from - 2);
            return prefix.is("anti") || prefix.is("pro") || prefix.is("inter") || prefix.is("intra");
        }

        /**
         * "the Syrian-backed militia", "Israel's militia ally": the country backs someone else, who acts; the country does not,
         * nor is it a place.
         */
        private boolean isPatron(int to) {
            if (to + 1 < tokens.size() && tokens.get(to).is("-") && touch(to - 1) && touch(to)) {
                return PATRON_PARTICIPLES.contains(tokens.get(to + 1).norm());
            }
            if (to < tokens.size() && tokens.get(to).is("'s")) {
                for (int i = to + 1; i < Math.min(tokens.size(), to + 4) && !caps(i); i++) {
                    if (PATRON_NOUNS.contains(tokens.get(i).norm())) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether token {@code i} and the next are written without a space between ("Kazakh-Uzbek"). */
        private boolean touch(int i) {
            return i + 1 < tokens.size() && tokens.get(i).end() == tokens.get(i + 1).start();
        }

        /**
         * "post-Soviet", "the former Soviet republics", "ex-Yugoslav", "Soviet-era", "Soviet times": the country names a
         * time or a past, not the state.
         */
        private boolean namesAnEra(int from, int to) {
            int before = from > 0 && tokens.get(from - 1).is("-") ? from - 2 : from - 1;
            if (before >= 0 && ERA_PREFIXES.contains(tokens.get(before).norm())) {
                return !(to < tokens.size() && isRoleWord(to)); // "former Soviet leader Gorbachev": the office is the country's
            }
            int after = to < tokens.size() && tokens.get(to).is("-") ? to + 1 : to;
            return after < tokens.size() && ERA_NOUNS.contains(tokens.get(after).norm());
        }

        /** "ethnic Albanians", "ethnic Russian residents": a people, not the state of that name. */
        private boolean isEthnic(int from) {
            return from > 0 && tokens.get(from - 1).is("ethnic");
        }

        /**
         * "in Belarus", "in the Chinese capital": the country is where something happened.
         */
        private boolean isLocative(int from) {
            int i = from - 1;
            if (i >= 0 && tokens.get(i).is("the")) {
                i--;
            }
            return i >= 0 && words.in(i, WordClass.LOCATIVE);
        }

        /**
         * The name an organisation or official goes by in this story: as written at its first mention
         * ("NATO" where the story writes NATO; "Vladimir Putin", then "Putin" is the same person), by
         * taxonomy section 5.
         */
        private String writtenFirst(Entry e, String text) {
            return writtenFirst.computeIfAbsent(e.name(), k -> text);
        }

        /**
         * "on the Thai border", "near the Turkish border": a country or demonym that only says where; "across the Armenian border",
         * "the road to the Bulgarian border" are toward the country, and "Thai border guards" act.
         */
        private boolean isBorderPlace(int from, int to) {
            int after = to;
            while (after + 1 < tokens.size() && tokens.get(after).text().equals("-") && caps(after + 1)) {
                after += 2; // "on the Russian-Georgian border": each of a compound's names
            }
            if (after >= tokens.size() || !BORDERS.contains(tokens.get(after).norm())) {
                return false;
            }
            int i = from - 1;
            while (i - 1 >= 0 && tokens.get(i).text().equals("-") && caps(i - 1)) {
                i -= 2;
            }
            if (i >= 0 && tokens.get(i).is("the")) {
                i--;
            }
            return i >= 0 && AT_A_BORDER.contains(tokens.get(i).norm());
        }

        /** "in the Kazakh capital", "in the Chinese city of Qingdao": a demonym that names a place, not an actor. */
        private boolean placeAfterDemonym(int to) {
            return to < tokens.size() && (isPlaceNoun(to) || tokens.get(to).is("capital") || tokens.get(to).is("port"));
        }

        private boolean envoyBefore(int from) {
            for (int i = Math.max(0, from - 8); i < from; i++) {
                Match<Cue> m = roles.at(i);
                if (m != null && is(m, envoy)) {
                    return true;
                }
                if (lex.roles().matcher().phraseAt(words, i) != null && isEnvoyWord(i)) {
                    return true;
                }
            }
            return false;
        }

        private boolean isEnvoyWord(int i) {
            Match<Cue> m = lex.roles().matcher().longestAt(words, i, Math.min(tokens.size(), i + 4));
            return m != null && is(m, envoy);
        }

        private boolean governedPlace(int after) {
            int i = after;
            if (i < tokens.size() && (tokens.get(i).is("'s") || tokens.get(i).is("region") || tokens.get(i).is("province")
                    || tokens.get(i).is("oblast"))) {
                i++;
            }
            Match<Cue> m = i < tokens.size() ? lex.roles().matcher().longestAt(words, i, Math.min(tokens.size(), i + 3)) : null;
            return m != null && is(m, govNoun);
        }

        void persons() {
            for (Sentence s : sentences) {
                for (int i = s.from(); i < s.to(); i++) {
                    Match<Cue> role = roles.at(i);
                    if (role != null && is(role, office)) {
                        personAfterOffice(s, role);
                    }
                }
                appositivesAndSpeakers(s);
                byGivenName(s);
            }
            surnames();
        }

        private void personAfterOffice(Sentence s, Match<Cue> role) {
            int i = role.to();
            int officeEnd = role.to();
            String country = null;
            String host = null;
            // "President of Kazakhstan X", "Ambassador of Kazakhstan to Belarus X", "Ambassador to Belarus X",
            // "Minister of Trade and Integration of Kazakhstan X"
            while (i + 1 < s.to() && (tokens.get(i).is("of") || tokens.get(i).is("to") || tokens.get(i).is("in"))) {
                Mention m = countryMentionAt(i + 1);
                int portfolioEnd = m == null && tokens.get(i).is("of") ? portfolioEnd(i + 1, s.to()) : -1;
                if (portfolioEnd > 0) {
                    i = portfolioEnd;
                    officeEnd = portfolioEnd;
                    continue;
                }
                if (m == null) {
                    break;
                }
                if (tokens.get(i).is("of")) {
                    country = m.country();
                } else {
                    host = m.country();
                }
                i = m.to();
            }
            Match<Cue> title = i < s.to() ? roles.at(i) : null;
            if (title != null && is(title, office)) {
                i = title.to(); // "Saudi Foreign Minister Prince Saud bin Faisal": a title between office and name
            }
            int end = nameRun(i, s.to());
            if (end <= i) {
                return;
            }
            if (country == null) {
                country = countryBefore(role.from());
            }
            if (country == null && end + 1 < s.to() && tokens.get(end).is("of")) {
                Mention of = countryMentionAt(end + 1); // "King Hassan of Morocco"
                country = of == null ? null : of.country();
            }
            if (country == null && host == null && "counterpart".equals(officeWord(role))) {
                return;
            }
            addPerson(i, end, s.index(), country, officeText(role.from(), officeEnd), host);
        }

        /** The end of a minister's portfolio from {@code from} ("Agriculture", "Trade and Integration"), or -1. */
        private int portfolioEnd(int from, int limit) {
            int end = -1;
            int i = from;
            while (i < limit) {
                Match<Cue> m = lex.roles().matcher().longestAt(words, i, Math.min(limit, i + 4));
                if (m == null || !is(m, portfolio)) {
                    break;
                }
                end = m.to();
                i = end < limit && (tokens.get(end).is("and") || tokens.get(end).is(",")) ? end + 1 : limit;
            }
            return end;
        }

        /** The office's last word without a plural "s" ("counterparts" -> "counterpart"). */
        private String officeWord(Match<Cue> role) {
            String word = tokens.get(role.to() - 1).norm();
            return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
        }

        private String officeText(int from, int to) {
            String text = span(from, to);
            return text.isEmpty() ? null : Gazetteer.upperFirst(text);
        }

        /** The country that owns an office: "Kazakh President", "Pakistan's Foreign Minister", "his Uzbek counterpart". */
        private String countryBefore(int roleFrom) {
            int i = roleFrom - 1;
            if (i >= 0 && tokens.get(i).is("'s")) {
                i--;
            }
            if (i < 0) {
                return null; // the office is the story's first word
            }
            for (Mention m : endingAt.at(i)) {
                if (m.country() != null) {
                    return m.country();
                }
            }
            return null;
        }

        private Mention countryMentionAt(int from) {
            int i = from < tokens.size() && tokens.get(from).is("the") ? from + 1 : from;
            for (Mention m : startingAt.at(i)) {
                if (m.country() != null && (m.via() == Via.NAME || m.via() == Via.CAPITAL || m.via() == Via.DEMONYM)) {
                    return m;
                }
            }
            return null;
        }

        /** A run of capitalised name words from {@code from}: "Kassym-Jomart Tokayev", "Mohammed bin Salman". */
        private int nameRun(int from, int limit) {
            int i = from;
            int nameWords = 0;
            while (i < limit && nameWords < 5) {
                Token t = tokens.get(i);
                if (caps(i) && !taken[i] && !words.in(i, WordClass.FUNCTION) && !words.in(i, WordClass.CALENDAR)
                        && roles.at(i) == null && !(t.isAllCaps() && t.text().length() > 3)) {
                    nameWords++;
                    i++;
                } else if (nameWords > 0 && t.kind() == Token.Kind.PUNCT && t.text().equals("-") && i + 1 < limit
                        && caps(i + 1) && t.start() == tokens.get(i - 1).end()) {
                    i++;
                } else if (nameWords > 0 && t.isWord() && words.in(i, WordClass.NAME_PARTICLE) && i + 1 < limit && caps(i + 1)) {
                    i++;
                } else {
                    break;
                }
            }
            return nameWords == 0 ? from : i;
        }

        /**
         * "Penelope Cruz won the award": a run of two or more capitalised name words that starts with a known
         * given name is a person (no country: a name says none). A given name that is also a place or another
         * entry of the gazetteer ("Victoria", "Jordan") does not start one, nor does a run that holds such an
         * entry or runs into an organisation's head word.
         */
        private void byGivenName(Sentence s) {
            for (int i = s.from(); i < s.to(); i++) {
                if (taken[i] || !caps(i) || !words.in(i, WordClass.GIVEN_NAME) || !isUnknownName(i)) {
                    continue;
                }
                int end = nameRun(i, s.to());
                if (countWords(i, end) < 2 || (end < s.to() && caps(end) && isOrgHead(end))) {
                    i = Math.max(i, end - 1);
                    continue;
                }
                boolean unknown = true;
                for (int k = i + 1; k < end && unknown; k++) {
                    unknown = !caps(k) || isUnknownName(k) || isPlaceLeftToName(k);
                }
                if (unknown) {
                    addPerson(i, end, s.index(), null, null, null);
                }
                i = end - 1;
            }
        }

        /** "Gaurav Ahluwalia, India's charge d'affaires", "Joni Tatarashvili, 43,", "Abe said". */
        private void appositivesAndSpeakers(Sentence s) {
            int i = s.from();
            while (i < s.to()) {
                if (taken[i] || !caps(i)) {
                    i++;
                    continue;
                }
                int end = nameRun(i, s.to());
                int nameWords = countWords(i, end);
                if (end <= i || nameWords < 2 || (i == s.from() && nameWords < 2)) {
                    i = Math.max(end, i + 1);
                    continue;
                }
                String[] countryAndOffice = appositive(end, s.to());
                boolean speaker = end < s.to() && words.in(end, WordClass.SPEECH);
                boolean aged = end + 2 < s.to() && tokens.get(end).text().equals(",") && tokens.get(end + 1).kind() == Token.Kind.NUMBER
                        && tokens.get(end + 1).text().length() <= 3;
                if (countryAndOffice != null || speaker || aged) {
                    addPerson(i, end, s.index(), countryAndOffice != null ? countryAndOffice[0] : null,
                            countryAndOffice != null ? countryAndOffice[1] : null, null);
                }
                i = end;
            }
        }

        private int countWords(int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                if (caps(i)) {
                    n++;
                }
            }
            return n;
        }

        private String[] appositive(int end, int limit) {
            if (end >= limit || !tokens.get(end).text().equals(",")) {
                return null;
            }
            // "Chad Ferrier, a Canadian engineer": a person of that country (not "a Canadian company")
            if (end + 3 < limit && (tokens.get(end + 1).is("a") || tokens.get(end + 1).is("an"))) {
                for (Mention m : startingAt.at(end + 2)) {
                    int noun = m.to();
                    if (m.via() == Via.DEMONYM && noun < limit && !caps(noun) && (lex.roles().matcher().tagsAt(words, noun) & orgHead) == 0) {
                        return new String[] {m.country(), null};
                    }
                }
            }
            for (int i = end + 1; i < Math.min(limit, end + 6); i++) {
                Match<Cue> role = roles.at(i);
                if (role != null && is(role, office)) {
                    String country = countryBefore(role.from());
                    return country == null ? null : new String[] {country, officeText(role.from(), role.to())};
                }
            }
            return null;
        }

        private void addPerson(int from, int to, int sentence, String country, String office, String host) {
            String name = span(from, to);
            Mention m = new Mention(EntityType.PERSON, from, to, sentence, name, name, country, Via.PERSON, country != null, office, host);
            add(m);
            for (int k = from; k < to; k++) {
                taken[k] = true;
            }
            personBySurname.putIfAbsent(tokens.get(to - 1).norm(), m);
            if (to - from == 2) {
                // family name first ("Wang Yi", "Xi Jinping"): the first word may stand alone later
                firstNames.putIfAbsent(tokens.get(from).norm(), m);
            }
        }

        /** Later mentions by surname alone resolve to the person first named in full. */
        private void surnames() {
            if (personBySurname.isEmpty()) {
                return;
            }
            for (Sentence s : sentences) {
                for (int i = s.from(); i < s.to(); i++) {
                    if (!caps(i) || taken[i] && !placeNamedAsSurname(i)) {
                        continue;
                    }
                    Token t = tokens.get(i);
                    Mention p = personBySurname.get(t.norm());
                    if (p == null) {
                        p = firstNames.get(t.norm());
                    }
                    if (p != null && (i + 1 >= s.to() || !caps(i + 1) || tokens.get(i + 1).is("'s"))) {
                        add(new Mention(EntityType.PERSON, i, i + 1, s.index(), t.text(), p.name(), p.country(), Via.PERSON,
                                p.country() != null, p.office(), p.host()));
                        taken[i] = true;
                    }
                }
            }
        }

        /**
         * "Karen Jordan ... Jordan, who also met ...": a later one-word country or place that is the surname of a person the
         * story has named is that person; the place's mention is taken out.
         */
        private boolean placeNamedAsSurname(int i) {
            List<Mention> here = startingAt.at(i);
            if (here.size() != 1 || here.get(0).to() != i + 1
                    || here.get(0).type() != EntityType.COUNTRY && here.get(0).type() != EntityType.LOCATION) {
                return false;
            }
            Mention person = personBySurname.get(tokens.get(i).norm());
            if (person == null || person.from() >= i || !words.in(person.from(), WordClass.GIVEN_NAME)) {
                return false; // "Global Affairs Canada" is no person named Canada
            }
            remove(here.get(0));
            return true;
        }

        /** "State Security Service of Georgia", "Pakistan's Foreign Ministry", "the Turkish Embassy". */
        void organisations() {
            for (Sentence s : sentences) {
                for (int i = s.from(); i < s.to(); i++) {
                    if (!caps(i)) {
                        if (words.in(i, WordClass.STATE_BODY)) {
                            lowerCaseOrg(i, s);
                        }
                        continue;
                    }
                    if (!isOrgHead(i)) {
                        continue;
                    }
                    int from = i;
                    while (from - 1 >= s.from() && canExtendLeft(from - 1, s)) {
                        from--;
                    }
                    Mention possessor = from - 2 >= s.from() && tokens.get(from - 1).is("'s") ? countryMentionEndingAt(from - 2) : null;
                    int to = i + 1;
                    while (to + 1 < s.to() && (tokens.get(to).is("of") || tokens.get(to).is("for") || tokens.get(to).is("on"))
                            && caps(to + 1) || (to + 2 < s.to() && tokens.get(to).is("of") && tokens.get(to + 1).is("the")
                            && caps(to + 2))) {
                        int k = tokens.get(to + 1).is("the") ? to + 2 : to + 1;
                        int end = listOfNameWords(k, s.to());
                        if (end == k) {
                            break;
                        }
                        to = end;
                    }
                    while (to < s.to() && caps(to) && isOrgHead(to)) {
                        to++;
                    }
                    to = postedTo(to, s);
                    if (possessor != null && to - from >= FULL_NAME_WORDS) {
                        addOrg(from, to, s.index(), possessor.country()); // "China's [Ministry of Commerce]"
                    } else if (possessor != null) {
                        addOrg(possessor.from(), to, s.index(), null); // "[Pakistan's Foreign Ministry]"
                    } else if (to - from >= 2) {
                        addOrg(from, to, s.index(), null);
                    } else {
                        continue;
                    }
                    i = to - 1;
                }
            }
        }

        /**
         * The capitalised words of a name's complement from {@code k}: "Ministry of [Foreign Affairs]", also a list
         * closed by "and" ("of [Health and Social Development]", "of [Economy, Media, Energy and Technology]").
         * A word that names a country, person or other entity ends it ("Ministry of Energy and Rosatom"), and so
         * does a known portfolio followed by more capitalised words.
         */
        private int listOfNameWords(int k, int limit) {
            int end = capsRun(k, limit);
            int portfolioEnd = portfolioEnd(k, limit);
            if (portfolioEnd > k && portfolioEnd < end) {
                return portfolioEnd; // "Ministry of External Affairs Dammu Ravi": a name after the portfolio
            }
            int accepted = end;
            while (end > k && end + 1 < limit && (tokens.get(end).text().equals(",") || tokens.get(end).is("and"))) {
                boolean and = tokens.get(end).is("and");
                int next = capsRun(end + 1, limit);
                if (next == end + 1 || isMentioned(end + 1)) {
                    break;
                }
                end = next;
                if (and) {
                    accepted = end;
                    break;
                }
            }
            return accepted;
        }

        private int capsRun(int k, int limit) {
            int end = k;
            while (end < limit && caps(end) && !words.in(end, WordClass.FUNCTION)) {
                end++;
            }
            return end;
        }

        private boolean isMentioned(int i) {
            return !startingAt.at(i).isEmpty() || taken[i];
        }

        /**
         * "the Iranian embassy", "the UAE foreign ministry": a mission or ministry in lower case after a
         * country's adjective or name, with at most one lower-case word between.
         */
        private void lowerCaseOrg(int head, Sentence s) {
            for (int from = head - 1; from >= Math.max(s.from(), head - 2); from--) {
                Mention country = countryMentionEndingAt(from);
                if (country != null && country.type() == EntityType.COUNTRY) {
                    if (from == head - 1 || !caps(head - 1) && !words.in(head - 1, WordClass.FUNCTION)) {
                        addOrg(country.from(), postedTo(head + 1, s), s.index(), country.country());
                    }
                    return;
                }
            }
        }

        /** "the Kazakh Embassy [in Germany]": a mission's name ending before {@code to} takes the country it is posted to. */
        private int postedTo(int to, Sentence s) {
            if (to + 1 < s.to() && words.in(to - 1, WordClass.MISSION) && tokens.get(to).is("in")) {
                for (Mention m : startingAt.at(to + 1)) {
                    if (m.type() == EntityType.COUNTRY && m.via() == Via.NAME) {
                        return m.to();
                    }
                }
            }
            return to;
        }

        private boolean canExtendLeft(int i, Sentence s) {
            if (tokens.get(i).text().equals("-")) {
                // "Kazakh-Uzbek Supreme Interstate Council", "Inter-Governmental Commission": a hyphen within a word
                return i - 1 >= s.from() && caps(i - 1) && touch(i - 1) && touch(i);
            }
            if (tokens.get(i).is("and")) {
                // "National Development and Reform Commission"; not "Belarus and Kazakhstan's ..." (entities)
                return i - 1 > s.from() && caps(i - 1) && caps(i + 1) && !words.in(i - 1, WordClass.FUNCTION)
                        && !isMentioned(i - 1) && endingAt.at(i - 1).isEmpty() && !inPerson[i - 1];
            }
            return caps(i) && !words.in(i, WordClass.FUNCTION) && !words.in(i, WordClass.CALENDAR) && !inPerson[i];
        }

        private Mention countryMentionEndingAt(int i) {
            for (Mention m : endingAt.at(i)) {
                if (m.country() != null && m.type() != EntityType.PERSON) {
                    return m;
                }
            }
            return null;
        }

        private boolean isOrgHead(int i) {
            return (lex.roles().matcher().tagsAt(words, i) & orgHead) != 0;
        }

        /** An organisation's mention; {@code owner} is the country it belongs to where the name does not say it. */
        private void addOrg(int from, int to, int sentence, String owner) {
            String country = owner;
            Via via = Via.ORG;
            List<Mention> inside = new ArrayList<>();
            for (int k = from; k < to; k++) {
                for (Mention m : startingAt.at(k)) {
                    if (m.to() <= to) {
                        inside.add(m);
                    }
                }
            }
            for (Mention m : inside) {
                if (m.type() == EntityType.ORG && m.country() == null && m.via() == Via.ORG) {
                    remove(m); // "European Union" inside "European Union Monitoring Mission"
                } else if (country == null && m.country() != null && m.type() != EntityType.ORG) {
                    country = m.country();
                } else if (m.type() == EntityType.ORG && m.from() == from && m.to() == to) {
                    return;
                }
            }
            if (isJointBody(from, to)) {
                country = null; // "the Kazakh-Uzbek Supreme Interstate Council" is neither's alone
            }
            String text = span(from, to);
            add(new Mention(EntityType.ORG, from, to, sentence, text, text, country, via, country != null, null, null));
            for (int k = from; k < to; k++) {
                taken[k] = true;
            }
        }

        /** Two countries joined by a hyphen in a name: "Kazakh-Uzbek", "India-Russia". */
        private boolean isJointBody(int from, int to) {
            for (int k = from + 1; k + 1 < to; k++) {
                if (tokens.get(k).text().equals("-")) {
                    Mention before = countryMentionEndingAt(k - 1);
                    String after = countryMentionStartingAt(k + 1);
                    if (before != null && after != null && !after.equals(before.country())) {
                        return true;
                    }
                }
            }
            return false;
        }

        private String countryMentionStartingAt(int i) {
            for (Mention m : startingAt.at(i)) {
                if (m.country() != null && m.type() == EntityType.COUNTRY) {
                    return m.country();
                }
            }
            return null;
        }

        /**
         * "the North", "the South's navy": in a story that names North Korea (or South Sudan ...), the capitalised compass word
         * after "the" is that country, as the news writes it; not where a name goes on ("the North Atlantic").
         */
        void halvesByCompass() {
            Mention north = null;
            Mention south = null;
            for (Mention m : mentions) {
                if (m.type() == EntityType.COUNTRY && m.via() == Via.NAME && !removed.contains(m)) {
                    north = north == null && m.name().startsWith("North ") ? m : north;
                    south = south == null && m.name().startsWith("South ") ? m : south;
                }
            }
            if (north == null && south == null) {
                return;
            }
            for (Sentence s : sentences) {
                for (int i = s.from() + 1; i < s.to(); i++) {
                    Mention half = tokens.get(i).text().equals("North") ? north : tokens.get(i).text().equals("South") ? south : null;
                    if (half != null && !taken[i] && startingAt.at(i).isEmpty() && tokens.get(i - 1).is("the")
                            && (i + 1 >= s.to() || !caps(i + 1))) {
                        add(new Mention(EntityType.COUNTRY, i, i + 1, s.index(), tokens.get(i).text(), half.name(), half.country(),
                                Via.NAME, true, null, null));
                        taken[i] = true;
                    }
                }
            }
        }

        /** "Akhalgori municipality", "the village of Okami". */
        void placesByNoun() {
            for (Sentence s : sentences) {
                for (int i = s.from(); i < s.to(); i++) {
                    if (taken[i] || !caps(i) || words.in(i, WordClass.FUNCTION) || words.in(i, WordClass.CALENDAR) || i == s.from()) {
                        continue;
                    }
                    boolean nounAfter = i + 1 < s.to() && !caps(i + 1) && isPlaceNoun(i + 1);
                    boolean nounBefore = i - 2 >= s.from() && tokens.get(i - 1).is("of") && isPlaceNoun(i - 2)
                            && !caps(i - 2);
                    if (nounAfter || nounBefore) {
                        String text = tokens.get(i).text();
                        add(new Mention(EntityType.LOCATION, i, i + 1, s.index(), text, text, null, Via.NONE, false, null, null));
                        taken[i] = true;
                    }
                }
            }
        }

        /** A region's name without a generic noun written in lower case after it: "the Kursk region" is Kursk. */
        private String regionName(Hit hit) {
            return hit.to() - hit.from() >= 2 && !caps(hit.to() - 1) ? span(hit.from(), hit.to() - 1) : span(hit.from(), hit.to());
        }

        /**
         * "the Indian Ocean", "the Persian Gulf", "Second Thomas Shoal", "the Sea of Japan", "the Gulf of Guinea": a capitalised
         * name that ends in a feature's word, or starts with one before "of", is one place of no country, and the country,
         * person or place its words would name is none. A name the gazetteer knows whole ("Solomon Islands") or that goes on
         * ("Black Sea Fleet") is left as it is.
         */
        void features() {
            for (Sentence s : sentences) {
                for (int at = s.from() + 1; at < s.to(); at++) {
                    if (!caps(at) || !words.in(at, WordClass.FEATURE)) {
                        continue;
                    }
                    int from = at;
                    int end = at;
                    if (at + 2 < s.to() && tokens.get(at + 1).is("of") && caps(at + 2)) {
                        end = at + 2; // "the Sea of Japan", "the Strait of Hormuz": one word, or the place named there
                        for (Mention m : startingAt.at(at + 2)) {
                            end = Math.max(end, m.to() - 1);
                        }
                    } else {
                        while (from - 1 >= s.from() && caps(from - 1) && !words.in(from - 1, WordClass.FUNCTION)
                                && !words.in(from - 1, WordClass.CALENDAR) && !tokens.get(from - 1).text().equals("-")) {
                            from--;
                        }
                    }
                    if (from == end || end + 1 < s.to() && caps(end + 1) || coveredBeyond(from, end + 1)) {
                        continue;
                    }
                    for (int k = from; k <= end; k++) {
                        for (Mention m : new ArrayList<>(startingAt.at(k))) {
                            if (m.to() <= end + 1) {
                                remove(m);
                            }
                        }
                    }
                    String text = span(from, end + 1);
                    add(new Mention(EntityType.LOCATION, from, end + 1, s.index(), text, text, null, Via.NONE, false, null, null));
                    java.util.Arrays.fill(taken, from, end + 1, true);
                    at = end;
                }
            }
        }

        /** Whether a mention covers all of {@code [from, to)} or reaches out of it on either side. */
        private boolean coveredBeyond(int from, int to) {
            for (int k = from; k < to; k++) {
                for (Mention m : startingAt.at(k)) {
                    if (m.from() == from && m.to() >= to || m.to() > to) {
                        return true;
                    }
                }
            }
            for (int k = Math.max(0, from - 8); k < from; k++) {
                for (Mention m : startingAt.at(k)) {
                    if (m.to() > from) {
                        return true;
                    }
                }
            }
            return false;
        }

        private boolean isPlaceNoun(int i) {
            return (lex.roles().matcher().tagsAt(words, i) & placeNoun) != 0;
        }

        /** {@link Token#isCapitalized()} of token {@code i}, from the story's flags. */
        private boolean caps(int i) {
            return words.capitalized(i);
        }

        private String span(int from, int to) {
            if (to - from == 1) {
                return tokens.get(from).text();
            }
            StringBuilder sb = new StringBuilder();
            for (int i = from; i < to; i++) {
                Token t = tokens.get(i);
                if (i > from && t.start() > tokens.get(i - 1).end()) {
                    sb.append(' ');
                }
                sb.append(t.text());
            }
            return sb.toString();
        }
    }

    /** Mentions by token position (where they start, or where they end). */
    private static final class MentionIndex {
        private final List<?>[] lists;

        MentionIndex(int size) {
            lists = new List<?>[size];
        }

        void add(int i, Mention m) {
            if (lists[i] == null) {
                lists[i] = new ArrayList<Mention>(1);
            }
            at(i).add(m);
        }

        @SuppressWarnings("unchecked")
        List<Mention> at(int i) {
            return lists[i] == null ? java.util.Collections.emptyList() : (List<Mention>) lists[i];
        }
    }

    /** Whether one of a role match's cues has the label whose bit is {@code labelBit}. */
    static boolean is(Match<Cue> m, long labelBit) {
        return (m.tags() & labelBit) != 0;
    }
}

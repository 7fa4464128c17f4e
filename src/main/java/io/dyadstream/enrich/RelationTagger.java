package io.dyadstream.enrich;

import io.dyadstream.enrich.CueLexicon.Cue;
import io.dyadstream.enrich.Mention.Via;
import io.dyadstream.enrich.PhraseMatcher.Match;
import io.dyadstream.enrich.SentenceSplitter.Sentence;
import io.dyadstream.model.Direction;
import io.dyadstream.model.EntityType;
import io.dyadstream.model.EventType;
import io.dyadstream.model.Evidence;
import io.dyadstream.model.Modality;
import io.dyadstream.model.PairRelation;
import io.dyadstream.model.Sector;
import io.dyadstream.model.Tag;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the pairs of countries a story reports relations between, and tags each pair with event
 * types, modality, direction, sectors and evidence (taxonomy sections 1-4). It works sentence by
 * sentence on the actors {@link EntityExtractor} found; docs/extraction.md states each rule.
 */
final class RelationTagger {

    /** A cue weaker than this can add a type to a pair but cannot make a pair on its own. */
    static final double STRONG_CUE = 0.65;
    private static final int MODALITY_WINDOW = 6;
    private static final int PROMISE_WINDOW = 5;
    private static final int TOPIC_REACH = 6;
    private static final Set<String> TALKS = WordLists.get("talks");
    /** Verbs of discussing, whose object is a topic ("discussed Iran's nuclear programme"), as is that of {@link #TALKS}. */
    private static final Set<String> DISCUSS = Set.of("discuss", "discussed", "discusses", "discussing", "discussion");
    private static final Set<String> TOPIC_PREPOSITIONS = Set.of("on", "about", "over", "concerning", "regarding");
    private static final int ULTIMATUM_REACH = 15;
    private static final int DEMAND_REACH = 8;
    /** At most this many words between two cues of one demanded or refused act ("slap import tariffs"). */
    private static final int ACT_GAP = 3;
    private static final String OBJECT = "OBJECT";
    private static final String CONTEST = "CONTEST";
    private static final String SUBJECT = "SUBJECT";
    private static final String MEDIATION = "MEDIATION";
    /** Head nouns that may stand between a country's name and a SUBJECT cue ("the Bolivian authorities must"). */
    private static final Set<String> SUBJECT_HEADS = WordLists.get("subject-heads");
    /** Words that make a reference one to two countries ("the two sides", "both countries", "bilateral"). */
    static final Set<String> DUAL = Set.of("two", "both", "bilateral");
    /** Words of a sports contest, where a CONTEST cue ("beat") is a result, not an event between countries. */
    static final Set<String> SPORT = WordLists.get("sport");
    private static final int OBJECT_REACH = 10;
    /** Words that open an apposition or relative clause after a comma ("Egypt, a major buyer of Russian wheat, ..."). */
    private static final Set<String> APPOSITION_OPENERS = Set.of("a", "an", "the", "which", "who", "whose");
    private static final int APPOSITION_REACH = 6;
    static final Set<String> OBJECT_PREPOSITIONS = Set.of("for", "to", "with", "against", "about", "over", "toward",
            "towards", "on", "into", "at", "in", "by", "of");
    static final Set<String> CLAUSE_BREAKS = Set.of(",", ";", ":", "but", "while", "although", "though", "whereas", "however");
    private static final java.util.Comparator<Mention> BY_START = java.util.Comparator.comparingInt(Mention::from);
    private static final Set<EventType> UNDIRECTED = EnumSet.of(EventType.AGREE, EventType.CONSULT, EventType.COOPERATE);
    /** Cooperative acts that, stated as planned, are also a promise (AGREE): all of quad 1 and 2 but meetings and agreements. */
    private static final Set<EventType> PROMISED = EnumSet.of(EventType.SUPPORT, EventType.CONCEDE, EventType.COOPERATE,
            EventType.AID, EventType.RETREAT);
    /** Acts that undo something that exists: withdrawing, lifting, releasing. */
    private static final Set<EventType> UNDOING = EnumSet.of(EventType.RETREAT, EventType.CONCEDE);
    /** Acts against the other side that, announced for the future with "unless", make an ultimatum. */
    private static final Set<EventType> ULTIMATUM_ACTS = EnumSet.of(EventType.RETREAT, EventType.SANCTION, EventType.ASSAULT,
            EventType.COERCE, EventType.MOBILIZE, EventType.PROTEST, EventType.REJECT);
    /** People who live where they protest without being of that country. */
    private static final Set<String> EXILES = WordLists.get("exiles");
    private static final Set<EventType> PROMISES = EnumSet.of(EventType.AGREE);
    private static final Set<EventType> DEMANDS = EnumSet.of(EventType.THREATEN, EventType.REQUEST);
    private static final Set<EventType> REFUSALS = EnumSet.of(EventType.REJECT);
    /**
     * Acts of words that countries side by side make together, on a third: they ask, refuse or threaten (not ACCUSE, whose
     * quarrels and disputes are between the two).
     */
    private static final Set<EventType> SAID_TOGETHER = EnumSet.of(EventType.REQUEST, EventType.REJECT, EventType.THREATEN);
    /** Acts of material conflict: a cue that is one too is never a side-by-side act of words ({@link #sideBySideOnAThird}). */
    private static final Set<EventType> MATERIAL = EnumSet.of(EventType.ASSAULT, EventType.COERCE, EventType.MOBILIZE,
            EventType.SANCTION, EventType.PROTEST);
    /** Cues whose accused stands before "of" ("accused Qatar of ...", {@link #inAccusation}). */
    private static final Set<EventType> ACCUSATIONS = EnumSet.of(EventType.ACCUSE);
    /** Words for the accused that is the object of the act before ("cut ties with Qatar, accusing it of ..."). */
    private static final Set<String> PRONOUNS = Set.of("it", "them", "him", "her");
    private static final Set<EventType> RESPONSES = EnumSet.of(EventType.REJECT, EventType.ACCUSE, EventType.THREATEN);
    /**
     * Words of a closing attribution (", officials said", ", according to Reuters"); narrower than
     * {@link EntityExtractor#SPEECH}, whose "announced" or "insisted" also close a sentence of the actors' own.
     */
    private static final Set<String> ATTRIBUTION = WordLists.get("attribution");
    /** Words after which a sentence's closing attribution may still run (", officials said on Friday"), besides day and month names. */
    private static final Set<String> TRAILING_TIME = Set.of("today", "yesterday", "tonight", "on", "late", "earlier", "last", "this",
            "week", "night", "morning", "evening", ".", "''", "\"", "'", "”");
    /** The verb that ends a speaker clause (", the co-chairman said"). */
    private static final Set<String> CLOSING_SPEECH = WordLists.get("closing-speech");
    /** The word that opens a speaker clause (", according to ...", ", reports Reuters"). */
    private static final Set<String> OPENING_SPEECH = WordLists.get("opening-speech");
    /** Words that make a cue after a hyphen part of an adjective ("long-threatened", "much-delayed"). */
    private static final Set<String> COMPOUND_ADVERBS = WordLists.get("compound-adverbs");
    /** Participles that make a country before them a backer of someone else ("Syrian-backed"). */
    private static final Set<String> PATRON_PARTICIPLES = WordLists.get("patron-participles");
    /** Armed groups of no state: a patron participle after one describes it ("militias backed by Iran"). */
    private static final Set<String> PROXIES = WordLists.get("proxies");

    /** The first words of pair phrases that refer to the sentence's own countries ("each other", "bilateral", "their countries"). */
    private static final Set<String> SELF_REFERENCES = Set.of("each", "bilateral", "their");
    /** Words that open a clause or a phrase of their own: the group after them is no object ("mediated since Russia ..."). */
    private static final Set<String> CLAUSE_OPENERS = Set.of("since", "after", "before", "when", "while", "as", "because", "that",
            "which", "who", "until", "if", "unless", "although", "though", "where", "by", "with", "from", "to", "in", "on", "at",
            "for", "of", "against", "and", "or", "but");

    static final Set<String> COORDINATION = Set.of(",", "and", "&", "as", "well", "the", "or", "his", "her", "their", "its",
            "'s", "both", "-");

    private final Lexicons lex;
    /** The bits of the role labels the rules ask about ({@link CueLexicon#labelBit}). */
    private final long visit;
    private final long pairRef;
    private final long pairAct;
    private final long reciprocal;
    private final long multi;
    private final long trilateral;
    private final long follow;

    RelationTagger(Lexicons lexicons) {
        this.lex = lexicons;
        CueLexicon roles = lexicons.roles();
        this.visit = roles.labelBit("VISIT");
        this.pairRef = roles.labelBit("PAIR_REF");
        this.pairAct = roles.labelBit("PAIR_ACT");
        this.reciprocal = roles.labelBit("RECIPROCAL");
        this.multi = roles.labelBit("MULTI");
        this.trilateral = roles.labelBit("TRILATERAL");
        this.follow = roles.labelBit("FOLLOW");
    }

    private record Found(String pair, EventType type, Modality modality, Direction direction, double confidence, Sentence sentence,
            boolean strong) {}

    /**
     * Two countries in code order, and the pair's key "A-B", made when first asked for (many pairs a
     * cue suggests are the same pair again). Country codes are alpha-3 (no '-'), so a key splits back
     * into its two codes at the '-'.
     */
    private static final class Pair {
        private final String a;
        private final String b;
        private String key;

        private Pair(String a, String b) {
            this.a = a;
            this.b = b;
        }

        static Pair of(String x, String y) {
            return x.compareTo(y) < 0 ? new Pair(x, y) : new Pair(y, x);
        }

        static Pair ofKey(String key) {
            String[] ab = key.split("-");
            Pair pair = new Pair(ab[0], ab[1]);
            pair.key = key;
            return pair;
        }

        String a() {
            return a;
        }

        String b() {
            return b;
        }

        String key() {
            if (key == null) {
                key = a + "-" + b;
            }
            return key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Pair p && a.equals(p.a) && b.equals(p.b);
        }

        @Override
        public int hashCode() {
            return 31 * a.hashCode() + b.hashCode();
        }
    }

    /** A tag's event type and modality: the found cues of a pair are grouped by these. */
    private record TypeAndModality(EventType type, Modality modality) {}

    /**
     * What one sentence holds: its mentions, event cues and role words, and for a sentence with cues
     * its actors (the sentences without cues take part only through their mentions and sectors).
     */
    private record Facts(Sentence sentence, List<Mention> mentions, List<Mention> actors, List<Match<Cue>> cues, RoleMatches roles) {

        /** Whether the sentence holds a role phrase with the label whose bit is {@code labelBit}. */
        boolean has(long labelBit) {
            return roles.inSentence(sentence.index(), labelBit);
        }
    }

    /**
     * The sectors each sentence's cues name (cue words inside the names of places and persons left
     * out), found when first asked for: only sentences that bear on a pair are.
     */
    private final class SentenceSectors {
        private final StoryWords words;
        private final List<Sentence> sentences;
        private final boolean[] inPlaceOrPerson;
        private final List<Set<Sector>> found;

        SentenceSectors(StoryWords words, List<Sentence> sentences, boolean[] inPlaceOrPerson) {
            this.words = words;
            this.sentences = sentences;
            this.inPlaceOrPerson = inPlaceOrPerson;
            this.found = new ArrayList<>(java.util.Collections.nCopies(sentences.size(), null));
        }

        Set<Sector> of(int sentence) {
            Set<Sector> sectors = found.get(sentence);
            if (sectors == null) {
                sectors = EnumSet.noneOf(Sector.class);
                Sentence s = sentences.get(sentence);
                PhraseMatcher<Cue> cues = lex.sectors().matcher();
                for (Match<Cue> m = cues.firstMatch(words, s.from(), s.to()); m != null; m = cues.firstMatch(words, m.to(), s.to())) {
                    if (!inPlaceOrPerson[m.from()]) {
                        for (Cue c : m.values()) {
                            if (!CueLexicon.NONE.equals(c.label())) { // "external environment": a longer phrase that shadows a sector word
                                sectors.add((Sector) c.constant());
                            }
                        }
                    }
                }
                found.set(sentence, sectors);
            }
            return sectors;
        }
    }

    List<PairRelation> tag(String text, List<Token> tokens, StoryWords words, List<Sentence> sentences, RoleMatches roles,
            List<Mention> mentions) {
        boolean[] inPlaceOrPerson = new boolean[words.size()];
        List<Facts> facts = facts(tokens, words, sentences, roles, mentions, inPlaceOrPerson);
        // by the token where an event cue starts (no two cues start at one token), its modality once known: an array,
        // where a map by cue would hash each new cue object by identity, a call into the VM for each
        Modality[] modalities = new Modality[words.size()];
        List<Found> found = new ArrayList<>();
        List<Facts> referring = new ArrayList<>();
        List<Facts> responding = new ArrayList<>(); // sentences that name one country only
        List<Facts> deferred = new ArrayList<>();
        List<String> storyCountries = storyCountries(facts);
        boolean bilateral = storyCountries.size() <= 2;
        for (Facts f : facts) {
            if (f.cues().isEmpty()) {
                continue;
            }
            List<String> countries = countries(f.actors());
            if (countries.size() >= 2 && (f.has(pairRef) && jointlyOnThePair(f, tokens) || sideBySideOnAThird(f, tokens, words))) {
                deferred.add(f); // "China and the United States urged both sides": the pair of others, or theirs (see below)
                continue;
            }
            if (countries.size() < 2) {
                if (f.has(pairRef) || countries.size() == 1 && f.has(pairAct)) {
                    referring.add(f);
                } else if (countries.size() == 1 && namesOnly(f.mentions(), countries.get(0))) {
                    responding.add(f);
                }
                continue;
            }
            relate(f, countries, tokens, words, modalities, bilateral, found);
        }
        for (Facts f : facts) {
            if (f.has(follow)) {
                followSuit(f, found);
            }
        }
        Set<String> established = new LinkedHashSet<>();
        establish(found, established);
        String mainPair = mainPair(found, established);
        for (Facts f : deferred) {
            if (mainPair != null && !thirdCountries(f, Pair.ofKey(mainPair)).isEmpty()) {
                if (f.has(pairRef) || hasQualifier(f.cues().get(0), MEDIATION)) {
                    // third countries side by side, each acting on both sides of the main pair: "urged both sides", "tried to mediate"
                    referring.add(f);
                } // else "France and Russia called for a ceasefire": they ask it of no one named, and not of each other
            } else {
                int before = found.size();
                relate(f, countries(f.actors()), tokens, words, modalities, bilateral, found); // "as the two countries ended a rift"
                establish(found.subList(before, found.size()), established);
            }
        }
        if (mainPair == null && !deferred.isEmpty()) {
            mainPair = mainPair(found, established);
        }
        // "A forum of Pavlodar Region and Omsk Region ... Companies of the two regions signed contracts": a story of two
        // countries and no pair yet; "the two regions" are those two
        boolean onlyTwo = mainPair == null && bilateral && !referring.isEmpty();
        if (onlyTwo && storyCountries.size() == 2) {
            mainPair = Pair.of(storyCountries.get(0), storyCountries.get(1)).key();
        }
        if (mainPair != null) {
            Pair main = Pair.ofKey(mainPair);
            ActorIndex none = new ActorIndex(List.of());
            List<Pair> triangle = triangle(main, established);
            boolean trilateralStory = false;
            for (Facts f : facts) {
                trilateralStory |= f.has(trilateral);
            }
            Set<String> withBothSides = new HashSet<>(); // pairs of a third country that acts on both sides
            for (Facts f : referring) {
                // "the three countries"; and in a trilateral story "the ministers", "the sides" (not "the two
                // countries"): every pair of the three countries
                boolean toAll = f.has(trilateral) || trilateralStory && !has(words, f.sentence(), WordClass.DUAL);
                List<Pair> referred = toAll && triangle != null ? triangle : List.of(main);
                List<String> thirds = thirdCountries(f, main);
                // "the two countries ... called for talks": the demanded act is hypothetical here too
                markDemanded(f.cues(), groups(f.actors(), tokens, words), f.mentions(), words, tokens, modalities);
                boolean onTheirAct = !f.has(pairRef); // "Palestinian leaders condemned the accord": only a third country's act on it
                for (Match<Cue> cue : f.cues()) {
                    boolean toBothSides = !thirds.isEmpty() && (actsOnThePair(f, cue) || hasQualifier(cue, MEDIATION));
                    if (onTheirAct && !toBothSides) {
                        continue;
                    }
                    List<Pair> withEachSide = new ArrayList<>();
                    if (toBothSides) {
                        for (String third : thirds) {
                            withEachSide.add(Pair.of(third, main.a()));
                            withEachSide.add(Pair.of(third, main.b()));
                        }
                        withEachSide.forEach(pair -> withBothSides.add(pair.key()));
                    }
                    if (!needsObject(cue) && (toBothSides || !needsSubject(cue))) {
                        for (Pair pair : toBothSides ? withEachSide : referred) {
                            Modality modality = modality(modalities, tokens, words, f.sentence(), cue);
                            tagsFor(pair, cue, none, modality, modality == Modality.PLANNED && promised(words, f.sentence(), cue),
                                    f.sentence(), found);
                        }
                    }
                }
            }
            for (Found f : found) {
                if (f.strong() && withBothSides.contains(f.pair())) {
                    established.add(f.pair());
                }
            }
            for (Facts f : responding) {
                String country = f.actors().get(0).country();
                if (country.equals(main.a()) || country.equals(main.b())) {
                    for (Match<Cue> cue : f.cues()) {
                        if (isStrongOf(cue, RESPONSES) && !needsObject(cue)) {
                            tagsFor(main, cue, none, modality(modalities, tokens, words, f.sentence(), cue), false, f.sentence(), found);
                        }
                    }
                }
            }
        }
        if (onlyTwo && mainPair != null) {
            String only = mainPair;
            if (found.stream().anyMatch(f -> f.strong() && f.pair().equals(only))) {
                established.add(only);
            }
        }
        return build(text, found, established, facts, new SentenceSectors(words, sentences, inPlaceOrPerson), mainPair, referring);
    }

    /** The countries of the story's actors, in order of first mention; at most three (three means "more than two"). */
    private static List<String> storyCountries(List<Facts> facts) {
        List<String> countries = new ArrayList<>(3);
        for (Facts f : facts) {
            for (Mention m : f.actors()) {
                if (!countries.contains(m.country())) {
                    countries.add(m.country());
                    if (countries.size() == 3) {
                        return countries;
                    }
                }
            }
        }
        return countries;
    }

    /**
     * "Saudi Arabia cut diplomatic ties with Iran. Bahrain and Sudan followed suit": the countries named before a FOLLOW
     * phrase, and in no pair of its sentence yet, do the acts last told with a direction (in this sentence or the
     * nearest one before) to their targets.
     */
    private void followSuit(Facts f, List<Found> found) {
        int at = f.sentence().from();
        while (at < f.sentence().to() && (f.roles().at(at) == null || (f.roles().at(at).tags() & follow) == 0)) {
            at++;
        }
        Set<String> followers = new LinkedHashSet<>();
        for (Mention m : f.mentions()) {
            if (m.to() <= at && m.actor() && m.country() != null && m.type() != EntityType.DATE) {
                followers.add(m.country());
            }
        }
        for (Found x : found) {
            if (x.sentence() == f.sentence()) { // "Britain expelled Russian diplomats, and Poland followed suit": not Britain, not Russia
                Pair pair = Pair.ofKey(x.pair());
                followers.remove(pair.a());
                followers.remove(pair.b());
            }
        }
        int last = -1;
        for (Found x : found) {
            if (x.sentence().index() <= f.sentence().index() && x.direction() != null && x.modality() != Modality.NEGATED
                    && !followers.contains(x.direction().source())) {
                last = Math.max(last, x.sentence().index());
            }
        }
        List<Found> added = new ArrayList<>();
        for (Found x : found) {
            if (x.sentence().index() == last && x.direction() != null && x.modality() != Modality.NEGATED
                    && !followers.contains(x.direction().source())) {
                for (String country : followers) {
                    String target = x.direction().target();
                    if (!country.equals(target)) {
                        added.add(new Found(Pair.of(country, target).key(), x.type(), x.modality(), new Direction(country, target),
                                x.confidence(), f.sentence(), x.strong()));
                    }
                }
            }
        }
        found.addAll(added);
    }

    /** Tags the pairs of the countries a sentence names with its cues (its {@code countries}: two or more). */
    private void relate(Facts f, List<String> countries, List<Token> tokens, StoryWords words, Modality[] modalities,
            boolean bilateral, List<Found> found) {
        Set<String> excluded = listedTogether(words, f, f.has(multi) && !f.has(trilateral));
        ActorGroups groups = groups(f.actors(), tokens, words);
        ActorIndex actors = new ActorIndex(f.actors());
        boolean mutual = f.has(reciprocal);
        Map<Pair, List<Match<Cue>>> cuesByPair = new LinkedHashMap<>();
        Match<Cue>[] demandOf = markDemanded(f.cues(), groups, f.mentions(), words, tokens, modalities);
        int[] nextCues = nextCueStarts(f.cues());
        for (int k = 0; k < f.cues().size(); k++) {
            Match<Cue> cue = f.cues().get(k);
            boolean passive = cue.to() < f.sentence().to() && tokens.get(cue.to()).is("by");
            Match<Cue> demand = demandOf[k];
            for (Pair pair : pairsFor(cue, nextCues[k], groups, countries, excluded, mutual, passive, tokens,
                    organisationRole(cue, f.mentions(), tokens, words), f.cues(), bilateral)) {
                List<Match<Cue>> cues = cuesByPair.computeIfAbsent(pair, key -> new ArrayList<>());
                if (demand != null && !cues.contains(demand)) {
                    cues.add(demand); // "threatened to break off relations with Congo": the threat is to whom the act is
                }
                cues.add(cue);
            }
        }
        for (var entry : cuesByPair.entrySet()) {
            Pair pair = entry.getKey();
            for (Match<Cue> cue : linking(entry.getValue(), pair.a(), pair.b(), actors, tokens)) {
                Modality modality = modality(modalities, tokens, words, f.sentence(), cue);
                if (modality == Modality.PLANNED && isOf(cue, ULTIMATUM_ACTS) && unlessAfter(tokens, f.sentence(), cue)) {
                    // "will close its border with Togo unless ...": an ultimatum, THREATEN; its act is hypothetical
                    modality = Modality.NEGATED;
                    modalities[cue.from()] = modality;
                    threat(pair, cue, actors, f.sentence(), found);
                }
                tagsFor(pair, cue, actors, modality, modality == Modality.PLANNED && promised(words, f.sentence(), cue),
                        f.sentence(), found);
            }
        }
    }

    /** Adds the pairs of the strong tags among {@code tags} to {@code established}. */
    private static void establish(List<Found> tags, Set<String> established) {
        for (Found x : tags) {
            if (x.strong()) {
                established.add(x.pair());
            }
        }
    }

    /** The countries a sentence names when none of them is of the story's main pair, else none. */
    private static List<String> thirdCountries(Facts f, Pair main) {
        List<String> countries = countries(f.actors());
        return countries.contains(main.a()) || countries.contains(main.b()) ? List.of() : countries;
    }

    /** Whether every actor ends before the cue. */
    private static boolean allBefore(List<Mention> actors, Match<Cue> cue) {
        for (Mention m : actors) {
            if (m.to() > cue.from()) {
                return false;
            }
        }
        return true;
    }

    /**
     * "France and Russia called for an immediate ceasefire", "Egypt and Qatar tried to mediate": the sentence's countries
     * stand in one group before its first cue, which asks, refuses, threatens or mediates; see {@link #tag} for what they
     * then make.
     */
    private static boolean sideBySideOnAThird(Facts f, List<Token> tokens, StoryWords words) {
        Match<Cue> first = f.cues().get(0);
        return (isOf(first, SAID_TOGETHER) || hasQualifier(first, MEDIATION)) && !isOf(first, MATERIAL) && allBefore(f.actors(), first)
                && groups(f.actors(), tokens, words).groups().size() == 1;
    }

    /**
     * "China and the United States urged both sides to show restraint": the sentence's first cue has every country of
     * the sentence before it and a phrase that refers to a pair right after it, before any other cue; if that pair is
     * the story's main pair and not theirs, they are third countries, each acting on both sides. Not "Russia and
     * Ukraine agreed to a truce and urged both sides' troops to hold fire": the first cue there is on the truce.
     */
    private boolean jointlyOnThePair(Facts f, List<Token> tokens) {
        Match<Cue> first = f.cues().get(0);
        if (!allBefore(f.actors(), first)) {
            return false;
        }
        int end = Math.min(f.sentence().to(), first.to() + OBJECT_REACH);
        if (f.cues().size() > 1) {
            end = Math.min(end, f.cues().get(1).from());
        }
        for (int i = first.to(); i < end; i++) {
            Match<Cue> ref = f.roles().at(i);
            if (ref != null && (ref.tags() & pairRef) != 0 && !SELF_REFERENCES.contains(tokens.get(i).norm())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "The United States urged both sides to show restraint", "Palestinian leaders condemned the accord": the sentence's one
     * country acts before the cue and the phrase that refers to the pair or to their joint act follows it, as the cue's
     * object; the country, not the pair, is a side of the act, with each of the two.
     */
    private boolean actsOnThePair(Facts f, Match<Cue> cue) {
        boolean actorBefore = false;
        for (Mention m : f.actors()) {
            actorBefore |= m.to() <= cue.from();
        }
        if (!actorBefore) {
            return false;
        }
        for (int i = cue.to(); i < Math.min(f.sentence().to(), cue.to() + OBJECT_REACH); i++) {
            Match<Cue> ref = f.roles().at(i);
            if (ref != null && (ref.tags() & (pairRef | pairAct)) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * One pass of the event cues over each sentence; cues inside names ("Shanghai Cooperation
     * Organisation") are left out. Marks the tokens inside names of places and persons in {@code inPlaceOrPerson}.
     */
    private List<Facts> facts(List<Token> tokens, StoryWords words, List<Sentence> sentences, RoleMatches roles, List<Mention> mentions,
            boolean[] inPlaceOrPerson) {
        List<List<Mention>> bySentence = new ArrayList<>(java.util.Collections.nCopies(sentences.size(), List.of()));
        boolean[] inName = new boolean[words.size()];
        boolean[] endsACountry = new boolean[words.size()];
        for (Mention m : mentions) {
            endsACountry[m.to() - 1] |= m.country() != null;
            if (bySentence.get(m.sentence()).isEmpty()) {
                bySentence.set(m.sentence(), new ArrayList<>());
            }
            bySentence.get(m.sentence()).add(m);
            if (m.type() != EntityType.COUNTRY && m.type() != EntityType.DATE) {
                for (int i = m.from(); i < m.to(); i++) {
                    inName[i] = true;
                    inPlaceOrPerson[i] |= m.type() != EntityType.ORG;
                }
            }
        }
        List<Facts> facts = new ArrayList<>(sentences.size());
        PhraseMatcher<Cue> events = lex.eventTypes().matcher();
        for (Sentence s : sentences) {
            List<Mention> inSentence = bySentence.get(s.index());
            List<Match<Cue>> cues = List.of();
            // the cues of a sentence that names no country and no pair ("the two countries") are never used
            // (see tag), so such a sentence is not searched for them
            boolean mayRelate = namesACountry(inSentence) || roles.inSentence(s.index(), pairRef);
            boolean sport = mayRelate && has(words, s, WordClass.SPORT);
            for (Match<Cue> m = mayRelate ? events.firstMatch(words, s.from(), s.to()) : null; m != null;
                    m = events.firstMatch(words, m.to(), s.to())) {
                boolean month = words.capitalized(m.from()) && words.in(m.from(), WordClass.CALENDAR); // "in March" is no march
                boolean result = sport && hasQualifier(m, CONTEST); // "Ghana beat Togo in the final"
                if (!inName[m.from()] && !month && !result && !inAdjective(tokens, m.from(), endsACountry)
                        && !describesAProxy(tokens, s, m) && !inAccusation(tokens, cues, m)
                        && !m.values().get(0).label().equals(CueLexicon.NONE)) {
                    if (cues.isEmpty()) {
                        cues = new ArrayList<>(2);
                    }
                    cues.add(m);
                }
            }
            List<Mention> actors = List.of();
            if (!cues.isEmpty()) {
                int attribution = attributionFrom(tokens, words, s, cues);
                if (attribution < s.to()) {
                    // cue words inside the closing attribution ("the meeting's co-chairman said") report no event
                    List<Match<Cue>> kept = new ArrayList<>(cues.size());
                    for (Match<Cue> c : cues) {
                        if (c.from() < attribution) {
                            kept.add(c);
                        }
                    }
                    cues = kept;
                }
                if (!cues.isEmpty()) {
                    actors = actors(inSentence, s, roles, cues, visit, attribution, tokens);
                }
            }
            facts.add(new Facts(s, inSentence, actors, cues, roles));
        }
        return facts;
    }

    /**
     * Actors side by side: a run of actor mentions with only coordination between them ("Belarus and
     * Kazakhstan", "the U.S., Australia and Japan", "Kazakh President Tokayev").
     */
    private static ActorGroups groups(List<Mention> actors, List<Token> tokens, StoryWords words) {
        List<List<Mention>> groups = new ArrayList<>();
        List<Mention> sorted = actors;
        if (!isSortedByStart(actors)) { // they mostly come in text order already
            sorted = new ArrayList<>(actors);
            sorted.sort(BY_START);
        }
        for (Mention m : sorted) {
            List<Mention> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            Mention prev = last == null ? null : last.get(last.size() - 1);
            if (prev != null && (m.from() < prev.to() || glued(words, prev, m))) {
                last.add(m);
            } else {
                groups.add(new ArrayList<>(List.of(m)));
            }
        }
        List<ActorGroups.Group> out = new ArrayList<>(groups.size());
        for (List<Mention> group : groups) {
            out.add(new ActorGroups.Group(group, codes(group), isPrepositionalObject(group, tokens, words)));
        }
        return new ActorGroups(out);
    }

    private static boolean isSortedByStart(List<Mention> mentions) {
        for (int k = 1; k < mentions.size(); k++) {
            if (mentions.get(k - 1).from() > mentions.get(k).from()) {
                return false;
            }
        }
        return true;
    }

    /**
     * "long-threatened", "Syrian-backed": a cue word joined by a hyphen to an adverb before it, or a patron's participle
     * joined to a country, is part of an adjective, which reports no act ("mounted its long-threatened invasion" threatens
     * nothing). {@code endsACountry} marks the last words of mentions of a country; null where only the adverbs count.
     */
    private static boolean inAdjective(List<Token> tokens, int cue, boolean[] endsACountry) {
        if (cue < 2 || !tokens.get(cue - 1).is("-") || tokens.get(cue - 2).end() != tokens.get(cue - 1).start()
                || tokens.get(cue - 1).end() != tokens.get(cue).start()) {
            return false;
        }
        return COMPOUND_ADVERBS.contains(tokens.get(cue - 2).norm())
                || (endsACountry != null && endsACountry[cue - 2] && PATRON_PARTICIPLES.contains(tokens.get(cue).norm()));
    }

    /**
     * "clashed with Ethiopian militias backed by the Ethiopian army": a patron participle right after an armed group of
     * no state describes the group, whose backer supports no country of the sentence (support of rebels is no event).
     */
    private static boolean describesAProxy(List<Token> tokens, Sentence s, Match<Cue> cue) {
        return cue.from() > s.from() && PATRON_PARTICIPLES.contains(tokens.get(cue.from()).norm())
                && PROXIES.contains(tokens.get(cue.from() - 1).norm());
    }

    /**
     * "accused Qatar of supporting Iran", "accusing it of backing rebels": what the accused is said to have done is the
     * accusation's content, no act of the sentence's countries; the cue stands at most two words after the "of" that
     * follows an accusation, within {@value #OBJECT_REACH} words of it.
     */
    private static boolean inAccusation(List<Token> tokens, List<Match<Cue>> before, Match<Cue> cue) {
        if (before.isEmpty()) {
            return false;
        }
        Match<Cue> prev = before.get(before.size() - 1);
        if (!isOf(prev, ACCUSATIONS) || cue.from() - prev.to() > OBJECT_REACH) {
            return false;
        }
        return tokenBetween(tokens, "of", Math.max(prev.to(), cue.from() - 3), cue.from());
    }

    private static boolean glued(StoryWords words, Mention prev, Mention next) {
        if (prev.country().equals(next.country()) && next.from() - prev.to() <= 3) {
            return true; // "Kazakh President Kassym-Jomart Tokayev"
        }
        return onlyCoordinationBetween(words, prev.to(), next.from());
    }

    /**
     * For each cue of a sentence (in text order, as found), where the next cue of another event type
     * starts ("signed an agreement" is one event), or max. Two cues are of the same type when they share
     * a label, that is a bit of their {@link PhraseMatcher.Match#tags}. One sweep from the right,
     * keeping the nearest start of each tag set seen: there are few tag sets (the lexicon's), so this
     * stays linear in the number of cues where a pass over all cues for each would not.
     */
    private static int[] nextCueStarts(List<Match<Cue>> cues) {
        int[] next = new int[cues.size()];
        List<long[]> nearest = new ArrayList<>(); // {tags, start of the nearest cue to the right with them}
        for (int k = cues.size() - 1; k >= 0; k--) {
            Match<Cue> cue = cues.get(k);
            long tags = cue.tags();
            long start = Integer.MAX_VALUE;
            long[] own = null;
            for (long[] seen : nearest) {
                if ((seen[0] & tags) == 0) {
                    start = Math.min(start, seen[1]);
                }
                if (seen[0] == tags) {
                    own = seen;
                }
            }
            next[k] = (int) start;
            if (own == null) {
                nearest.add(new long[] {tags, cue.from()});
            } else {
                own[1] = cue.from();
            }
        }
        return next;
    }

    /**
     * Whether a group before the cue is no subject of it: the object of an earlier cue ("defended Iraq and Libya on Friday
     * against Western criticism", "tortured scores of Sierra Leonean and Liberian refugees") or the antecedent of a relative
     * clause ("Liberian refugees, whom authorities blame").
     */
    private static boolean objectOfAnother(ActorGroups.Group group, Match<Cue> cue, List<Match<Cue>> cues, List<Token> tokens) {
        for (Match<Cue> other : cues) {
            if (other != cue && follows(other, group, tokens)) {
                return true;
            }
        }
        for (int i = group.to(); i < Math.min(cue.from(), group.to() + 3); i++) {
            Token t = tokens.get(i);
            if (t.is("whom") || t.is("which") || t.is("whose")) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Poland will expel four Russian diplomats in solidarity with Britain": the group before a cue that is the object of
     * an earlier verb of the clause is not the subject of this cue; that verb's subject is.
     */
    private static ActorGroups.Group actorOfObject(ActorGroups.Group group, ActorGroups groups, List<Match<Cue>> cues,
            List<Token> tokens) {
        if (group == null) {
            return null;
        }
        ActorGroups.Group actor = groups.subjectBefore(group.from());
        if (actor == null) {
            return group;
        }
        for (Match<Cue> verb : cues) {
            // its direct object: no preposition or clause between ("the accusations from Warsaw" are Warsaw's)
            if (verb.from() >= actor.to() && follows(verb, group, tokens) && !clauseOpensBetween(tokens, verb.to(), group.from())
                    && !commaIn(tokens, actor.to(), group.from())) {
                return actor;
            }
        }
        return group;
    }

    /** Whether the group follows the cue closely: at most two words between, no comma. */
    private static boolean follows(Match<Cue> cue, ActorGroups.Group group, List<Token> tokens) {
        return cue.to() <= group.from() && group.from() - cue.to() <= 2 && !commaIn(tokens, cue.to(), group.from());
    }

    private static boolean clauseOpensBetween(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (CLAUSE_OPENERS.contains(tokens.get(i).norm())) {
                return true;
            }
        }
        return false;
    }

    private static boolean commaIn(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).is(",") || tokens.get(i).is(";") || tokens.get(i).is(":")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDirected(Match<Cue> cue) {
        for (Cue c : cue.values()) {
            if (UNDIRECTED.contains(type(c))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a mention is an international organisation (kind INTL in gazetteer/orgs.tsv): "U.N. Security Council" by its first word. */
    private boolean isInternational(Mention m) {
        if (m.type() != EntityType.ORG || m.country() != null) {
            return false;
        }
        Gazetteer.Entry org = lex.gazetteer().organisation(m.name());
        int space = m.name().indexOf(' ');
        if (org == null && space > 0) {
            org = lex.gazetteer().organisation(m.name().substring(0, space));
        }
        return org != null && "INTL".equals(org.orgKind());
    }

    /** What an international organisation is to a cue: its agent, what it acts on, or neither. */
    private enum OrganisationRole { AGENT, ACTED_ON, NONE }

    private OrganisationRole organisationRole(Match<Cue> cue, List<Mention> mentions, List<Token> tokens, StoryWords words) {
        if (internationalAgent(cue, mentions, tokens, words)) {
            return OrganisationRole.AGENT;
        }
        Mention after = firstMentionFrom(mentions, cue.to());
        boolean actedOn = after != null && isInternational(after) && after.from() - cue.to() <= 4 && isDirected(cue);
        return actedOn ? OrganisationRole.ACTED_ON : OrganisationRole.NONE;
    }

    /**
     * Whether the cue's own agent is an international organisation: the nearest mention before it in its clause
     * ("a United Nations appeal", "UN inspectors probing", "a UN Security Council resolution that aims to tighten
     * sanctions"), or the agent after "by" ("indicted by the U.N. war crimes court").
     */
    private boolean internationalAgent(Match<Cue> cue, List<Mention> mentions, List<Token> tokens, StoryWords words) {
        Mention nearest = null;
        for (Mention m : mentions) {
            if (m.type() != EntityType.DATE && m.to() <= cue.from() && (nearest == null || m.to() > nearest.to())) {
                nearest = m;
            }
        }
        if (nearest != null && isInternational(nearest) && !clauseBreakIn(words, nearest.to(), cue.from())) {
            int gap = cue.from() - nearest.to();
            if (gap <= 3) {
                return true; // "a United Nations appeal", "UN inspectors probing"
            }
            for (int i = nearest.to(); i < cue.from(); i++) {
                if (tokens.get(i).is("that") || tokens.get(i).is("which")) {
                    // "a U.N. Security Council resolution that aims to tighten sanctions and impose a naval blockade":
                    // every cue of the relative clause is the organisation's act
                    return true;
                }
            }
        }
        int by = cue.to();
        if (by < tokens.size() && tokens.get(by).is("by")) {
            Mention after = firstMentionFrom(mentions, by + 1);
            return after != null && isInternational(after) && after.from() - by <= 2;
        }
        return false;
    }

    private static Mention firstMentionFrom(List<Mention> mentions, int from) {
        Mention first = null;
        for (Mention m : mentions) {
            if (m.type() != EntityType.DATE && m.from() >= from && (first == null || m.from() < first.from())) {
                first = m;
            }
        }
        return first;
    }

    /**
     * The pairs a cue relates. The nearest group of actors before it is its subject, unless that group
     * is itself the object of a preposition ("backing for the Philippines and concern about China": the
     * subject of "concern" lies further back). The first group after it is its object when it follows
     * within {@value #OBJECT_REACH} tokens and no other cue stands between ("Lithuania recalled its ambassador to
     * China"; in "handed over prisoners in an exchange mediated by the UAE" the UAE is the object of
     * "mediated", not of "handed over"). Subject and
     * object pair across. A subject alone pairs within itself, an object alone only after "between", "among"
     * or "of" ("talks between Belarus and Kazakhstan"; not "sanctions on Iran and North Korea"), and so does a
     * subject of a joint act ("China, Kyrgyzstan and Uzbekistan signed ... with
     * ..."); for a directed act (accuse, attack) a group of three or more pairs within itself only when the
     * sentence says the act is mutual ("each", "each other"), and the group after "between" or "among" is the
     * directed act's sides, without the subject ("fighting between Armenian and Azerbaijani forces").
     * Countries listed side by side never pair with each other. Where nothing else pairs, a sentence with
     * exactly two countries relates them, unless they are an act's common objects.
     */
    private static Set<Pair> pairsFor(Match<Cue> cue, int nextCue, ActorGroups groups, List<String> sentenceCountries,
            Set<String> excluded, boolean reciprocal, boolean passive, List<Token> tokens, OrganisationRole organisation,
            List<Match<Cue>> cues, boolean bilateral) {
        ActorGroups.Group subject = actorOfObject(beyondApposition(groups.subjectBefore(cue.from()), cue.from(), groups, tokens),
                groups, cues, tokens);
        ActorGroups.Group object = groups.firstFrom(cue.to());
        if (object != null && (object.from() - cue.to() > OBJECT_REACH || object.from() >= nextCue
                || !bilateral && coordinateClauseBefore(object.from(), tokens) >= cue.to())) {
            // too far, another cue stands between and takes it ("... in an exchange mediated by the UAE"), or it is the
            // subject of the next clause ("Japan condemned the launch, and South Korea held a drill")
            object = null;
        }
        if (object != null && isOf(cue, ACCUSATIONS) && tokenBetween(tokens, "of", cue.to(), object.from())) {
            // "accusing it of supporting terrorism and Iran": the accused stands before "of"; "it" is whom the sentence's
            // act before was on ("cut ties with Qatar, accusing it of ...")
            Match<Cue> prev = cue.to() < tokens.size() && PRONOUNS.contains(tokens.get(cue.to()).norm()) ? cueBefore(cue, cues) : null;
            object = prev == null ? null : groups.firstFrom(prev.to());
            if (object != null && (object.to() > cue.from() || object.from() - prev.to() > OBJECT_REACH)) {
                object = null;
            }
            if (object != null) {
                subject = groups.subjectBefore(prev.from()); // ", accusing it": the sentence's subject accuses
            }
        }
        if (organisation == OrganisationRole.AGENT) {
            subject = null; // "a UN appeal to Iraq": the organisation acts, not a country named before it
        }
        Set<Pair> fromTo = fromTo(cue, object, groups, tokens);
        if (fromTo != null) {
            return fromTo;
        }
        if (subject == null && object != null && object.codes().size() >= 2 && !passive && !afterBetween(object, tokens)) {
            return Set.of(); // "the UN imposed sanctions on Iran and North Korea": an act's common objects, not sides
        }
        if (needsSubject(cue)) {
            // "Peru said Ecuador must stop moving troops": Peru demands of Ecuador; "the two countries must" is
            // no demand
            Set<Pair> pairs = new LinkedHashSet<>();
            ActorGroups.Group demandee = demandee(cue, groups, tokens);
            if (demandee != null) {
                subject = demandee;
                ActorGroups.Group speaker = groups.subjectBefore(subject.from());
                if (speaker != null) {
                    for (String a : speaker.codes()) {
                        addPair(pairs, a, subject.codes().get(0));
                    }
                } else if (sentenceCountries.size() == 2 && excluded.isEmpty()) {
                    addPair(pairs, sentenceCountries.get(0), sentenceCountries.get(1));
                }
            }
            return pairs;
        }
        if (needsObject(cue)) {
            if (object == null || object.from() - cue.to() > 1 || subject == null) {
                return Set.of(); // "concern about China's conduct" accuses China; "concern about trafficking" no one
            }
        }
        boolean directed = isDirected(cue);
        Set<Pair> pairs = new LinkedHashSet<>();
        if (directed && object != null && object.codes().size() >= 2 && isBetween(object, tokens)) {
            // "fighting between Armenian and Azerbaijani forces": the group is the act's two sides, and the
            // sentence's subject ("Russia closed its border after ...") is none of them
            List<String> side = object.codes();
            for (int x = 0; x < side.size(); x++) {
                for (int y = x + 1; y < side.size(); y++) {
                    addPair(pairs, side.get(x), side.get(y));
                }
            }
            return pairs;
        }
        if (subject != null && object != null) {
            for (String a : subject.codes()) {
                for (String b : object.codes()) {
                    addPair(pairs, a, b);
                }
            }
        }
        // "an exchange mediated by the UAE": the agent after "by" acts on the group before, which does not act within itself
        ActorGroups.Group alone = object == null ? subject : subject == null ? object : directed || passive ? null : subject;
        if (alone != null && hasQualifier(cue, MEDIATION)) {
            alone = null; // "a mediation mission between Syria and the PLO": each side meets the mediator, not the other
        }
        if (alone != null) {
            List<String> side = alone.codes();
            // a directed act of two countries side by side ("Armenian and Azerbaijani forces clashed") only where the cue
            // follows them closely: "defended Iraq and Libya on Friday against Western criticism" criticises neither
            boolean close = reciprocal || alone != subject || !objectOfAnother(subject, cue, cues, tokens);
            if (!directed || (side.size() == 2 && close) || reciprocal) {
                for (int x = 0; x < side.size(); x++) {
                    for (int y = x + 1; y < side.size(); y++) {
                        if (!(excluded.contains(side.get(x)) && excluded.contains(side.get(y)))) {
                            addPair(pairs, side.get(x), side.get(y));
                        }
                    }
                }
            }
        }
        if (pairs.isEmpty() && sentenceCountries.size() == 2 && excluded.isEmpty() && organisation == OrganisationRole.NONE
                && !((subject == null || !subject.codes().contains(sentenceCountries.get(0))
                        && !subject.codes().contains(sentenceCountries.get(1))) && oneGroupHolds(groups, sentenceCountries, tokens))
                && (bilateral || !inClausesOfTheirOwn(subject, groups, sentenceCountries, tokens))) {
            addPair(pairs, sentenceCountries.get(0), sentenceCountries.get(1));
        }
        return pairs;
    }

    /** The cue before {@code cue} in its sentence, or null. */
    private static Match<Cue> cueBefore(Match<Cue> cue, List<Match<Cue>> cues) {
        int k = cues.indexOf(cue);
        return k <= 0 ? null : cues.get(k - 1);
    }

    /**
     * "followed a request from the United States to Britain", "aid from Japan to Kenya": the sides of the act are named after
     * "from" and "to", whoever the sentence's subject is; null where the cue is not followed so.
     */
    private static Set<Pair> fromTo(Match<Cue> cue, ActorGroups.Group object, ActorGroups groups, List<Token> tokens) {
        if (object == null || cue.to() >= tokens.size() || !tokens.get(cue.to()).is("from") || !startsAt(object, cue.to() + 1, tokens)
                || object.to() >= tokens.size() || !tokens.get(object.to()).is("to")) {
            return null;
        }
        ActorGroups.Group to = groups.firstFrom(object.to() + 1);
        if (to == null || !startsAt(to, object.to() + 1, tokens)) {
            return null;
        }
        Set<Pair> pairs = new LinkedHashSet<>();
        for (String a : object.codes()) {
            for (String b : to.codes()) {
                addPair(pairs, a, b);
            }
        }
        return pairs;
    }

    /** Whether the group starts at token {@code i}, or right after a "the" there. */
    private static boolean startsAt(ActorGroups.Group group, int i, List<Token> tokens) {
        return group.from() == i || group.from() == i + 1 && tokens.get(i).is("the");
    }

    /**
     * "Japan condemned the launch, and South Korea held a drill" (in a story that names a third country): each country
     * is named only in a clause of its own, the clauses joined by ", and", ", while", ", but" or ";", and the cue's
     * subject is one of them: the cue says nothing of the other country. Where a clause names both ("India accused
     * Pakistan ..., and Pakistan denied it"), the second answers the first and the sentence's pair stands; so it does
     * in a story of the two countries alone, whose clauses are about each other.
     */
    private static boolean inClausesOfTheirOwn(ActorGroups.Group subject, ActorGroups groups, List<String> two, List<Token> tokens) {
        if (subject == null || subject.codes().containsAll(two)) {
            return false;
        }
        int join = -1;
        for (ActorGroups.Group g : groups.groups()) {
            int at = coordinateClauseBefore(g.from(), tokens);
            if (at >= 0) {
                join = at;
                break;
            }
        }
        if (join < 0) {
            return false;
        }
        Set<String> before = new HashSet<>();
        Set<String> after = new HashSet<>();
        for (ActorGroups.Group g : groups.groups()) {
            (g.from() < join ? before : after).addAll(g.codes());
        }
        return before.contains(two.get(0)) != before.contains(two.get(1)) && after.contains(two.get(0)) != after.contains(two.get(1));
    }

    /** The position of the ", and" (", while", ", but", ";") that opens a clause whose subject starts at {@code at}, or -1. */
    private static int coordinateClauseBefore(int at, List<Token> tokens) {
        int i = at - 1;
        if (i >= 0 && tokens.get(i).is("the")) {
            i--;
        }
        if (i >= 0 && tokens.get(i).is(";")) {
            return i;
        }
        boolean conjunction = i >= 1 && (tokens.get(i).is("and") || tokens.get(i).is("while") || tokens.get(i).is("but")
                || tokens.get(i).is("whereas"));
        return conjunction && tokens.get(i - 1).is(",") ? i - 1 : -1;
    }

    /**
     * Whether the two countries stand side by side in one group ("aid for Romania and Poland", "blows to the United
     * States and Israel"): common objects or a joint subject, which the cue itself pairs or not; the sentence's two
     * countries are then no sides of it.
     */
    private static boolean oneGroupHolds(ActorGroups groups, List<String> two, List<Token> tokens) {
        for (ActorGroups.Group g : groups.groups()) {
            if (g.codes().contains(two.get(0)) && g.codes().contains(two.get(1))) {
                // "India-China border affairs", "U.S.-Soviet talks": a compound that names the pair, not a list
                for (int i = Math.max(0, g.from() - 4); i < g.from(); i++) {
                    if (tokens.get(i).is("between") || tokens.get(i).is("among")) {
                        return false; // "between their capitals, Brazzaville and Kinshasa": the sides
                    }
                }
                for (int i = g.from(); i < g.to(); i++) {
                    if (tokens.get(i).is("and") || tokens.get(i).is("or") || tokens.get(i).is(",")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * "talks between Belarus and Kazakhstan", "a ceasefire between Ethiopia and Eritrea", "the partnership of
     * Turkey, Azerbaijan and Georgia": a group named as the sides of the act.
     */
    private static boolean afterBetween(ActorGroups.Group group, List<Token> tokens) {
        int before = wordBefore(group, tokens);
        return isBetween(group, tokens) || before >= 0 && tokens.get(before).is("of");
    }

    /**
     * A subject inside an apposition or a relative clause set off by commas ("Egypt, a major buyer of
     * Russian wheat, criticised ..."; "Qatar, which hosts a US air base, condemned ...") is not the verb's:
     * the group right before the opening comma is.
     */
    private static ActorGroups.Group beyondApposition(ActorGroups.Group subject, int cue, ActorGroups groups, List<Token> tokens) {
        if (subject == null) {
            return null;
        }
        boolean closed = false;
        for (int i = subject.to(); i < cue && !closed; i++) {
            closed = tokens.get(i).is(",");
        }
        if (!closed) {
            return subject;
        }
        for (int i = subject.from() - 1; i > 0 && i >= subject.from() - APPOSITION_REACH; i--) {
            Token t = tokens.get(i);
            if (t.is(",")) {
                Token next = tokens.get(i + 1);
                if (!APPOSITION_OPENERS.contains(next.norm())) {
                    return subject;
                }
                ActorGroups.Group before = groups.subjectBefore(i);
                return before != null && before.to() == i ? before : subject;
            }
        }
        return subject;
    }

    /** "between Armenia and Azerbaijan", "among the three countries". */
    private static boolean isBetween(ActorGroups.Group group, List<Token> tokens) {
        int before = wordBefore(group, tokens);
        return before >= 0 && (tokens.get(before).is("between") || tokens.get(before).is("among"));
    }

    private static int wordBefore(ActorGroups.Group group, List<Token> tokens) {
        int before = group.from() - 1;
        return before >= 0 && tokens.get(before).is("the") ? before - 1 : before;
    }

    private static boolean namesACountry(List<Mention> inSentence) {
        for (Mention m : inSentence) {
            if (m.type() != EntityType.DATE && (m.country() != null || m.host() != null)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The act that a threat, a request or a refusal is about did not happen, whatever its tense: "threatened to
     * break off relations", "called for sanctions", "urged Beijing to release the crew", "refused to send
     * troops". The first cue after a strong THREATEN or REQUEST cue, or a REJECT cue followed by "to", within {@value #DEMAND_REACH} words and the same clause,
     * is marked negated (taxonomy section 3: hypothetical). Returns each such act's threat or request, which
     * goes to the pairs of the act ("threatened to break off relations with Congo" threatens Congo), by the
     * act's place in {@code cues} (null for a cue that is no such act).
     */
    private static Match<Cue>[] markDemanded(List<Match<Cue>> cues, ActorGroups groups, List<Mention> mentions,
            StoryWords words, List<Token> tokens, Modality[] modalities) {
        @SuppressWarnings("unchecked")
        Match<Cue>[] demandOf = (Match<Cue>[]) new Match<?>[cues.size()];
        for (int k = 0; k + 1 < cues.size(); k++) {
            Match<Cue> cue = cues.get(k);
            boolean refusal = isStrongOf(cue, REFUSALS) && cue.to() < tokens.size() && tokens.get(cue.to()).is("to"); // "refused to send"
            if (isStrongOf(cue, PROMISES)) {
                // "agreed on Friday to drop its restrictions on salmon from Chile", "offered to hand over the suspects to Peru": the
                // agreement or offer goes to the pairs of the act, which keeps its own modality
                Match<Cue> next = cues.get(k + 1);
                boolean toAct = tokenBetween(tokens, "to", cue.to() - 1, Math.min(next.from(), cue.to() + 3)); // "agreed on Tuesday to"
                if (toAct && demandOf[k] == null && next.from() - cue.to() <= DEMAND_REACH
                        && !clauseBreakIn(words, cue.to(), next.from()) && !isOf(next, PROMISES)) {
                    if (demandOf[k + 1] == null) { // not in place of a refusal: "refused to pledge any funding"
                        demandOf[k + 1] = cue;
                    }
                }
                continue;
            }
            if ((isStrongOf(cue, DEMANDS) && (!needsSubject(cue) || demandee(cue, groups, tokens) != null)) || refusal) {
                Match<Cue> next = cues.get(k + 1);
                if (next.from() - cues.get(k).to() <= DEMAND_REACH && !clauseBreakIn(words, cues.get(k).to(), next.from())) {
                    modalities[next.from()] = Modality.NEGATED;
                    if (!needsSubject(cue)) { // "Vietnam must free the crew": the demand is made of Vietnam, not of the crew's country
                        demandOf[k + 1] = cues.get(k);
                    }
                    // the act goes on in cues close behind, with no name between: "threatened to slap import
                    // tariffs", "refused to pledge any further funding"; not after an act that undoes something,
                    // which exists ("urged Argentina to withdraw the safeguard duties")
                    for (int j = k + 2; j < cues.size(); j++) {
                        Match<Cue> prev = cues.get(j - 1);
                        Match<Cue> more = cues.get(j);
                        if (isOf(prev, UNDOING) || more.from() - prev.to() > ACT_GAP || more.from() - cue.to() > DEMAND_REACH
                                || clauseBreakIn(words, prev.to(), more.from()) || mentionIn(mentions, prev.to(), more.from())) {
                            break;
                        }
                        modalities[more.from()] = Modality.NEGATED;
                        if (!needsSubject(cue)) {
                            demandOf[j] = cue;
                        }
                    }
                }
            }
        }
        return demandOf;
    }

    /** Whether "to" stands in [from, to). */
    /** The event type of an event cue. */
    private static EventType type(Cue c) {
        return (EventType) c.constant();
    }

    /** Whether some type of the cue is one of {@code types}. */
    private static boolean isOf(Match<Cue> cue, Set<EventType> types) {
        for (Cue c : cue.values()) {
            if (types.contains(type(c))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a mention (other than a date) starts in [from, to). */
    private static boolean mentionIn(List<Mention> mentions, int from, int to) {
        for (Mention m : mentions) {
            if (m.from() >= from && m.from() < to && m.type() != EntityType.DATE) {
                return true;
            }
        }
        return false;
    }

    private static boolean clauseBreakIn(StoryWords words, int from, int to) {
        for (int i = from; i < to; i++) {
            if (words.in(i, WordClass.CLAUSE_BREAK)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The three pairs of the one third country that the story pairs with both countries of the main pair
     * (all three pairs established), or null where there is none or more than one.
     */
    private static List<Pair> triangle(Pair main, Set<String> established) {
        List<Pair> triangle = null;
        for (String key : established) {
            Pair p = Pair.ofKey(key);
            String third = p.a().equals(main.a()) ? p.b() : p.b().equals(main.a()) ? p.a() : null;
            if (third != null && !third.equals(main.b()) && established.contains(Pair.of(third, main.b()).key())) {
                if (triangle != null) {
                    return null;
                }
                triangle = List.of(main, p, Pair.of(third, main.b()));
            }
        }
        return triangle;
    }

    /** Whether the sentence has a word of the class: "two" ({@link WordClass#DUAL}), "final" ({@link WordClass#SPORT}). */
    private static boolean has(StoryWords words, Sentence s, WordClass c) {
        for (int i = s.from(); i < s.to(); i++) {
            if (words.in(i, c)) {
                return true;
            }
        }
        return false;
    }

    /** A cue that is an event only with a country right after it (qualifier OBJECT in the lexicon). */
    private static boolean needsObject(Match<Cue> cue) {
        return hasQualifier(cue, OBJECT);
    }

    /** A cue that is an event only right after one country's actor (qualifier SUBJECT in the lexicon): "Ecuador must". */
    private static boolean needsSubject(Match<Cue> cue) {
        return hasQualifier(cue, SUBJECT);
    }

    /**
     * The one country's group a "must" is said of, or null: right before it ("Vietnam must", "the Bolivian authorities
     * must"); taken up by a pronoun after the speaker has named it ("issued a reminder to Iraq that it must cooperate");
     * or first of a pair with a party that is no country ("the Sudanese government and the rebels in Darfur must").
     * "Belarus and Kazakhstan must" or "the two countries must" is an aim the sides share: null.
     */
    private static ActorGroups.Group demandee(Match<Cue> cue, ActorGroups groups, List<Token> tokens) {
        ActorGroups.Group subject = groups.subjectBefore(cue.from());
        if (subject != null && subject.codes().size() == 1 && cue.from() - subject.to() <= 1
                && (subject.to() == cue.from() || SUBJECT_HEADS.contains(tokens.get(subject.to()).norm()))) {
            return subject;
        }
        ActorGroups.Group nearest = null; // the nearest group before the cue, a preposition's object or not
        for (ActorGroups.Group g : groups.groups()) {
            if (g.to() <= cue.from()) {
                nearest = g;
            }
        }
        if (nearest == null || nearest.codes().size() != 1) {
            return null;
        }
        int i = nearest.to();
        if (i < cue.from() && tokens.get(i).is("that") && cue.from() - i == 2
                && (tokens.get(i + 1).is("it") || tokens.get(i + 1).is("they"))
                && groups.subjectBefore(nearest.from()) != null) {
            return nearest; // "a stern reminder to Iraq that it must": a speaker before, and the pronoun takes up Iraq
        }
        if (i < cue.from() && SUBJECT_HEADS.contains(tokens.get(i).norm())) {
            i++;
        }
        if (i < cue.from() && tokens.get(i).is("and") && cue.from() - i <= 6) {
            for (int k = i + 1; k < cue.from(); k++) {
                if (tokens.get(k).is(",") || tokens.get(k).is("that")) {
                    return null;
                }
            }
            return nearest; // "the Sudanese government and the rebels in Darfur must": no other country's group between
        }
        return null;
    }

    /** Whether the cue carries the lexicon qualifier (its fourth column): OBJECT, CONTEST, SUBJECT, MEDIATION. */
    private static boolean hasQualifier(Match<Cue> cue, String qualifier) {
        for (Cue c : cue.values()) {
            if (c.qualifier() == qualifier) {
                return true;
            }
        }
        return false;
    }


    /** Whether the sentence's mentions name no country but {@code country}. */
    private static boolean namesOnly(List<Mention> mentions, String country) {
        for (Mention m : mentions) {
            if (m.type() != EntityType.DATE && m.country() != null && !m.country().equals(country)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether every type of a cue is one of {@code types}, with a strong weight: a threat or request
     * ({@link #DEMANDS}) whose object did not happen; a rejection or accusation ({@link #RESPONSES}) by
     * one side of a story's main pair, which concerns the other side even when the sentence names only
     * the one ("Venezuela's government rejected the measures as illegitimate").
     */
    private static boolean isStrongOf(Match<Cue> cue, Set<EventType> types) {
        for (Cue c : cue.values()) {
            if (!types.contains(type(c)) || c.weight() < STRONG_CUE) {
                return false;
            }
        }
        return true;
    }

    /** "for the Philippines", "about China's conduct": a group governed by a preposition. */
    private static boolean isPrepositionalObject(List<Mention> group, List<Token> tokens, StoryWords words) {
        int i = group.get(0).from() - 1;
        if (i >= 0 && tokens.get(i).is("the")) {
            i--;
        }
        return i >= 0 && words.in(i, WordClass.OBJECT_PREPOSITION);
    }

    /** The countries of a group's actors, each once, in order. */
    private static List<String> codes(List<Mention> group) {
        return group.size() == 1 ? List.of(group.get(0).country()) : countries(group);
    }

    /**
     * The countries of mentions, each once, in order. A list, not a set: there are a few countries per
     * sentence, and never more than there are country codes, so a look through the list stays cheap.
     */
    private static List<String> countries(List<Mention> mentions) {
        List<String> countries = new ArrayList<>(4);
        for (int k = 0; k < mentions.size(); k++) {
            String c = mentions.get(k).country();
            if (!countries.contains(c)) {
                countries.add(c);
            }
        }
        return countries;
    }

    private static void addPair(Set<Pair> pairs, String a, String b) {
        if (!a.equals(b)) {
            pairs.add(Pair.of(a, b));
        }
    }

    /**
     * Where some cues of a sentence stand between the two countries' actors ("Pakistan summoned India's
     * envoy"), those report the pair's event, and the sentence's other cues (a cause, a background, an
     * embedded clause: "accused Y of attacking") are left to the pairs they stand between; except a
     * second verb of the same subject after them ("accused Greece of militarising the islands and
     * warned that ...", "called on South Africa to withdraw the duties, and warned ...").
     */
    private static List<Match<Cue>> linking(List<Match<Cue>> cues, String a, String b, ActorIndex actors, List<Token> tokens) {
        List<Match<Cue>> between = new ArrayList<>();
        for (Match<Cue> cue : cues) {
            if ((actors.endsBy(a, cue.from()) && actors.startsFrom(b, cue.to()))
                    || (actors.endsBy(b, cue.from()) && actors.startsFrom(a, cue.to()))) {
                between.add(cue);
            }
        }
        for (Match<Cue> cue : between) {
            for (Cue c : cue.values()) {
                if (c.weight() >= STRONG_CUE) {
                    int lastBetween = between.get(between.size() - 1).to();
                    for (Match<Cue> other : cues) {
                        if (other.from() >= lastBetween && (isCoordinatedVerb(tokens, other.from())
                                || answersIt(tokens, lastBetween, other.from(), a, b, actors))) {
                            between.add(other);
                        }
                    }
                    return between;
                }
            }
        }
        return cues;
    }

    /**
     * "accused Qatar of backing militants, which Qatar denies", "..., but Qatar denied it": a clause after the act, whose
     * subject is one of its two countries and whose verb, in a finite form, answers it. (", a charge Qatar denies" is not
     * read so: the apposition hides its subject.)
     */
    private static boolean answersIt(List<Token> tokens, int after, int cue, String a, String b, ActorIndex actors) {
        String word = tokens.get(cue).norm();
        if (!(word.endsWith("ed") || word.endsWith("s"))) {
            return false;
        }
        for (int i = after; i < cue; i++) {
            if (tokens.get(i).is(",") || tokens.get(i).is("but") || tokens.get(i).is("which")) {
                return actors.endsAfter(a, i) && actors.endsBy(a, cue) || actors.endsAfter(b, i) && actors.endsBy(b, cue);
            }
        }
        return false;
    }

    /**
     * "... and warned", "..., but refuses": a cue word right after "and" or "but" in a finite form ("-ed",
     * "-s"); not an "-ing" form or an infinitive, which continue the first verb ("demanded that Stockholm
     * take a firmer stance and extradite ...").
     */
    private static boolean isCoordinatedVerb(List<Token> tokens, int cue) {
        String word = tokens.get(cue).norm();
        if (cue < 1 || !(word.endsWith("ed") || word.endsWith("s"))) {
            return false;
        }
        Token before = tokens.get(cue - 1);
        return before.is("and") || before.is("but");
    }

    /**
     * A sentence's last clause that only says who reported the rest, whatever cue words its speaker's name
     * holds: a clause that ends in a speech verb (", the meeting's co-chairman said", ", a member of the
     * Chadian team trying to broker a peace pact has said", ", diplomats quoted an EC declaration as saying")
     * or opens with one (", reports aid agencies", ", according to ..."). The start of that clause, or -1.
     */
    private static int speakerClause(List<Token> tokens, StoryWords words, Sentence s) {
        int last = s.to() - 1;
        while (last > s.from() && (TRAILING_TIME.contains(tokens.get(last).norm()) || words.in(last, WordClass.CALENDAR))) {
            last--;
        }
        for (int i = last; i > s.from(); i--) {
            if (tokens.get(i).is(",")) {
                if (i + 1 > last) {
                    return -1;
                }
                boolean endsInSpeech = CLOSING_SPEECH.contains(tokens.get(last).norm());
                boolean opensWithSpeech = OPENING_SPEECH.contains(tokens.get(i + 1).norm());
                return endsInSpeech || opensWithSpeech ? i : -1;
            }
            if (words.in(i, WordClass.CLAUSE_BREAK)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Where a sentence's closing attribution starts: its last clause (after a comma, "but", "while" ...)
     * when that says who reported the rest and holds no event cue (", a State Department spokesman said
     * Wednesday", ", according to the US government", ", Thai military sources said today"); else the
     * sentence's end; or, before that, a {@link #speakerClause} after the first cue, whatever cue words it holds.
     * Its speakers report the event and are no party to it.
     */
    private static int attributionFrom(List<Token> tokens, StoryWords words, Sentence s, List<Match<Cue>> cues) {
        int speaker = speakerClause(tokens, words, s);
        if (speaker > s.from() && speaker > cues.get(0).from()) {
            return speaker;
        }
        int lastCue = cues.get(cues.size() - 1).from();
        for (int i = s.to() - 1; i > lastCue; i--) {
            if (words.in(i, WordClass.CLAUSE_BREAK)) {
                for (int k = i + 1; k < s.to(); k++) {
                    if (ATTRIBUTION.contains(tokens.get(k).norm())) {
                        return i;
                    }
                }
                return s.to();
            }
        }
        return s.to();
    }

    /**
     * A protest whose protesters no country's actor names before it ("Protesters marched in Ankara against
     * ...", "Thousands rallied in Manila against ..."): the place stands for the protesters' country. Where one
     * does ("Iranian exiles rallied in Paris against Tehran"), or where the protesters are exiles, refugees,
     * migrants or a diaspora ("Tibetan exiles in Nepal ..."), the place is only a place.
     */
    private static boolean protestByThePlace(List<Match<Cue>> cues, List<Mention> inSentence, List<Token> tokens, Sentence s) {
        for (Match<Cue> m : cues) {
            for (Cue c : m.values()) {
                if (c.weight() >= STRONG_CUE && c.label() == "PROTEST") { // labels are interned
                    for (Mention a : inSentence) {
                        if (a.from() < m.from() && a.actor() && a.country() != null && a.type() != EntityType.DATE) {
                            return false;
                        }
                    }
                    for (int i = s.from(); i < m.from(); i++) {
                        if (EXILES.contains(tokens.get(i).norm())) {
                            return false; // "Tibetan exiles in Nepal went on a hunger strike": guests of the place
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasMaterialConflict(List<Match<Cue>> cues) {
        for (Match<Cue> m : cues) {
            for (Cue c : m.values()) {
                EventType type = type(c);
                if (c.weight() >= STRONG_CUE && type.quad() == 4 && type != EventType.PROTEST) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Mentions that can act for their country. In a sentence about a visit or about use of force
     * ({@code onSite}), a country named as the place is a party too: the host of the visit ("arrived in
     * Amman on a visit", "a delegation from Pavlodar Region visited Omsk"), the ground of the attack
     * ("strengthened its forces in Lebanon", "a bombing near Samarra killed a U.S. soldier"); and so is the
     * country right after a cue that ends in "in" or "at" ("sought asylum in Germany", "hit back at Sweden").
     */
    private static List<Mention> actors(List<Mention> inSentence, Sentence s, RoleMatches roles, List<Match<Cue>> cues, long visit,
            int attributionFrom, List<Token> tokens) {
        List<Mention> actors = new ArrayList<>();
        Boolean onSite = null; // worked out only if a mention needs it
        for (Mention m : inSentence) {
            if (m.from() >= attributionFrom) {
                break; // mentions come in text order; the ones in the closing attribution only report the event
            }
            boolean place = m.via() == Via.NAME || m.via() == Via.CAPITAL || m.via() == Via.PLACE;
            if (place && !m.actor() && onSite == null) {
                onSite = roles.inSentence(s.index(), visit) || hasMaterialConflict(cues) || protestByThePlace(cues, inSentence, tokens, s);
            }
            boolean host = place && !m.actor() && (onSite || isTargetOf(cues, m, tokens));
            if ((m.actor() || host) && m.country() != null && m.type() != EntityType.DATE && !isTopicOf(cues, m, tokens)) {
                actors.add(m);
            }
            if (m.host() != null) {
                actors.add(new Mention(EntityType.COUNTRY, m.from(), m.to(), m.sentence(), m.text(), m.host(), m.host(), Via.REFERENCE,
                        true, null, null));
            }
        }
        return actors;
    }

    /**
     * "discussed North Korea's missile launches", "talks on Iran's nuclear programme": a country whose act or thing is what
     * the sides discuss is the topic, not a side of the talks.
     */
    private static boolean isTopicOf(List<Match<Cue>> cues, Mention m, List<Token> tokens) {
        if (m.to() >= tokens.size() || !tokens.get(m.to()).is("'s")) {
            return false;
        }
        for (Match<Cue> cue : cues) {
            if (cue.to() > m.from() || !(DISCUSS.contains(tokens.get(cue.to() - 1).norm()) || TALKS.contains(tokens.get(cue.to() - 1).norm()))) {
                continue;
            }
            int at = cue.to();
            if (at < m.from() && TOPIC_PREPOSITIONS.contains(tokens.get(at).norm())) {
                at++;
            }
            if (at < m.from() && tokens.get(at).is("the")) {
                at++;
            }
            if (at == m.from()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTargetOf(List<Match<Cue>> cues, Mention m, List<Token> tokens) {
        for (Match<Cue> cue : cues) {
            int at = cue.to() < m.from() && tokens.get(cue.to()).is("the") ? cue.to() + 1 : cue.to();
            if (at == m.from() && (tokens.get(cue.to() - 1).is("in") || tokens.get(cue.to() - 1).is("at"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Countries named side by side in a list of four or more ("Russia, China, Kazakhstan and
     * Uzbekistan"), or of three in a multilateral setting ("attended the summit"): they make no pair with
     * each other. Three countries that act together ("China, Kyrgyzstan and Uzbekistan signed") do.
     */
    private static Set<String> listedTogether(StoryWords words, Facts f, boolean multilateral) {
        List<Mention> actors = f.actors();
        Set<String> excluded = new LinkedHashSet<>();
        List<Mention> run = new ArrayList<>();
        Mention prev = null;
        for (Mention m : actors) {
            if (m.type() != EntityType.COUNTRY && m.via() != Via.CAPITAL) {
                continue;
            }
            if (prev == null || !onlyCoordinationBetween(words, prev.to(), m.from())) {
                closeRun(run, multilateral, excluded);
                run.clear();
            }
            run.add(m);
            prev = m;
        }
        closeRun(run, multilateral, excluded);
        if (multilateral && distinct(actors) >= 3) {
            actors.forEach(a -> excluded.add(a.country()));
        }
        return excluded;
    }

    private static void closeRun(List<Mention> run, boolean multilateral, Set<String> excluded) {
        if (run.size() < 3) {
            return; // fewer than three countries
        }
        Set<String> codes = new LinkedHashSet<>();
        run.forEach(m -> codes.add(m.country()));
        if (codes.size() >= 4 || (codes.size() == 3 && multilateral)) {
            excluded.addAll(codes);
        }
    }

    private static int distinct(List<Mention> actors) {
        return countries(actors).size();
    }

    private static boolean onlyCoordinationBetween(StoryWords words, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!words.in(i, WordClass.COORDINATION)) {
                return false;
            }
        }
        return true;
    }

    /** Whether "unless" follows the cue in its sentence, within {@value #ULTIMATUM_REACH} words. */
    private static boolean unlessAfter(List<Token> tokens, Sentence s, Match<Cue> cue) {
        for (int i = cue.to(); i < Math.min(s.to(), cue.to() + ULTIMATUM_REACH); i++) {
            if (tokens.get(i).is("unless")) {
                return true;
            }
        }
        return false;
    }

    /** The THREATEN tag of an ultimatum whose act is the cue, as strong as the cue. */
    private static void threat(Pair pair, Match<Cue> cue, ActorIndex actors, Sentence s, List<Found> out) {
        double weight = 0;
        for (Cue c : cue.values()) {
            weight = Math.max(weight, c.weight());
        }
        double confidence = weight * Math.min(actors.strength(pair.a()), actors.strength(pair.b()));
        out.add(new Found(pair.key(), EventType.THREATEN, Modality.OCCURRED, direction(pair.a(), pair.b(), cue, actors), confidence, s,
                weight >= STRONG_CUE));
    }

    /** Adds to {@code out} what a cue of sentence {@code s} says of a pair: one find per event type of the cue. */
    private static void tagsFor(Pair pair, Match<Cue> cue, ActorIndex actors, Modality modality, boolean promised, Sentence s,
            List<Found> out) {
        String a = pair.a();
        String b = pair.b();
        for (Cue c : cue.values()) {
            EventType type = type(c);
            Direction direction = UNDIRECTED.contains(type) ? null : direction(a, b, cue, actors);
            double confidence = c.weight() * Math.min(actors.strength(a), actors.strength(b));
            out.add(new Found(pair.key(), type, modality, direction, confidence, s, c.weight() >= STRONG_CUE));
            if (promised && PROMISED.contains(type)) {
                // "Kazakhstan will provide Kyrgyzstan with a loan", "Chile is ready to pull back its boats": cooperation
                // stated in the future is a promise, AGREE (taxonomy section 2); a future meeting stays CONSULT only
                out.add(new Found(pair.key(), EventType.AGREE, modality, null, confidence, s, c.weight() >= STRONG_CUE));
            }
        }
    }

    /** Source and target where one country's actor comes before the cue and only the other's after it. */
    private static Direction direction(String a, String b, Match<Cue> cue, ActorIndex actors) {
        boolean aBefore = actors.endsBy(a, cue.from());
        boolean bBefore = actors.endsBy(b, cue.from());
        boolean aAfter = actors.endsAfter(a, cue.from());
        boolean bAfter = actors.endsAfter(b, cue.from());
        if (aBefore && bAfter && !bBefore) {
            return new Direction(a, b);
        }
        if (bBefore && aAfter && !aBefore) {
            return new Direction(b, a);
        }
        return null;
    }

    /**
     * Whether a future cue stands right before the cue, at most {@value #PROMISE_WINDOW} words ahead and in its clause: the
     * future is the act's own ("will provide Kyrgyzstan with a loan", "is ready to pull back its boats"), not that of a
     * verb further back ("plans to dispatch two officers as observers of a joint exercise" promises no exercise).
     */
    private boolean promised(StoryWords words, Sentence s, Match<Cue> cue) {
        int start = clauseStartBefore(words, s, cue, PROMISE_WINDOW);
        PhraseMatcher<Cue> cues = lex.modality().matcher();
        for (Match<Cue> m = cues.firstMatch(words, start, cue.from()); m != null; m = cues.firstMatch(words, m.to(), cue.from())) {
            for (Cue c : m.values()) {
                if (c.label().equals("PLANNED") && !c.qualifier().equals("AFTER")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first word of the cue's clause within {@code window} words before it (the cue's own start if none). */
    private static int clauseStartBefore(StoryWords words, Sentence s, Match<Cue> cue, int window) {
        int start = cue.from();
        for (int i = cue.from() - 1; i >= Math.max(s.from(), cue.from() - window); i--) {
            if (words.in(i, WordClass.CLAUSE_BREAK)) {
                break;
            }
            start = i;
        }
        return start;
    }

    /** The modality of a cue, worked out once per cue: it does not depend on the pair. */
    private Modality modality(Modality[] known, List<Token> tokens, StoryWords words, Sentence s, Match<Cue> cue) {
        Modality modality = known[cue.from()];
        if (modality == null) {
            modality = modality(tokens, words, s, cue);
            known[cue.from()] = modality;
        }
        return modality;
    }

    private Modality modality(List<Token> tokens, StoryWords words, Sentence s, Match<Cue> cue) {
        boolean planned = false;
        boolean negated = false;
        int start = clauseStartBefore(words, s, cue, MODALITY_WINDOW);
        PhraseMatcher<Cue> cues = lex.modality().matcher();
        for (Match<Cue> m = cues.firstMatch(words, start, cue.from()); m != null; m = cues.firstMatch(words, m.to(), cue.from())) {
            if (inAdjective(tokens, m.from(), null)) {
                continue; // "its long-planned invasion" is no plan of the invasion
            }
            boolean andBetween = tokenBetween(tokens, "and", m.to(), cue.from());
            for (Cue c : m.values()) {
                if (!c.qualifier().equals("AFTER")) {
                    planned |= c.label().equals("PLANNED");
                    // "was not aware of the clash and urged India to withdraw": the negation ends at "and"
                    negated |= c.label().equals("NEGATED") && !andBetween;
                }
            }
        }
        int end = cue.to();
        for (int i = cue.to(); i < Math.min(s.to(), cue.to() + MODALITY_WINDOW + 2); i++) { // "talks between X and Y were called off"
            if (words.in(i, WordClass.CLAUSE_BREAK) || tokens.get(i).is(".")) {
                break;
            }
            end = i + 1;
        }
        for (Match<Cue> m = cues.firstMatch(words, cue.to(), end); m != null; m = cues.firstMatch(words, m.to(), end)) {
            for (Cue c : m.values()) {
                if (c.qualifier().equals("AFTER")) {
                    planned |= c.label().equals("PLANNED");
                    negated |= c.label().equals("NEGATED");
                }
            }
        }
        negated |= topicOfTalks(tokens, words, s, cue);
        return negated ? Modality.NEGATED : planned ? Modality.PLANNED : Modality.OCCURRED;
    }

    /** Whether a token of normal form {@code norm} lies in [{@code from}, {@code to}). */
    private static boolean tokenBetween(List<Token> tokens, String norm, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).is(norm)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A withdrawal or a concession that talks are about ("held talks on the withdrawal of troops",
     * "resumed talks in Oman about lifting sanctions") has not happened: the talks are. The cue stands at most
     * {@value #TOPIC_REACH} words after "on", "about", "over", "concerning" or "regarding", in the same
     * clause, and that word at most two words after "talks", "negotiations", "consultations", "discussions" or
     * "dialogue".
     */
    private static boolean topicOfTalks(List<Token> tokens, StoryWords words, Sentence s, Match<Cue> cue) {
        boolean undoing = false;
        for (Cue c : cue.values()) {
            EventType type = type(c);
            undoing |= type == EventType.RETREAT || type == EventType.CONCEDE;
        }
        if (!undoing) {
            return false;
        }
        for (int i = cue.from() - 1; i > s.from() && i >= cue.from() - TOPIC_REACH; i--) {
            if (words.in(i, WordClass.CLAUSE_BREAK)) {
                return false;
            }
            if (TOPIC_PREPOSITIONS.contains(tokens.get(i).norm())) {
                for (int j = i - 1; j >= s.from() && j >= i - 3; j--) {
                    if (TALKS.contains(tokens.get(j).norm())) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private static String mainPair(List<Found> found, Set<String> established) {
        Map<String, Integer> counts = new HashMap<>();
        for (Found f : found) {
            if (established.contains(f.pair())) {
                counts.merge(f.pair(), 1, Integer::sum);
            }
        }
        Map.Entry<String, Integer> most = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (most == null || e.getValue() > most.getValue()) {
                most = e; // the first of equal counts, as Stream.max kept
            }
        }
        return most == null ? null : most.getKey();
    }

    private List<PairRelation> build(String text, List<Found> found, Set<String> established, List<Facts> facts,
            SentenceSectors sectors, String mainPair, List<Facts> referring) {
        Map<String, Map<TypeAndModality, List<Found>>> byPair = new TreeMap<>();
        for (Found f : found) {
            if (established.contains(f.pair())) {
                byPair.computeIfAbsent(f.pair(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(new TypeAndModality(f.type(), f.modality()), k -> new ArrayList<>()).add(f);
            }
        }
        List<PairRelation> pairs = new ArrayList<>();
        Map<String, Set<Sector>> context = byPair.isEmpty() ? Map.of() : contextSectors(facts, sectors, mainPair, referring);
        Evidence[] evidence = new Evidence[facts.size()]; // by sentence, made once however many tags cite it
        for (var entry : byPair.entrySet()) {
            List<Tag> tags = new ArrayList<>();
            Set<Sector> pairSectors = EnumSet.noneOf(Sector.class);
            for (List<Found> group : entry.getValue().values()) {
                Tag tag = tag(text, group, sectors, evidence);
                tags.add(tag);
                if (tag.modality() != Modality.NEGATED) {
                    pairSectors.addAll(tag.sectors());
                    if (tag.type() == EventType.ASSAULT || tag.type() == EventType.MOBILIZE) {
                        pairSectors.add(Sector.DEFENSE); // force used or massed is the armed forces' field
                    }
                }
            }
            tags.sort((x, y) -> x.type() != y.type() ? x.type().compareTo(y.type()) : x.modality().compareTo(y.modality()));
            pairSectors.addAll(context.getOrDefault(entry.getKey(), Set.of()));
            pairs.add(new PairRelation(entry.getKey(), List.of(entry.getKey().split("-")), tags, new ArrayList<>(pairSectors)));
        }
        return pairs;
    }

    /**
     * Sectors of the sentences that speak of the pair and of no other country (a pair's story goes on
     * about its fields after the sentence that names the event), and, for the story's main pair, of
     * the sentences that name only one or both of its countries or refer to it ("the two countries");
     * by pair, in one pass over the sentences.
     */
    private static Map<String, Set<Sector>> contextSectors(List<Facts> facts, SentenceSectors sectors, String mainPair,
            List<Facts> referring) {
        Map<String, Set<Sector>> byPair = new HashMap<>();
        boolean[] refers = new boolean[facts.size()];
        referring.forEach(f -> refers[f.sentence().index()] = true);
        List<String> mainEnds = mainPair == null ? List.of() : List.of(mainPair.split("-"));
        Set<Sector> main = EnumSet.noneOf(Sector.class);
        for (Facts f : facts) {
            // the countries the sentence names: the first two, and whether there are more, and whether all are the main pair's
            String first = null;
            String second = null;
            boolean more = false;
            boolean allOfMain = true;
            List<Mention> inSentence = f.mentions();
            for (int k = 0; k < inSentence.size(); k++) {
                Mention m = inSentence.get(k);
                String c = m.country();
                if (c == null || m.type() == EntityType.DATE) {
                    continue;
                }
                allOfMain &= mainEnds.contains(c);
                if (first == null) {
                    first = c;
                } else if (!c.equals(first)) {
                    if (second == null) {
                        second = c;
                    } else if (!c.equals(second)) {
                        more = true;
                    }
                }
            }
            boolean two = second != null && !more;
            boolean ofMain = mainPair != null && ((first != null && allOfMain) || refers[f.sentence().index()]);
            if (!two && !ofMain) {
                continue;
            }
            Set<Sector> named = sectors.of(f.sentence().index());
            if (two) {
                byPair.computeIfAbsent(Pair.of(first, second).key(), k -> EnumSet.noneOf(Sector.class)).addAll(named);
            }
            if (ofMain) {
                main.addAll(named);
            }
        }
        if (mainPair != null) {
            byPair.computeIfAbsent(mainPair, k -> EnumSet.noneOf(Sector.class)).addAll(main);
        }
        return byPair;
    }

    private static Tag tag(String text, List<Found> group, SentenceSectors sentenceSectors, Evidence[] evidenceBySentence) {
        Found first = group.get(0);
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        Map<Integer, Evidence> evidence = new TreeMap<>();
        Direction direction = first.direction();
        Map<Integer, Double> best = new HashMap<>(); // by sentence: the strongest find of the tag there
        for (Found f : group) {
            Sentence s = f.sentence();
            Double before = best.get(s.index());
            if (before == null) {
                if (evidenceBySentence[s.index()] == null) {
                    evidenceBySentence[s.index()] = new Evidence(s.start(), s.end(), text.substring(s.start(), s.end()));
                }
                evidence.put(s.start(), evidenceBySentence[s.index()]);
                sectors.addAll(sentenceSectors.of(s.index()));
            }
            if (before == null || f.confidence() > before) {
                best.put(s.index(), f.confidence());
            }
            if (direction != null && !direction.equals(f.direction())) {
                direction = f.direction() == null ? direction : null;
            }
        }
        double miss = 1.0;
        for (double c : best.values()) {
            miss *= 1 - c;
        }
        double confidence = Math.round((1 - miss) * 100) / 100.0;
        return new Tag(first.type(), first.type().quad(), first.modality(), new ArrayList<>(sectors),
                new ArrayList<>(evidence.values()), direction, confidence);
    }
}

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
    private static final int OBJECT_REACH = 10;
    private static final Set<String> OBJECT_PREPOSITIONS = Set.of("for", "to", "with", "against", "about", "over", "toward",
            "towards", "on", "into", "at", "in", "by", "of");
    private static final Set<String> CLAUSE_BREAKS = Set.of(",", ";", ":", "but", "while", "although", "though", "whereas", "however");
    private static final Set<EventType> UNDIRECTED = EnumSet.of(EventType.AGREE, EventType.CONSULT, EventType.COOPERATE);
    private static final Set<String> COORDINATION = Set.of(",", "and", "&", "as", "well", "the", "or", "his", "her", "their", "its",
            "'s", "both", "-");

    private final Lexicons lex;

    RelationTagger(Lexicons lexicons) {
        this.lex = lexicons;
    }

    private record Found(String pair, EventType type, Modality modality, Direction direction, double confidence, Sentence sentence,
            boolean strong) {}

    /** What one sentence holds, found in one pass: its actors, event cues, role words and sector cues. */
    private record Facts(Sentence sentence, List<Mention> mentions, List<Mention> actors, List<Match<Cue>> cues, Set<String> roles,
            Set<Sector> sectors) {

        boolean has(String role) {
            return roles.contains(role);
        }
    }

    List<PairRelation> tag(String text, List<Token> tokens, List<Sentence> sentences, List<Mention> mentions) {
        List<Facts> facts = facts(tokens, sentences, mentions);
        List<Found> found = new ArrayList<>();
        List<Facts> referring = new ArrayList<>();
        for (Facts f : facts) {
            if (f.cues().isEmpty()) {
                continue;
            }
            Set<String> countries = new LinkedHashSet<>();
            f.actors().forEach(a -> countries.add(a.country()));
            if (countries.size() < 2) {
                if (f.has("PAIR_REF")) {
                    referring.add(f);
                }
                continue;
            }
            Set<String> excluded = listedTogether(tokens, f);
            List<List<Mention>> groups = groups(f.actors(), tokens);
            Map<String, List<Match<Cue>>> cuesByPair = new LinkedHashMap<>();
            for (Match<Cue> cue : f.cues()) {
                for (String[] pair : pairsFor(cue, groups, tokens, countries, excluded, f.has("RECIPROCAL"))) {
                    cuesByPair.computeIfAbsent(pair[0] + "-" + pair[1], k -> new ArrayList<>()).add(cue);
                }
            }
            for (var entry : cuesByPair.entrySet()) {
                String[] pair = entry.getKey().split("-");
                for (Match<Cue> cue : linking(entry.getValue(), pair[0], pair[1], f.actors())) {
                    found.addAll(tagsFor(pair[0], pair[1], cue, f.actors(), tokens, f.sentence()));
                }
            }
        }
        Set<String> established = new LinkedHashSet<>();
        for (Found f : found) {
            if (f.strong()) {
                established.add(f.pair());
            }
        }
        String mainPair = mainPair(found, established);
        if (mainPair != null) {
            String[] ab = mainPair.split("-");
            for (Facts f : referring) {
                for (Match<Cue> cue : f.cues()) {
                    found.addAll(tagsFor(ab[0], ab[1], cue, List.of(), tokens, f.sentence()));
                }
            }
        }
        return build(text, found, established, facts, mainPair, referring);
    }

    /** One pass per lexicon over each sentence; cues inside names ("Shanghai Cooperation Organisation") are left out. */
    private List<Facts> facts(List<Token> tokens, List<Sentence> sentences, List<Mention> mentions) {
        Map<Integer, List<Mention>> bySentence = new HashMap<>();
        boolean[] inName = new boolean[tokens.size()];
        boolean[] inPlaceOrPerson = new boolean[tokens.size()];
        for (Mention m : mentions) {
            bySentence.computeIfAbsent(m.sentence(), k -> new ArrayList<>()).add(m);
            if (m.type() != EntityType.COUNTRY && m.type() != EntityType.DATE) {
                for (int i = m.from(); i < m.to(); i++) {
                    inName[i] = true;
                    inPlaceOrPerson[i] |= m.type() != EntityType.ORG;
                }
            }
        }
        List<Facts> facts = new ArrayList<>(sentences.size());
        for (Sentence s : sentences) {
            List<Match<Cue>> cues = lex.eventTypes().matcher().findAll(tokens, s.from(), s.to());
            cues.removeIf(m -> inName[m.from()] || m.values().get(0).label().equals(CueLexicon.NONE));
            Set<String> roles = new java.util.HashSet<>();
            lex.roles().matcher().scan(tokens, s.from(), s.to(), m -> m.values().forEach(c -> roles.add(c.label())));
            Set<Sector> sectors = EnumSet.noneOf(Sector.class);
            lex.sectors().matcher().scan(tokens, s.from(), s.to(), m -> {
                if (!inPlaceOrPerson[m.from()]) {
                    m.values().forEach(c -> sectors.add(Sector.valueOf(c.label())));
                }
            });
            List<Mention> inSentence = bySentence.getOrDefault(s.index(), List.of());
            boolean onSite = roles.contains("VISIT") || hasMaterialConflict(cues);
            facts.add(new Facts(s, inSentence, actors(inSentence, onSite), cues, roles, sectors));
        }
        return facts;
    }

    /**
     * Actors side by side: a run of actor mentions with only coordination between them ("Belarus and
     * Kazakhstan", "the U.S., Australia and Japan", "Kazakh President Tokayev").
     */
    private static List<List<Mention>> groups(List<Mention> actors, List<Token> tokens) {
        List<List<Mention>> groups = new ArrayList<>();
        List<Mention> sorted = new ArrayList<>(actors);
        sorted.sort(java.util.Comparator.comparingInt(Mention::from));
        for (Mention m : sorted) {
            List<Mention> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            Mention prev = last == null ? null : last.get(last.size() - 1);
            if (prev != null && (m.from() < prev.to() || glued(tokens, prev, m))) {
                last.add(m);
            } else {
                groups.add(new ArrayList<>(List.of(m)));
            }
        }
        return groups;
    }

    private static boolean glued(List<Token> tokens, Mention prev, Mention next) {
        if (prev.country().equals(next.country()) && next.from() - prev.to() <= 3) {
            return true; // "Kazakh President Kassym-Jomart Tokayev"
        }
        return onlyCoordinationBetween(tokens, prev.to(), next.from());
    }

    /**
     * The pairs a cue relates. The nearest group of actors before it is its subject, unless that group
     * is itself the object of a preposition ("backing for the Philippines and concern about China": the
     * subject of "concern" lies further back). The first group after it is its object when it follows
     * within {@value #OBJECT_REACH} tokens ("Lithuania recalled its ambassador to China"). Subject and
     * object pair across. A subject or object alone pairs within itself ("talks between Belarus and
     * Kazakhstan"), and so does a subject of a joint act ("China, Kyrgyzstan and Uzbekistan signed ... with
     * ..."); for a directed act (accuse, attack) a group of three or more pairs within itself only when the
     * sentence says the act is mutual ("each", "each other"). Countries listed side by side never pair
     * with each other. A sentence with exactly two countries relates them in any case.
     */
    private static List<String[]> pairsFor(Match<Cue> cue, List<List<Mention>> groups, List<Token> tokens,
            Set<String> sentenceCountries, Set<String> excluded, boolean reciprocal) {
        List<Mention> subject = null;
        List<Mention> object = null;
        for (int g = groups.size() - 1; g >= 0; g--) {
            List<Mention> group = groups.get(g);
            if (group.get(group.size() - 1).to() <= cue.from()) {
                if (subject == null) {
                    subject = group;
                }
                if (!isPrepositionalObject(group, tokens)) {
                    subject = group;
                    break;
                }
            }
        }
        for (List<Mention> group : groups) {
            if (group.get(0).from() >= cue.to()) {
                if (group.get(0).from() - cue.to() <= OBJECT_REACH) {
                    object = group;
                }
                break;
            }
        }
        boolean directed = cue.values().stream().allMatch(c -> !UNDIRECTED.contains(EventType.valueOf(c.label())));
        Set<String> pairs = new LinkedHashSet<>();
        if (subject != null && object != null) {
            for (String a : codes(subject)) {
                for (String b : codes(object)) {
                    addPair(pairs, a, b);
                }
            }
        }
        List<Mention> alone = object == null ? subject : subject == null ? object : directed ? null : subject;
        if (alone != null) {
            List<String> side = new ArrayList<>(codes(alone));
            if (!directed || side.size() == 2 || reciprocal) {
                for (int x = 0; x < side.size(); x++) {
                    for (int y = x + 1; y < side.size(); y++) {
                        if (!(excluded.contains(side.get(x)) && excluded.contains(side.get(y)))) {
                            addPair(pairs, side.get(x), side.get(y));
                        }
                    }
                }
            }
        }
        if (pairs.isEmpty() && sentenceCountries.size() == 2 && excluded.isEmpty()) {
            List<String> two = new ArrayList<>(sentenceCountries);
            addPair(pairs, two.get(0), two.get(1));
        }
        List<String[]> out = new ArrayList<>();
        pairs.forEach(p -> out.add(p.split("-")));
        return out;
    }

    /** "for the Philippines", "about China's conduct": a group governed by a preposition. */
    private static boolean isPrepositionalObject(List<Mention> group, List<Token> tokens) {
        int i = group.get(0).from() - 1;
        if (i >= 0 && tokens.get(i).is("the")) {
            i--;
        }
        return i >= 0 && OBJECT_PREPOSITIONS.contains(tokens.get(i).norm());
    }

    private static Set<String> codes(List<Mention> group) {
        Set<String> codes = new LinkedHashSet<>();
        group.forEach(m -> codes.add(m.country()));
        return codes;
    }

    private static void addPair(Set<String> pairs, String a, String b) {
        if (!a.equals(b)) {
            pairs.add(a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a);
        }
    }

    /**
     * Where some cues of a sentence stand between the two countries' actors ("Pakistan summoned India's
     * envoy"), those report the pair's event, and the sentence's other cues (a cause, a background, an
     * embedded clause: "accused Y of attacking") are left to the pairs they stand between.
     */
    private static List<Match<Cue>> linking(List<Match<Cue>> cues, String a, String b, List<Mention> actors) {
        List<Match<Cue>> between = new ArrayList<>();
        for (Match<Cue> cue : cues) {
            if ((has(actors, a, cue, true) && has(actors, b, cue, false)) || (has(actors, b, cue, true) && has(actors, a, cue, false))) {
                between.add(cue);
            }
        }
        boolean strong = between.stream().anyMatch(c -> c.values().stream().anyMatch(v -> v.weight() >= STRONG_CUE));
        return strong ? between : cues;
    }

    private static boolean has(List<Mention> actors, String code, Match<Cue> cue, boolean before) {
        for (Mention m : actors) {
            if (m.country().equals(code) && (before ? m.to() <= cue.from() : m.from() >= cue.to())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasMaterialConflict(List<Match<Cue>> cues) {
        for (Match<Cue> m : cues) {
            for (Cue c : m.values()) {
                EventType type = EventType.valueOf(c.label());
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
     * Amman on a visit"), the ground of the attack ("strengthened its forces in Lebanon").
     */
    private static List<Mention> actors(List<Mention> inSentence, boolean onSite) {
        List<Mention> actors = new ArrayList<>();
        for (Mention m : inSentence) {
            boolean host = onSite && (m.via() == Via.NAME || m.via() == Via.CAPITAL);
            if ((m.actor() || host) && m.country() != null && m.type() != EntityType.DATE) {
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
     * Countries named side by side in a list of four or more ("Russia, China, Kazakhstan and
     * Uzbekistan"), or of three in a multilateral setting ("attended the summit"): they make no pair with
     * each other. Three countries that act together ("China, Kyrgyzstan and Uzbekistan signed") do.
     */
    private static Set<String> listedTogether(List<Token> tokens, Facts f) {
        List<Mention> actors = f.actors();
        boolean multilateral = f.has("MULTI") && !f.has("TRILATERAL");
        Set<String> excluded = new LinkedHashSet<>();
        List<Mention> run = new ArrayList<>();
        Mention prev = null;
        for (Mention m : actors) {
            if (m.type() != EntityType.COUNTRY && m.via() != Via.CAPITAL) {
                continue;
            }
            if (prev != null && onlyCoordinationBetween(tokens, prev.to(), m.from())) {
                run.add(m);
            } else {
                closeRun(run, multilateral, excluded);
                run = new ArrayList<>(List.of(m));
            }
            prev = m;
        }
        closeRun(run, multilateral, excluded);
        if (multilateral && distinct(actors) >= 3) {
            actors.forEach(a -> excluded.add(a.country()));
        }
        return excluded;
    }

    private static void closeRun(List<Mention> run, boolean multilateral, Set<String> excluded) {
        Set<String> codes = new LinkedHashSet<>();
        run.forEach(m -> codes.add(m.country()));
        if (codes.size() >= 4 || (codes.size() == 3 && multilateral)) {
            excluded.addAll(codes);
        }
    }

    private static int distinct(List<Mention> actors) {
        Set<String> codes = new LinkedHashSet<>();
        actors.forEach(a -> codes.add(a.country()));
        return codes.size();
    }

    private static boolean onlyCoordinationBetween(List<Token> tokens, int from, int to) {
        if (to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!COORDINATION.contains(tokens.get(i).norm())) {
                return false;
            }
        }
        return true;
    }

    private List<Found> tagsFor(String a, String b, Match<Cue> cue, List<Mention> actors, List<Token> tokens, Sentence s) {
        String pair = a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
        Modality modality = modality(tokens, s, cue);
        List<Found> out = new ArrayList<>();
        for (Cue c : cue.values()) {
            EventType type = EventType.valueOf(c.label());
            Direction direction = UNDIRECTED.contains(type) ? null : direction(a, b, cue, actors);
            double confidence = c.weight() * actorStrength(a, b, actors);
            out.add(new Found(pair, type, modality, direction, confidence, s, c.weight() >= STRONG_CUE));
        }
        return out;
    }

    private static double actorStrength(String a, String b, List<Mention> actors) {
        return Math.min(strength(a, actors), strength(b, actors));
    }

    private static double strength(String code, List<Mention> actors) {
        double best = actors.isEmpty() ? 0.8 : 0.6;
        for (Mention m : actors) {
            if (code.equals(m.country())) {
                best = Math.max(best, switch (m.via()) {
                    case NAME, PERSON, SEAT -> 1.0;
                    case ORG, DEMONYM -> 0.9;
                    case CAPITAL -> 0.85;
                    default -> 0.7;
                });
            }
        }
        return best;
    }

    /** Source and target where one country's actor comes before the cue and only the other's after it. */
    private static Direction direction(String a, String b, Match<Cue> cue, List<Mention> actors) {
        boolean aBefore = false;
        boolean bBefore = false;
        boolean aAfter = false;
        boolean bAfter = false;
        for (Mention m : actors) {
            boolean before = m.to() <= cue.from();
            if (m.country().equals(a)) {
                aBefore |= before;
                aAfter |= !before;
            } else if (m.country().equals(b)) {
                bBefore |= before;
                bAfter |= !before;
            }
        }
        if (aBefore && bAfter && !bBefore) {
            return new Direction(a, b);
        }
        if (bBefore && aAfter && !aBefore) {
            return new Direction(b, a);
        }
        return null;
    }

    private Modality modality(List<Token> tokens, Sentence s, Match<Cue> cue) {
        boolean planned = false;
        boolean negated = false;
        int start = cue.from();
        for (int i = cue.from() - 1; i >= Math.max(s.from(), cue.from() - MODALITY_WINDOW); i--) {
            if (CLAUSE_BREAKS.contains(tokens.get(i).norm())) {
                break;
            }
            start = i;
        }
        for (Match<Cue> m : lex.modality().matcher().findAll(tokens, start, cue.from())) {
            for (Cue c : m.values()) {
                if (!c.qualifier().equals("AFTER")) {
                    planned |= c.label().equals("PLANNED");
                    negated |= c.label().equals("NEGATED");
                }
            }
        }
        int end = cue.to();
        for (int i = cue.to(); i < Math.min(s.to(), cue.to() + MODALITY_WINDOW); i++) {
            if (CLAUSE_BREAKS.contains(tokens.get(i).norm()) || tokens.get(i).is(".")) {
                break;
            }
            end = i + 1;
        }
        for (Match<Cue> m : lex.modality().matcher().findAll(tokens, cue.to(), end)) {
            for (Cue c : m.values()) {
                if (c.qualifier().equals("AFTER")) {
                    planned |= c.label().equals("PLANNED");
                    negated |= c.label().equals("NEGATED");
                }
            }
        }
        return negated ? Modality.NEGATED : planned ? Modality.PLANNED : Modality.OCCURRED;
    }

    private static String mainPair(List<Found> found, Set<String> established) {
        Map<String, Integer> counts = new HashMap<>();
        for (Found f : found) {
            if (established.contains(f.pair())) {
                counts.merge(f.pair(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private List<PairRelation> build(String text, List<Found> found, Set<String> established, List<Facts> facts, String mainPair,
            List<Facts> referring) {
        Map<String, Map<String, List<Found>>> byPair = new TreeMap<>();
        for (Found f : found) {
            if (established.contains(f.pair())) {
                byPair.computeIfAbsent(f.pair(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(f.type() + "/" + f.modality(), k -> new ArrayList<>()).add(f);
            }
        }
        List<PairRelation> pairs = new ArrayList<>();
        for (var entry : byPair.entrySet()) {
            List<Tag> tags = new ArrayList<>();
            Set<Sector> pairSectors = EnumSet.noneOf(Sector.class);
            for (List<Found> group : entry.getValue().values()) {
                Tag tag = tag(text, group, facts);
                tags.add(tag);
                if (tag.modality() != Modality.NEGATED) {
                    pairSectors.addAll(tag.sectors());
                }
            }
            tags.sort((x, y) -> x.type() != y.type() ? x.type().compareTo(y.type()) : x.modality().compareTo(y.modality()));
            pairSectors.addAll(contextSectors(entry.getKey(), facts, entry.getKey().equals(mainPair), referring));
            pairs.add(new PairRelation(entry.getKey(), List.of(entry.getKey().split("-")), tags, new ArrayList<>(pairSectors)));
        }
        return pairs;
    }

    /**
     * Sectors of the sentences that speak of the pair and of no other country (a pair's story goes on
     * about its fields after the sentence that names the event), and of the sentences that refer to
     * the story's main pair ("the two countries").
     */
    private static Set<Sector> contextSectors(String pair, List<Facts> facts, boolean isMain, List<Facts> referring) {
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        List<String> ends = List.of(pair.split("-"));
        for (Facts f : facts) {
            if (f.sectors().isEmpty()) {
                continue;
            }
            Set<String> named = new LinkedHashSet<>();
            for (Mention m : f.mentions()) {
                if (m.country() != null && m.type() != EntityType.DATE) {
                    named.add(m.country());
                }
            }
            boolean about = !named.isEmpty() && ends.containsAll(named) && (named.size() == 2 || isMain);
            if (about || (isMain && referring.contains(f))) {
                sectors.addAll(f.sectors());
            }
        }
        return sectors;
    }

    private static Tag tag(String text, List<Found> group, List<Facts> facts) {
        Found first = group.get(0);
        Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        Map<Integer, Evidence> evidence = new TreeMap<>();
        double miss = 1.0;
        Direction direction = first.direction();
        Set<Integer> seen = new java.util.HashSet<>();
        for (Found f : group) {
            Sentence s = f.sentence();
            if (seen.add(s.index())) {
                evidence.put(s.start(), new Evidence(s.start(), s.end(), text.substring(s.start(), s.end())));
                sectors.addAll(facts.get(s.index()).sectors());
                miss *= 1 - f.confidence();
            }
            if (direction != null && !direction.equals(f.direction())) {
                direction = f.direction() == null ? direction : null;
            }
        }
        double confidence = Math.round((1 - miss) * 100) / 100.0;
        return new Tag(first.type(), first.type().quad(), first.modality(), new ArrayList<>(sectors),
                new ArrayList<>(evidence.values()), direction, confidence);
    }
}

package io.dyadstream.enrich;

import java.util.List;

/**
 * A sentence's groups of actors side by side ("Belarus and Kazakhstan"), in text order, and the
 * subject and object of a cue among them ({@link RelationTagger}). A group ends before the next one
 * starts, so group starts never fall and group ends rise, and both lookups are binary searches
 * rather than passes over all groups for every cue.
 */
final class ActorGroups {

    /** Actors side by side, their countries (each once, in order), and whether a preposition governs the group ("for the Philippines"). */
    record Group(List<Mention> members, List<String> codes, boolean governed) {

        int from() {
            return members.get(0).from();
        }

        int to() {
            return members.get(members.size() - 1).to();
        }
    }

    private final List<Group> groups;
    /** For each group, the index of the last group up to it that no preposition governs, or -1. */
    private final int[] ungovernedUpTo;

    List<Group> groups() {
        return groups;
    }

    ActorGroups(List<Group> groups) {
        this.groups = groups;
        this.ungovernedUpTo = new int[groups.size()];
        int last = -1;
        for (int g = 0; g < groups.size(); g++) {
            if (!groups.get(g).governed()) {
                last = g;
            }
            ungovernedUpTo[g] = last;
        }
    }

    /**
     * The subject of a cue that starts at token {@code i}: of the groups that end by then, the nearest
     * that no preposition governs, or else the nearest; null if no group ends by then.
     */
    Group subjectBefore(int i) {
        int lo = 0;
        int hi = groups.size(); // the groups [0, lo) end by i, those from hi on do not
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (groups.get(mid).to() <= i) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            return null;
        }
        int ungoverned = ungovernedUpTo[lo - 1];
        return groups.get(ungoverned >= 0 ? ungoverned : lo - 1);
    }

    /** The first group that starts at or after token {@code i}, or null. */
    Group firstFrom(int i) {
        int lo = 0;
        int hi = groups.size(); // the groups [0, lo) start before i, those from hi on at or after it
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (groups.get(mid).from() < i) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < groups.size() ? groups.get(lo) : null;
    }
}

package io.dyadstream.model;

/** The sixteen event types of taxonomy section 2, with their quad classes. */
public enum EventType {
    AGREE(1), CONSULT(1), SUPPORT(1), CONCEDE(1),
    COOPERATE(2), AID(2), RETREAT(2),
    REQUEST(3), ACCUSE(3), REJECT(3), THREATEN(3),
    PROTEST(4), SANCTION(4), MOBILIZE(4), COERCE(4), ASSAULT(4);

    private final int quad;

    EventType(int quad) {
        this.quad = quad;
    }

    /** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
    public int quad() {
        return quad;
    }
}

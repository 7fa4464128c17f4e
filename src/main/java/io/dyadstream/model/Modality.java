package io.dyadstream.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** When a tag's evidence sits in time (taxonomy section 3). */
public enum Modality {
    OCCURRED, PLANNED, NEGATED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.dyadstream.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One event type found for a pair: its PLOVER type and quad class, modality, the sectors its
 * evidence touches, the evidence sentences, the direction where the sentence gives one, and a
 * confidence in [0, 1].
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tag(
        EventType type,
        int quad,
        Modality modality,
        List<Sector> sectors,
        List<Evidence> evidence,
        Direction direction,
        double confidence) {}

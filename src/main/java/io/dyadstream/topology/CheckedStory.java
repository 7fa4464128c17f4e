package io.dyadstream.topology;

import io.dyadstream.model.EnrichedStory;
import java.util.List;

/** A story after the duplicate check, with every source that carried it so far. */
record CheckedStory(EnrichedStory story, List<String> sources) {}

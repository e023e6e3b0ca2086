package dev.mizan.analysis;

import java.io.Serializable;
import java.util.List;

/**
 * The reading of one sentence (or one classify unit).
 *
 * @param index      0-based sentence index within the article (title sentences first)
 * @param paragraph  0-based paragraph index within the article
 * @param sentence   the sentence exactly as in the original text (evidence offsets point into it)
 * @param lang       "ar", "en", "other" or "und"
 * @param stance     "cooperative", "neutral" or "conflictual"
 * @param score      in [-1, 1], > 0 cooperative
 * @param confidence in [0, 1]
 * @param quadClass  irrelevant | verbal_cooperation | material_cooperation | verbal_conflict | material_conflict
 * @param dyads      "AAA-BBB" codes in alphabetical order, sorted, distinct
 * @param speaker    actor slug or null
 * @param actors     actor/organisation slugs named (or resolved from descriptions) in the sentence, sorted, distinct
 * @param evidence   cues behind the score
 * @param countries  ISO3 codes of the countries named in the sentence (names, adjectives, metonyms, actors), sorted
 */
public record SentenceResult(
    int index,
    int paragraph,
    String sentence,
    String lang,
    String stance,
    double score,
    double confidence,
    String quadClass,
    List<String> dyads,
    String speaker,
    List<String> actors,
    List<Evidence> evidence,
    List<String> countries) implements Serializable {}

package dev.mizan.model;

import java.io.Serializable;

/**
 * What the rule scorer read in one text unit, as numbers the learned model takes as features. Produced by
 * {@code dev.mizan.analysis.Analyzer} (the rules live there only); pure data here.
 *
 * @param cooperativeWeight summed weight of the cues that count cooperative after modifiers (≥ 0)
 * @param conflictualWeight summed magnitude of the cues that count conflictual after modifiers (≥ 0)
 * @param negators          negator modifiers in the unit
 * @param denials           denial modifiers in the unit
 * @param reducers          reducer modifiers in the unit (ease, end, away from …)
 * @param materialCues      cue hits flagged material (deeds: sanctions, strikes, aid, agreements signed)
 * @param verbalCues        cue hits not flagged material (words: condemned, welcomed, warned)
 * @param ruleScore         the rule score in [-1, 1]
 * @param hasDyad           a country pair was found
 * @param countries         distinct countries named
 * @param quote             the unit holds a quotation
 * @param speaker           a speaker was attributed
 */
public record RuleSignals(
    double cooperativeWeight,
    double conflictualWeight,
    int negators,
    int denials,
    int reducers,
    int materialCues,
    int verbalCues,
    double ruleScore,
    boolean hasDyad,
    int countries,
    boolean quote,
    boolean speaker) implements Serializable {

  /** Nothing read (rule features off, or a language the rules do not cover). */
  public static final RuleSignals NONE = new RuleSignals(0, 0, 0, 0, 0, 0, 0, 0, false, 0, false, false);
}

package dev.mizan.stance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.analysis.Evidence;
import dev.mizan.lexicon.Dictionary;
import dev.mizan.lexicon.Lexicon;
import dev.mizan.lexicon.Lexicon.ModType;
import dev.mizan.lexicon.Sentence;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One literal test per rule, with a tiny hand-made lexicon so the rule, not the data, is under test. */
class RuleScorerTest {
  private static final Lexicon.Cue PROGRESS = new Lexicon.Cue(1, 0.6, false, false, false);
  private static final Lexicon.Cue TENSION = new Lexicon.Cue(-1, 0.6, false, false, false);
  private static final Lexicon.Cue SANCTIONS = new Lexicon.Cue(-1, 0.8, true, false, false);
  private static final Lexicon.Cue ESCALATION = new Lexicon.Cue(-1, 0.7, false, true, false);
  private static final Lexicon.Cue MEETING = new Lexicon.Cue(1, 0.1, false, false, true);
  private static final Lexicon.Cue DEADLINE = new Lexicon.Cue(-1, 0.3, false, false, true);
  private static final Lexicon.Cue ATTACK = new Lexicon.Cue(-1, 0.9, true, false, false, true, false);
  private static final Lexicon.Cue SOLIDARITY = new Lexicon.Cue(1, 0.5, false, false, false, false, true);
  private static final Lexicon.Cue ACCUSE = new Lexicon.Cue(-1, 0.5, false, false, false, false, false, true);
  private static final Dictionary<Lexicon.Cue> CUES = new Dictionary<>();
  private static final Dictionary<Lexicon.Modifier> MODS = new Dictionary<>();

  static {
    CUES.add("تقدم", PROGRESS, false);
    CUES.add("progress", PROGRESS, false);
    CUES.add("توتر", TENSION, false);
    CUES.add("التوترات", TENSION, false);
    CUES.add("tensions", TENSION, false);
    CUES.add("عقوبات", SANCTIONS, false);
    CUES.add("تصعيد", ESCALATION, false);
    CUES.add("الحوار", PROGRESS, false);
    CUES.add("لقاء", MEETING, false);
    CUES.add("مهلة", DEADLINE, false);
    CUES.add("الهجوم", ATTACK, false);
    CUES.add("attack", ATTACK, false);
    CUES.add("تضامنها", SOLIDARITY, false);
    CUES.add("solidarity", SOLIDARITY, false);
    CUES.add("اتهمت", ACCUSE, false);
    CUES.add("accused", ACCUSE, false);
    CUES.add("زيارة", MEETING, false);
    MODS.add("لم", new Lexicon.Modifier(ModType.NEGATOR, 4, -0.6), false);
    MODS.add("not", new Lexicon.Modifier(ModType.NEGATOR, 3, -0.6), false);
    MODS.add("نفى وجود", new Lexicon.Modifier(ModType.DENIAL, 5, -0.6), false);
    MODS.add("نفت", new Lexicon.Modifier(ModType.DENIAL, 5, -0.6), false);
    MODS.add("بعيدا عن", new Lexicon.Modifier(ModType.REDUCER, 3, -0.7), false);
    MODS.add("ease", new Lexicon.Modifier(ModType.REDUCER, 3, -0.7), false);
    MODS.add("ألغت", new Lexicon.Modifier(ModType.REDUCER, 5, -0.7), false);
    MODS.add("أنهى", new Lexicon.Modifier(ModType.REDUCER, 3, -0.7), false);
    MODS.add("تجميد", new Lexicon.Modifier(ModType.REDUCER, 1, -0.7), false);
    MODS.add("السابقة", new Lexicon.Modifier(ModType.PAST, -2, 0.4), false);
    MODS.add("نأمل", new Lexicon.Modifier(ModType.HOPE, -1, 0.8), false);
    MODS.add("لكن", new Lexicon.Modifier(ModType.CONTRAST, -1, 1.3), false);
    MODS.add("رغم", new Lexicon.Modifier(ModType.CONCESSIVE, -1, 0.4), false);
    MODS.add("جدا", new Lexicon.Modifier(ModType.INTENSIFIER, 2, 1.4), false);
  }

  private final RuleScorer scorer = new RuleScorer(0.15, -0.15);

  private Score score(String text, boolean hasDyad) {
    Sentence s = new Sentence(text);
    List<RuleScorer.CueHit> hits = new ArrayList<>();
    for (Dictionary.Match<Lexicon.Cue> m : CUES.findAll(s)) {
      hits.add(new RuleScorer.CueHit(m.first(), m.last(), m.values().get(0)));
    }
    return scorer.score(s, hits, MODS.findAll(s), hasDyad);
  }

  @Test
  void cooperativeCueGivesCooperativeStance() {
    Score s = score("تشهد العلاقات تقدم", true);
    assertThat(s.stance()).isEqualTo("cooperative");
    assertThat(s.score()).isEqualTo(Math.round(Math.tanh(0.6) * 1e4) / 1e4);
    assertThat(s.quadClass()).isEqualTo("verbal_cooperation");
  }

  @Test
  void negatedCooperationFlips() {
    Score s = score("لم تحقق المحادثات أي تقدم", true);
    assertThat(s.stance()).isEqualTo("conflictual");
    assertThat(s.evidence()).extracting(Evidence::text).containsExactly("لم تحقق المحادثات أي تقدم");
    assertThat(s.evidence().get(0).weight()).isEqualTo(-0.36);
  }

  @Test
  void negatorBeyondItsScopeOrClauseDoesNothing() {
    assertThat(score("لم يحضر الوزير، وسجلت المحادثات تقدم", true).stance()).isEqualTo("cooperative");
  }

  @Test
  void deniedConflictIsCancelled() {
    Score s = score("نفى وجود توتر بين البلدين", true);
    assertThat(s.stance()).isEqualTo("neutral");
    assertThat(s.evidence()).isEmpty();
  }

  @Test
  void cooperativeWordsInTheObjectOfADeniedConflictAreCancelledNotFlipped() {
    // the denial cancels the tension; the progress word after it belongs to what is denied, so nothing is left
    Score s = score("نفى وجود توتر في الحوار", true);
    assertThat(s.stance()).isEqualTo("neutral");
    assertThat(s.evidence()).isEmpty();
    // without a conflict cue in between, a denied cooperative cue still flips
    Score t = score("نفى وجود تقدم", true);
    assertThat(t.stance()).isEqualTo("conflictual");
    assertThat(t.evidence().get(0).weight()).isEqualTo(-0.36);
  }

  @Test
  void movingAwayFromConflictIsCooperative() {
    assertThat(score("التقارب بعيدا عن التوترات", true).stance()).isEqualTo("cooperative");
    assertThat(score("the two sides agreed to ease tensions", true).stance()).isEqualTo("cooperative");
  }

  @Test
  void pastMarkerWeakensTheCue() {
    Score s = score("التوترات السابقة", true);
    assertThat(s.evidence().get(0).weight()).isEqualTo(-0.24);
  }

  @Test
  void hopeScalesTheCue() {
    assertThat(score("نأمل تقدم المحادثات", true).evidence().get(0).weight()).isEqualTo(0.48);
  }

  @Test
  void contrastWeighsTheClauseAfterTheMarker() {
    // before «لكن»: −0.6 × 0.6 = −0.36; after: +0.6 × 1.3 = +0.78
    Score s = score("توتر لكن تقدم", true);
    assertThat(s.stance()).isEqualTo("cooperative");
    assertThat(s.evidence()).extracting(Evidence::weight).containsExactly(-0.36, 0.78);
  }

  @Test
  void concessiveClauseCountsLess() {
    Score s = score("رغم التوترات، تقدم", true);
    assertThat(s.evidence()).extracting(Evidence::weight).containsExactly(-0.24, 0.6);
    assertThat(s.stance()).isEqualTo("cooperative");
  }

  @Test
  void intensifierScalesANearbyCue() {
    assertThat(score("تقدم جدا", true).evidence().get(0).weight()).isEqualTo(0.84);
  }

  @Test
  void escalationOfACooperativeThingIntensifiesIt() {
    Score s = score("تصعيد الحوار بين الطرفين", true);
    assertThat(s.stance()).isEqualTo("cooperative");
    assertThat(s.evidence()).extracting(Evidence::text).containsExactly("تصعيد الحوار");
    assertThat(score("تصعيد خطير", true).stance()).isEqualTo("conflictual");
  }

  @Test
  void weakCuesNeedADyad() {
    assertThat(score("مهلة", true).stance()).isEqualTo("conflictual");
    assertThat(score("مهلة", false).stance()).isEqualTo("neutral");
  }

  @Test
  void contactWordsAloneAreNeutralAndOnlyAddToAnotherCue() {
    assertThat(score("لقاء", true).stance()).isEqualTo("neutral");
    assertThat(score("لقاء تقدم", true).evidence()).extracting(Evidence::weight).containsExactly(0.1, 0.6);
  }

  @Test
  void materialCuesGiveMaterialQuadClass() {
    assertThat(score("عقوبات", true).quadClass()).isEqualTo("material_conflict");
  }

  @Test
  void noCueIsNeutralIrrelevantWithMiddlingConfidence() {
    Score s = score("وصل الوفد إلى المطار", true);
    assertThat(s.stance()).isEqualTo("neutral");
    assertThat(s.quadClass()).isEqualTo("irrelevant");
    assertThat(s.confidence()).isEqualTo(0.5);
  }

  @Test
  void agreeingStrongCuesAreMoreConfidentThanMixedOnes() {
    assertThat(score("تقدم تقدم تقدم", true).confidence()).isGreaterThan(score("تقدم توتر تقدم", true).confidence());
  }

  @Test
  void withoutACountryPairARuleStanceLosesConfidenceBelowTheHybridThreshold() {
    Score with = score("تقدم تقدم", true);
    Score without = score("تقدم تقدم", false);
    assertThat(without.stance()).isEqualTo(with.stance()).isEqualTo("cooperative");
    assertThat(with.confidence() - without.confidence()).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-4));
    assertThat(with.confidence()).isGreaterThanOrEqualTo(0.6);
    assertThat(without.confidence()).isLessThan(0.6);
  }

  @Test
  void solidarityLowersTheHostileEventItIsShownAgainst() {
    // without solidarity the attack decides; with it, the attack counts x0.2 (-0.18) against +0.5
    assertThat(score("وقع الهجوم على الحدود", true).stance()).isEqualTo(Score.CONFLICTUAL);
    Score s = score("وقع الهجوم على الحدود وأعلنت تضامنها مع الجار", true);
    assertThat(s.stance()).isEqualTo(Score.COOPERATIVE);
    assertThat(s.evidence()).extracting(Evidence::weight).containsExactly(-0.18, 0.5);
    // a negated solidarity («لم تعلن تضامنها») lowers nothing
    assertThat(score("the attack and not solidarity", true).evidence()).extracting(Evidence::weight)
        .containsExactly(-0.9, -0.3);
  }

  @Test
  void aDenialReachesOverItsComplementClause() {
    // six words from «نفت» to «عقوبات»: beyond the scope of 5, unless «أن تكون» opens the denied clause (+3)
    assertThat(score("نفت الحكومة أمس في بيان رسمي عقوبات", true).stance()).isEqualTo(Score.CONFLICTUAL);
    assertThat(score("نفت الحكومة أن تكون الوزارة قد فرضت عقوبات", true).stance()).isEqualTo(Score.NEUTRAL);
  }

  @Test
  void theCooperativeWordsOfAnAccusationsChargeDoNotCount() {
    // «الحوار» (+0.6) is what the accused is said to block: only the accusation (-0.5) is left
    Score s = score("اتهمت الوزارة جارتها بتعطيل الحوار", true);
    assertThat(s.stance()).isEqualTo(Score.CONFLICTUAL);
    assertThat(s.evidence()).extracting(Evidence::text).containsExactly("اتهمت");
    assertThat(score("accused them of stalling progress", true).stance()).isEqualTo(Score.CONFLICTUAL);
    // a conflict word turned cooperative by a reducer in the charge goes too ("ease tensions": +0.42 without the rule)
    Score eased = score("accused them of refusing to ease tensions", true);
    assertThat(eased.stance()).isEqualTo(Score.CONFLICTUAL);
    assertThat(eased.evidence()).extracting(Evidence::text).containsExactly("accused");
    // after the clause ends, or beyond the charge's span of words, a cooperative word counts again
    assertThat(score("اتهمت الوزارة جارتها، ثم سجل الحوار تقدم", true).stance()).isEqualTo(Score.COOPERATIVE);
    assertThat(score("accused one two three four five six seven eight nine ten progress progress", true).stance())
        .isEqualTo(Score.COOPERATIVE);
  }

  @Test
  void aCancelledVisitIsASnubButAnEndedOneIsNot() {
    // a contact word alone says nothing, but cancelled («ألغت») it counts as a conflictual -0.5, even with a subject
    // between the verb and the visit
    Score s = score("ألغت الحكومة زيارة الوزير", true);
    assertThat(s.stance()).isEqualTo(Score.CONFLICTUAL);
    assertThat(s.evidence()).extracting(Evidence::text, Evidence::weight)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ألغت الحكومة زيارة", -0.5));
    assertThat(score("أنهى الوزير زيارة رسمية", true).stance()).isEqualTo(Score.NEUTRAL);
    assertThat(score("ألغت الحكومة زيارة الوزير", false).stance()).isEqualTo(Score.NEUTRAL);
  }

  @Test
  void aDeniedReducerCancelsTheCooperationInsteadOfFlippingIt() {
    // the freeze alone makes the dialogue a loss; denied (the denial reaches the reducer over «أن يكون … قد»), the
    // dialogue is cancelled: neither a loss nor a gain
    assertThat(score("أمر الوزير بتجميد الحوار", true).stance()).isEqualTo(Score.CONFLICTUAL);
    Score s = score("نفت أن يكون الوزير قد أمر بتجميد الحوار", true);
    assertThat(s.stance()).isEqualTo(Score.NEUTRAL);
    assertThat(s.evidence()).isEmpty();
  }

  @Test
  void contactWordsAddToCooperationButAreNoCounterweightToConflict() {
    // three meetings (+0.3) used to cancel a deadline (-0.3); against a conflictual reading they are only the setting
    Score s = score("لقاء لقاء لقاء مهلة", true);
    assertThat(s.stance()).isEqualTo(Score.CONFLICTUAL);
    assertThat(s.evidence()).extracting(Evidence::text).containsExactly("مهلة");
    // next to progress a meeting still counts
    assertThat(score("لقاء تقدم", true).evidence()).extracting(Evidence::weight).containsExactly(0.1, 0.6);
  }
}

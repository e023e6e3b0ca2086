package dev.mizan.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mizan.model.LinearTextModel;
import dev.mizan.model.RuleSignals;
import dev.mizan.model.TextFeatures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hybrid decision in the Analyzer, with a hand-made model whose answer is known in advance. */
class HybridScorerTest {
  static final LocalDate DAY = LocalDate.of(2025, 8, 1);
  static final String COOPERATIVE = "Russia and China signed a landmark cooperation agreement and praised their partnership.";
  static final String NEUTRAL = "The Russian and Chinese delegations arrived in the capital on Monday.";

  /** A model that ignores the text: stance logits (neutral 0, cooperative 0, conflictual 2); quad favours material. */
  static LinearTextModel constant() {
    TextFeatures f = new TextFeatures(1024, 2, 3, 1, true);
    return new LinearTextModel(f, "constant", List.of(
        new LinearTextModel.Head("quad", LinearTextModel.QUAD_CLASSES, 1.0, new double[] {0, 1, 1, 0, 0}, new float[1024 * 5]),
        new LinearTextModel.Head("stance", LinearTextModel.STANCE_CLASSES, 1.0, new double[] {0, 0, 2}, new float[1024 * 3])));
  }

  static Analyzer analyzer(String mode, double ruleConfidence) {
    return analyzer(mode, ruleConfidence, true);
  }

  static Analyzer analyzer(String mode, double ruleConfidence, boolean neutralWithoutPair) {
    return Analyzer.create(new AnalyzerOptions(List.of(), 0.15, -0.15, true, mode, "", ruleConfidence,
        neutralWithoutPair, mode.equals("rules") ? null : constant()));
  }

  /** Charged words (an attack, a condemnation) but no country pair: two cities and no state. */
  static final String NO_PAIR = "Gunmen attacked a police station and the minister condemned the brutal assault.";

  @Test
  void aUnitWithNoCountryPairIsNeutralInHybridAndModelMode() {
    SentenceResult rules = analyzer("rules", 0.7).analyzeUnit(NO_PAIR, "en", DAY);
    assertThat(rules.dyads()).isEmpty();
    assertThat(rules.stance()).isEqualTo("conflictual"); // the rules read the words (with lowered confidence)
    double e2 = Math.exp(2);
    for (String mode : List.of("hybrid", "model")) {
      SentenceResult r = analyzer(mode, 0.0).analyzeUnit(NO_PAIR, "en", DAY);
      assertThat(r.stance()).as(mode).isEqualTo("neutral");
      assertThat(r.score()).as(mode).isZero();
      // confidence: the stance head's probability of neutral (here 1 / (2 + e^2): charged words, so low)
      assertThat(r.confidence()).as(mode).isCloseTo(1 / (2 + e2), within(1e-4));
      // quad_class is the quad head's own class (material conflict beats material cooperation on ties by order)
      assertThat(r.quadClass()).as(mode).isEqualTo("material_conflict");
      assertThat(r.evidence()).as(mode).isEqualTo(rules.evidence());
      // switched off, the model's stance (conflictual) stands
      assertThat(analyzer(mode, 1.0, false).analyzeUnit(NO_PAIR, "en", DAY).stance()).as(mode).isEqualTo("conflictual");
    }
    // a unit with a pair is untouched by the setting
    assertThat(analyzer("model", 0.7, true).analyzeUnit(COOPERATIVE, "en", DAY))
        .isEqualTo(analyzer("model", 0.7, false).analyzeUnit(COOPERATIVE, "en", DAY));
  }

  @Test
  void rulesModeIsTheRuleScorer() {
    SentenceResult r = analyzer("rules", 0.7).analyzeUnit(COOPERATIVE, "en", DAY);
    assertThat(r.stance()).isEqualTo("cooperative");
    assertThat(r.quadClass()).isIn("verbal_cooperation", "material_cooperation");
    assertThat(r.evidence()).isNotEmpty();
    assertThat(Analyzer.create(new AnalyzerOptions(List.of(), 0.15, -0.15, true)).analyzeUnit(COOPERATIVE, "en", DAY))
        .isEqualTo(r);
  }

  @Test
  void modelModeTakesTheModelsStanceScoreAndConfidenceButKeepsTheEvidence() {
    SentenceResult rules = analyzer("rules", 0.7).analyzeUnit(COOPERATIVE, "en", DAY);
    SentenceResult r = analyzer("model", 0.7).analyzeUnit(COOPERATIVE, "en", DAY);
    double e2 = Math.exp(2);
    assertThat(r.stance()).isEqualTo("conflictual");
    assertThat(r.score()).isCloseTo((1 - e2) / (2 + e2), within(1e-4));
    assertThat(r.confidence()).isCloseTo(e2 / (2 + e2), within(1e-4));
    assertThat(r.quadClass()).isEqualTo("material_conflict"); // on the stance's side of the quad head
    assertThat(r.evidence()).isEqualTo(rules.evidence());
    assertThat(r.dyads()).isEqualTo(rules.dyads());
  }

  @Test
  void hybridKeepsConfidentRuleStancesAndAsksTheModelElsewhere() {
    SentenceResult rules = analyzer("rules", 0.7).analyzeUnit(COOPERATIVE, "en", DAY);
    assertThat(rules.confidence()).isGreaterThan(0.5);
    SentenceResult kept = analyzer("hybrid", 0.5).analyzeUnit(COOPERATIVE, "en", DAY);
    assertThat(kept.stance()).isEqualTo("cooperative");
    assertThat(kept.score()).isEqualTo(rules.score());
    assertThat(kept.confidence()).isEqualTo(rules.confidence());
    assertThat(kept.quadClass()).isEqualTo("material_cooperation"); // the quad head picks material over verbal
    // a threshold above the rules' confidence hands the sentence to the model
    SentenceResult handed = analyzer("hybrid", 1.0).analyzeUnit(COOPERATIVE, "en", DAY);
    assertThat(rules.confidence()).isLessThan(1.0);
    assertThat(handed.stance()).isEqualTo("conflictual");
    // a sentence the rules call neutral goes to the model
    assertThat(analyzer("rules", 0.7).analyzeUnit(NEUTRAL, "en", DAY).stance()).isEqualTo("neutral");
    assertThat(analyzer("hybrid", 0.0).analyzeUnit(NEUTRAL, "en", DAY).stance()).isEqualTo("conflictual");
  }

  @Test
  void ruleSignalsReadTheUnitLikeTheScorer() {
    Analyzer a = analyzer("rules", 0.7);
    RuleSignals s = a.ruleSignals(COOPERATIVE, "en", DAY);
    SentenceResult r = a.analyzeUnit(COOPERATIVE, "en", DAY);
    assertThat(s.hasDyad()).isTrue();
    assertThat(s.countries()).isEqualTo(2);
    assertThat(s.ruleScore()).isEqualTo(r.score());
    assertThat(s.cooperativeWeight()).isCloseTo(r.evidence().stream().mapToDouble(Evidence::weight).filter(w -> w > 0).sum(),
        within(1e-9));
    assertThat(s.conflictualWeight()).isZero();
    assertThat(s.materialCues() + s.verbalCues()).isGreaterThanOrEqualTo(1);
    assertThat(s.quote()).isFalse();
    RuleSignals quoted = a.ruleSignals("Lavrov said: \"We do not trust Washington.\"", "en", DAY);
    assertThat(quoted.quote()).isTrue();
    assertThat(quoted.speaker()).isTrue();
    assertThat(quoted.negators() + quoted.denials()).isGreaterThanOrEqualTo(1);
    assertThat(a.ruleSignals("Bonjour tout le monde", "fr", DAY)).isEqualTo(RuleSignals.NONE);
  }

  @Test
  void aNeutralModelStanceTakesTheQuadHeadsOwnClass() {
    // stance head: neutral wins; quad head: verbal cooperation wins (a meeting takes no side but is CAMEO verbal coop)
    TextFeatures f = new TextFeatures(1024, 2, 3, 1, true);
    LinearTextModel m = new LinearTextModel(f, "constant", List.of(
        new LinearTextModel.Head("quad", LinearTextModel.QUAD_CLASSES, 1.0, new double[] {1, 0, 0, 0, 2}, new float[1024 * 5]),
        new LinearTextModel.Head("stance", LinearTextModel.STANCE_CLASSES, 1.0, new double[] {2, 0, 0}, new float[1024 * 3])));
    Analyzer a = Analyzer.create(new AnalyzerOptions(List.of(), 0.15, -0.15, true, "model", "", 0.7, true, m));
    SentenceResult r = a.analyzeUnit(NEUTRAL, "en", DAY);
    assertThat(r.stance()).isEqualTo("neutral");
    assertThat(r.quadClass()).isEqualTo("verbal_cooperation");
  }
}

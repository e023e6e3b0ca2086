package dev.mizan.analysis;

import dev.mizan.model.LinearTextModel;
import java.io.Serializable;
import java.util.List;

/**
 * What the analysis core needs from configuration. Built by the config layer from the validated settings.
 *
 * @param extraActorFiles      contents (not paths) of user actor files, same TSV format as the bundled actors.tsv,
 *                             read on the driver so that executors need no file access
 * @param cooperativeThreshold score above which a sentence is cooperative (0..1)
 * @param conflictualThreshold score below which a sentence is conflictual (-1..0)
 * @param paragraphContext     carry a dyad to a sentence that names one side (or "both sides") from its paragraph
 * @param modelMode            {@link #RULES}, {@link #MODEL} or {@link #HYBRID} (see {@link Analyzer})
 * @param modelPath            where the model came from: "" = the bundled default, else a file or train output dir
 * @param ruleConfidence       hybrid: the rules keep their stance when it is not neutral and their confidence is at
 *                             least this (0..1); otherwise the model decides
 * @param neutralWithoutPair   hybrid and model mode: a unit that relates no country pair takes the neutral stance
 *                             (score 0), since stance is the stance on a relation; its quad_class still comes from
 *                             the quad head. Rules mode ignores it (the rules only lower such a stance's confidence)
 * @param model                the loaded model (null in rules mode); broadcast with the Analyzer
 */
public record AnalyzerOptions(
    List<String> extraActorFiles,
    double cooperativeThreshold,
    double conflictualThreshold,
    boolean paragraphContext,
    String modelMode,
    String modelPath,
    double ruleConfidence,
    boolean neutralWithoutPair,
    LinearTextModel model) implements Serializable {

  public static final String RULES = "rules";
  public static final String MODEL = "model";
  public static final String HYBRID = "hybrid";
  /** Allowed values of {@code mizan.model.mode}. */
  public static final List<String> MODES = List.of(HYBRID, RULES, MODEL);

  public AnalyzerOptions {
    if (!MODES.contains(modelMode)) {
      throw new IllegalArgumentException("model mode \"" + modelMode + "\" is not one of " + MODES);
    }
    if (!modelMode.equals(RULES) && model == null) {
      throw new IllegalArgumentException("model mode \"" + modelMode + "\" needs a loaded model");
    }
  }

  /** Rules only: exactly the pre-model behaviour. */
  public AnalyzerOptions(List<String> extraActorFiles, double cooperativeThreshold, double conflictualThreshold,
      boolean paragraphContext) {
    this(extraActorFiles, cooperativeThreshold, conflictualThreshold, paragraphContext, RULES, "", 0.7, true, null);
  }

  /** The reference.conf defaults: the hybrid scorer with the bundled model. */
  public static AnalyzerOptions defaults() {
    return dev.mizan.config.Settings.defaults().analyzerOptions();
  }

  /** The same options with the rules only. */
  public AnalyzerOptions rulesOnly() {
    return new AnalyzerOptions(extraActorFiles, cooperativeThreshold, conflictualThreshold, paragraphContext, RULES,
        modelPath, ruleConfidence, neutralWithoutPair, null);
  }

  /** The same options with another mode and model. */
  public AnalyzerOptions withModel(String mode, LinearTextModel m) {
    return new AnalyzerOptions(extraActorFiles, cooperativeThreshold, conflictualThreshold, paragraphContext, mode,
        modelPath, ruleConfidence, neutralWithoutPair, m);
  }
}

package dev.mizan.analysis;

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
 */
public record AnalyzerOptions(
    List<String> extraActorFiles,
    double cooperativeThreshold,
    double conflictualThreshold,
    boolean paragraphContext) implements Serializable {

  public static AnalyzerOptions defaults() {
    return new AnalyzerOptions(List.of(), 0.15, -0.15, true);
  }
}

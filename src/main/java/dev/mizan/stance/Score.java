package dev.mizan.stance;

import dev.mizan.analysis.Evidence;
import java.util.List;

/** The stance reading of one sentence. */
public record Score(String stance, double score, double confidence, String quadClass, List<Evidence> evidence) {
  public static final String COOPERATIVE = "cooperative";
  public static final String NEUTRAL = "neutral";
  public static final String CONFLICTUAL = "conflictual";
}

package dev.mizan.report;

import dev.mizan.analysis.Evidence;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the report shows: small aggregates collected to the driver by {@code ReportJob}.
 *
 * @param output    the output directory the report describes
 * @param from      first day of the report window
 * @param to        last day (the latest date in trends)
 * @param generated when the report was written (UTC, ISO)
 * @param totals    window totals shown in the header (name → value), in display order
 * @param top       the top dyads by mentions, with their daily series
 * @param movers    the biggest movers between the previous week and the last week
 * @param actors    the most-quoted actors
 * @param evidence  dyad → its evidence sentences (newest day first)
 */
public record ReportData(
    String output,
    LocalDate from,
    LocalDate to,
    String generated,
    Map<String, Long> totals,
    List<DyadSeries> top,
    List<Mover> movers,
    List<ActorRow> actors,
    Map<String, List<EvidenceRow>> evidence) {

  /** One day of a dyad's trend. {@code score7d} may be NaN. */
  public record DayPoint(LocalDate date, long mentions, double mean, double ciLow, double ciHigh, double score7d) {}

  /** A top dyad: its total mentions and mention-weighted mean over the window, and its days (sorted). */
  public record DyadSeries(String dyad, long mentions, double mean, List<DayPoint> days) {}

  /** A dyad's mention-weighted mean score in the previous and the last week. */
  public record Mover(String dyad, long prevMentions, double prevMean, long lastMentions, double lastMean) {
    public double delta() {
      return lastMean - prevMean;
    }
  }

  /** An actor: sentences as speaker, mentions, mention-weighted mean score, its dyads (most mentions first). */
  public record ActorRow(String actor, String country, long asSpeaker, long mentions, double mean, List<String> dyads) {}

  /** One evidence sentence of a dyad on a day; {@code dayTotal} = the dyad's mentions that day. */
  public record EvidenceRow(String dyad, LocalDate date, String articleId, int sentenceIdx, String source, String lang,
      String sentence, String stance, double score, double confidence, String speaker, List<Evidence> evidence,
      long dayTotal) {}
}

package dev.mizan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mizan.config.Settings;
import dev.mizan.io.SparkTest;
import dev.mizan.io.Tables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AggregatePipelineTest extends SparkTest {
  private static final Settings.Aggregate AGG = new Settings.Aggregate(7, 0.95);
  private Dataset<Row> mentions;

  private static Row m(String article, String date, String source, String a, String b, String stance, double score,
      String speaker, String... actors) {
    return RowFactory.create(article, Date.valueOf(date), source, "en", 0, a, b, stance, score, 0.9, "verbal_cooperation",
        speaker, dev.mizan.pipeline.ScorePipeline.seq(List.of(actors)), dev.mizan.pipeline.ScorePipeline.seq(List.of()));
  }

  @BeforeEach
  void data() {
    List<Row> rows = new ArrayList<>(List.of(
        // 2025-08-01: scores 0.2, 0.4, 0.6 (mean 0.4, s 0.2, n 3) in 2 articles from 2 sources (one null)
        m("a1", "2025-08-01", "s1", "RUS", "USA", "cooperative", 0.2, "vladimir-putin", "vladimir-putin"),
        m("a1", "2025-08-01", "s1", "RUS", "USA", "cooperative", 0.4, null, "vladimir-putin", "steve-witkoff"),
        m("a2", "2025-08-01", null, "RUS", "USA", "cooperative", 0.6, null),
        // 2025-08-05: one mention 1.0
        m("a3", "2025-08-05", "s2", "RUS", "USA", "cooperative", 1.0, null),
        // 2025-08-09: -0.5 and 0.5
        m("a4", "2025-08-09", "s1", "RUS", "USA", "conflictual", -0.5, null),
        m("a5", "2025-08-09", "s3", "RUS", "USA", "neutral", 0.5, null),
        // another dyad
        m("a6", "2025-08-09", "s3", "IRN", "TUR", "neutral", 0.0, null)));
    mentions = spark.createDataFrame(rows, Tables.MENTIONS_SCHEMA);
  }

  private static Row row(List<Row> rows, String date, String a) {
    return rows.stream().filter(r -> r.getAs("date").toString().equals(date) && r.getAs("country_a").equals(a))
        .findFirst().orElseThrow();
  }

  @Test
  void countsMeansIntervalsAndTrailingMean() {
    List<Row> t = AggregatePipeline.trends(mentions, AGG, new Settings.Range(null, null)).collectAsList();
    assertThat(t).hasSize(4);
    assertThat(spark.createDataFrame(t, Tables.TRENDS_SCHEMA).schema()).isEqualTo(Tables.TRENDS_SCHEMA);

    Row d1 = row(t, "2025-08-01", "RUS");
    assertThat(d1.<Long>getAs("mentions")).isEqualTo(3L);
    assertThat(d1.<Long>getAs("articles")).isEqualTo(2L);
    assertThat(d1.<Long>getAs("sources")).isEqualTo(1L);
    assertThat(d1.<Long>getAs("cooperative")).isEqualTo(3L);
    assertThat(d1.<Long>getAs("neutral")).isZero();
    assertThat(d1.<Double>getAs("mean_score")).isCloseTo(0.4, within(1e-12));
    // t(0.975, 2) = 4.302652729911275; half width = 4.3026527 * 0.2 / sqrt(3) = 0.4968275
    assertThat(d1.<Double>getAs("ci_low")).isCloseTo(0.4 - 0.4968275, within(1e-6));
    assertThat(d1.<Double>getAs("ci_high")).isCloseTo(0.4 + 0.4968275, within(1e-6));
    assertThat(d1.<Double>getAs("score_7d")).isCloseTo(0.4, within(1e-12));

    Row d5 = row(t, "2025-08-05", "RUS");
    assertThat(d5.<Double>getAs("ci_low")).isEqualTo(-1.0); // n = 1
    assertThat(d5.<Double>getAs("ci_high")).isEqualTo(1.0);
    assertThat(d5.<Double>getAs("score_7d")).isCloseTo((0.2 + 0.4 + 0.6 + 1.0) / 4, within(1e-12)); // 08-01..08-05

    Row d9 = row(t, "2025-08-09", "RUS");
    assertThat(d9.<Long>getAs("conflictual")).isEqualTo(1L);
    assertThat(d9.<Long>getAs("neutral")).isEqualTo(1L);
    assertThat(d9.<Long>getAs("sources")).isEqualTo(2L);
    assertThat(d9.<Double>getAs("mean_score")).isCloseTo(0.0, within(1e-12));
    // t(0.975, 1) = 12.706; half width 12.706 * 0.7071 / 1.4142 = 6.35 → clipped
    assertThat(d9.<Double>getAs("ci_low")).isEqualTo(-1.0);
    assertThat(d9.<Double>getAs("ci_high")).isEqualTo(1.0);
    // window 08-03..08-09: 1.0, -0.5, 0.5 (08-01 is 8 days back)
    assertThat(d9.<Double>getAs("score_7d")).isCloseTo(1.0 / 3, within(1e-12));

    Row other = row(t, "2025-08-09", "IRN");
    assertThat(other.<Double>getAs("score_7d")).isEqualTo(0.0);
  }

  @Test
  void aRangeWritesOnlyItsDatesButLooksBackForTheWindow() {
    Settings.Range range = new Settings.Range(LocalDate.of(2025, 8, 5), LocalDate.of(2025, 8, 5));
    assertThat(AggregatePipeline.lookbackFrom(range.from(), AGG)).isEqualTo(LocalDate.of(2025, 7, 30));
    List<Row> t = AggregatePipeline.trends(mentions, AGG, range).collectAsList();
    assertThat(t).hasSize(1);
    assertThat(t.get(0).<Double>getAs("score_7d")).isCloseTo(0.55, within(1e-12));
  }

  @Test
  void ciLevelAndWindowComeFromSettings() {
    List<Row> t = AggregatePipeline.trends(mentions, new Settings.Aggregate(1, 0.90), new Settings.Range(null, null))
        .collectAsList();
    Row d1 = row(t, "2025-08-01", "RUS");
    // t(0.95, 2) = 2.919985580355516
    assertThat(d1.<Double>getAs("ci_high")).isCloseTo(0.4 + 2.919985580355516 * 0.2 / Math.sqrt(3), within(1e-9));
    assertThat(row(t, "2025-08-05", "RUS").<Double>getAs("score_7d")).isEqualTo(1.0);
  }

  @Test
  void actorTrends() {
    List<Row> a = AggregatePipeline.actorTrends(mentions, Map.of("vladimir-putin", "RUS", "steve-witkoff", "USA"),
        new Settings.Range(null, null), spark).orderBy("actor").collectAsList();
    assertThat(a).hasSize(2);
    Row witkoff = a.get(0);
    assertThat(witkoff.<String>getAs("actor")).isEqualTo("steve-witkoff");
    assertThat(witkoff.<String>getAs("actor_country")).isEqualTo("USA");
    assertThat(witkoff.<Long>getAs("mentions")).isEqualTo(1L);
    assertThat(witkoff.<Long>getAs("as_speaker")).isZero();
    Row putin = a.get(1);
    assertThat(putin.<Long>getAs("mentions")).isEqualTo(2L);
    assertThat(putin.<Long>getAs("as_speaker")).isEqualTo(1L);
    assertThat(putin.<Double>getAs("mean_score")).isCloseTo(0.3, within(1e-12));
    assertThat(putin.<String>getAs("country_a")).isEqualTo("RUS");
    assertThat(putin.<String>getAs("country_b")).isEqualTo("USA");
    assertThat(putin.schema().fieldNames()).containsExactly(Tables.ACTOR_TRENDS_SCHEMA.fieldNames());
  }

  @Test
  void tQuantilesMatchTables() {
    double[] t = AggregatePipeline.tQuantiles(0.95);
    assertThat(t[0]).isCloseTo(12.7062047, within(1e-6));
    assertThat(t[9]).isCloseTo(2.2281389, within(1e-6));
    assertThat(t[AggregatePipeline.MAX_DF]).isCloseTo(1.9599640, within(1e-6));
  }
}

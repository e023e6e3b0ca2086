package dev.mizan.pipeline;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.mizan.analysis.Evidence;
import dev.mizan.config.Settings;
import dev.mizan.io.Manifest;
import dev.mizan.io.TableIO;
import dev.mizan.io.Tables;
import dev.mizan.report.ReportData;
import dev.mizan.report.ReportData.ActorRow;
import dev.mizan.report.ReportData.DayPoint;
import dev.mizan.report.ReportData.DyadSeries;
import dev.mizan.report.ReportData.EvidenceRow;
import dev.mizan.report.ReportData.Mover;
import dev.mizan.report.ReportPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;

/**
 * report: the daily visual report {@code <output>/report/index.html} plus {@code report/evidence/<dyad>.html}, from
 * the tables a run wrote. Only small aggregates reach the driver: the top dyads × days, the movers, the top actors and
 * at most {@code evidence-per-day} sentences per top dyad and day.
 */
public final class ReportJob {
  private static final Logger LOG = Phases.log();
  public static final String DIR = "report";

  private ReportJob() {}

  /** The {@code report} command: (re)writes the report of an existing output directory; no manifest is written. */
  public static String run(Settings settings, SparkSession spark) {
    ScoreJob.requireOutput(settings);
    String trends = TableIO.tablePath(settings.output().path(), Tables.TRENDS);
    if (!TableIO.exists(spark, trends)) {
      throw new dev.mizan.config.ConfigError("mizan.output.path = \"" + settings.output().path() + "\": no trends table at "
          + trends + " (run `mizan run` first)");
    }
    Manifest scratch = new Manifest("report", settings, List.of(settings.output().path()));
    return report(settings, spark, new Phases(spark, "report", scratch));
  }

  /** Writes the report (run calls this at its end) and returns the path of index.html. */
  static String report(Settings settings, SparkSession spark, Phases phases) {
    ReportData data = phases.run("report: collect", () -> collect(settings, spark));
    return phases.run("report: write", () -> write(spark, settings.output().path(), data));
  }

  static Dataset<Row> table(SparkSession spark, Settings settings, String table, LocalDate from, LocalDate to) {
    return TableIO.read(spark, TableIO.tablePath(settings.output().path(), table), settings.output().format(), table,
        from, to);
  }

  private static Column dyad() {
    return concat_ws("-", col("country_a"), col("country_b"));
  }

  private static double dbl(Row r, String name) {
    int i = r.fieldIndex(name);
    return r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
  }

  private static long lng(Row r, String name) {
    int i = r.fieldIndex(name);
    return r.isNullAt(i) ? 0 : ((Number) r.get(i)).longValue();
  }

  /** Reads the tables and collects what the pages show. */
  public static ReportData collect(Settings settings, SparkSession spark) {
    Settings.Report cfg = settings.report();
    String generated = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    Dataset<Row> allTrends = table(spark, settings, Tables.TRENDS, null, settings.range().to());
    Row last = allTrends.agg(max(col("date"))).first();
    if (last.isNullAt(0)) {
      return new ReportData(settings.output().path(), null, null, generated, Map.of("mentions", 0L), List.of(), List.of(),
          List.of(), Map.of());
    }
    LocalDate to = last.getDate(0).toLocalDate();
    LocalDate from = to.minusDays(cfg.days() - 1L);
    Dataset<Row> trends = table(spark, settings, Tables.TRENDS, from, to).withColumn("dyad", dyad());

    Map<String, Long> totals = new LinkedHashMap<>();
    Row t = trends.agg(sum(col("mentions")), countDistinct(col("dyad"))).first();
    totals.put("mentions", t.isNullAt(0) ? 0 : t.getLong(0));
    totals.put("dyads", t.getLong(1));
    Row s = table(spark, settings, Tables.SENTENCES, from, to)
        .agg(count(lit(1)), countDistinct(col("article_id")), countDistinct(col("source"))).first();
    totals.put("sentences", s.getLong(0));
    totals.put("articles", s.getLong(1));
    totals.put("sources", s.getLong(2));

    // top dyads by mentions in the window, then their days
    List<Row> topRows = trends.groupBy(col("dyad"))
        .agg(sum(col("mentions")).as("n"), sum(col("mean_score").multiply(col("mentions"))).divide(sum(col("mentions"))).as("mean"))
        .orderBy(col("n").desc(), col("dyad")).limit(cfg.topDyads()).collectAsList();
    List<String> topDyads = topRows.stream().map(r -> r.getString(0)).toList();
    Map<String, List<DayPoint>> days = new LinkedHashMap<>();
    topDyads.forEach(d -> days.put(d, new ArrayList<>()));
    if (!topDyads.isEmpty()) {
      for (Row r : trends.where(col("dyad").isin(topDyads.toArray())).orderBy(col("dyad"), col("date")).collectAsList()) {
        days.get(r.<String>getAs("dyad")).add(new DayPoint(r.getDate(r.fieldIndex("date")).toLocalDate(),
            lng(r, "mentions"), dbl(r, "mean_score"), dbl(r, "ci_low"), dbl(r, "ci_high"), dbl(r, "score_7d")));
      }
    }
    List<DyadSeries> top = topRows.stream()
        .map(r -> new DyadSeries(r.getString(0), r.getLong(1), dbl(r, "mean"), List.copyOf(days.get(r.getString(0)))))
        .toList();

    // movers: last 7 days against the 7 before
    Column lastWeek = col("date").geq(lit(Date.valueOf(to.minusDays(6))));
    Column weighted = col("mean_score").multiply(col("mentions"));
    List<Mover> movers = table(spark, settings, Tables.TRENDS, to.minusDays(13), to).withColumn("dyad", dyad())
        .groupBy(col("dyad"))
        .agg(sum(when(org.apache.spark.sql.functions.not(lastWeek), col("mentions")).otherwise(0L)).as("pn"),
            sum(when(org.apache.spark.sql.functions.not(lastWeek), weighted).otherwise(0.0)).as("pw"),
            sum(when(lastWeek, col("mentions")).otherwise(0L)).as("ln"),
            sum(when(lastWeek, weighted).otherwise(0.0)).as("lw"))
        .where(col("pn").gt(0).and(col("ln").gt(0)))
        .withColumn("delta", col("lw").divide(col("ln")).minus(col("pw").divide(col("pn"))))
        .orderBy(abs(col("delta")).desc(), col("dyad")).limit(cfg.topMovers()).collectAsList().stream()
        .map(r -> new Mover(r.getString(0), lng(r, "pn"), dbl(r, "pw") / lng(r, "pn"), lng(r, "ln"), dbl(r, "lw") / lng(r, "ln")))
        .toList();

    // most-quoted actors
    Dataset<Row> actorTrends = table(spark, settings, Tables.ACTOR_TRENDS, from, to).withColumn("dyad", dyad());
    List<Row> actorRows = actorTrends.groupBy(col("actor"))
        .agg(sum(col("as_speaker")).as("quoted"), sum(col("mentions")).as("n"),
            sum(col("mean_score").multiply(col("mentions"))).divide(sum(col("mentions"))).as("mean"),
            first(col("actor_country"), true).as("country"))
        .where(col("quoted").gt(0))
        .orderBy(col("quoted").desc(), col("n").desc(), col("actor")).limit(cfg.topActors()).collectAsList();
    Map<String, List<String>> actorDyads = new LinkedHashMap<>();
    List<String> actorNames = actorRows.stream().map(r -> r.getString(0)).toList();
    actorNames.forEach(a -> actorDyads.put(a, new ArrayList<>()));
    if (!actorNames.isEmpty()) {
      actorTrends.where(col("actor").isin(actorNames.toArray())).groupBy(col("actor"), col("dyad"))
          .agg(sum(col("mentions")).as("n")).orderBy(col("actor"), col("n").desc(), col("dyad")).collectAsList()
          .forEach(r -> {
            List<String> l = actorDyads.get(r.getString(0));
            if (l.size() < 4) {
              l.add(r.getString(1));
            }
          });
    }
    List<ActorRow> actors = actorRows.stream().map(r -> new ActorRow(r.getString(0), r.isNullAt(4) ? "" : r.getString(4),
        lng(r, "quoted"), lng(r, "n"), dbl(r, "mean"), List.copyOf(actorDyads.get(r.getString(0))))).toList();

    // evidence: the strongest sentences per top dyad and day, with the sentence text
    Map<String, List<EvidenceRow>> evidence = new LinkedHashMap<>();
    topDyads.forEach(d -> evidence.put(d, new ArrayList<>()));
    if (!topDyads.isEmpty()) {
      var byDay = Window.partitionBy(col("dyad"), col("date"));
      Dataset<Row> ranked = table(spark, settings, Tables.MENTIONS, from, to).withColumn("dyad", dyad())
          .where(col("dyad").isin(topDyads.toArray()))
          .withColumn("rank", row_number().over(byDay.orderBy(abs(col("score")).desc(), col("confidence").desc(),
              col("article_id"), col("sentence_idx"))))
          .withColumn("day_total", count(lit(1)).over(byDay))
          .where(col("rank").leq(cfg.evidencePerDay()));
      Dataset<Row> text = table(spark, settings, Tables.SENTENCES, from, to)
          .select(col("date").as("s_date"), col("article_id").as("s_article"), col("sentence_idx").as("s_idx"),
              col("sentence"));
      List<Row> rows = ranked.join(text, col("date").equalTo(col("s_date")).and(col("article_id").equalTo(col("s_article")))
              .and(col("sentence_idx").equalTo(col("s_idx"))), "left")
          .orderBy(col("dyad"), col("date").desc(), col("rank")).collectAsList();
      for (Row r : rows) {
        List<Evidence> spans = new ArrayList<>();
        int ei = r.fieldIndex("evidence");
        if (!r.isNullAt(ei)) {
          for (Row e : r.<Row>getList(ei)) {
            if (!e.isNullAt(1) && !e.isNullAt(2)) {
              spans.add(new Evidence(e.getString(0), e.getInt(1), e.getInt(2), e.isNullAt(3) ? 0 : e.getDouble(3)));
            }
          }
        }
        String dyad = r.getAs("dyad");
        evidence.get(dyad).add(new EvidenceRow(dyad, r.getDate(r.fieldIndex("date")).toLocalDate(), r.getAs("article_id"),
            r.isNullAt(r.fieldIndex("sentence_idx")) ? -1 : r.<Integer>getAs("sentence_idx"), r.getAs("source"),
            r.getAs("lang"), r.getAs("sentence"), r.getAs("stance"), dbl(r, "score"), dbl(r, "confidence"),
            r.getAs("speaker"), spans, lng(r, "day_total")));
      }
    }
    return new ReportData(settings.output().path(), from, to, generated, totals, top, movers, actors, evidence);
  }

  /** Replaces {@code <output>/report/} with the rendered pages; returns the path of index.html. */
  public static String write(SparkSession spark, String output, ReportData data) {
    String dir = TableIO.tablePath(output, DIR);
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (fs instanceof LocalFileSystem local) {
        fs = local.getRawFileSystem(); // no .crc files beside the pages
      }
      if (fs.exists(root)) {
        fs.delete(root, true);
      }
      for (DyadSeries s : data.top()) {
        writeFile(fs, new Path(root, ReportPage.evidenceHref(s.dyad())),
            ReportPage.evidence(data, s, data.evidence().getOrDefault(s.dyad(), List.of())));
      }
      writeFile(fs, new Path(root, "index.html"), ReportPage.index(data));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report under " + dir + ": " + e.getMessage(), e);
    }
    String index = dir + "/index.html";
    LOG.info("mizan report: wrote {} ({} dyads, {} movers, {} actors) for {} to {}", index, data.top().size(),
        data.movers().size(), data.actors().size(), data.from(), data.to());
    return index;
  }

  private static void writeFile(FileSystem fs, Path file, String text) throws IOException {
    fs.mkdirs(file.getParent());
    try (FSDataOutputStream out = fs.create(file, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }
}

package dev.mizan.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import dev.mizan.config.Settings;
import dev.mizan.io.Manifest;
import dev.mizan.io.TableIO;
import dev.mizan.lexicon.Tsv;
import dev.mizan.pipeline.AggregateJob;
import dev.mizan.pipeline.ScoreJob;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bench: on one corpus, in one run and one SparkSession, times (a) the floor: a bare scan of the article columns
 * score reads, (b) {@code score} exactly as users run it (all its tables, same formats and compression), (c) the
 * baseline a user would build instead (MLlib RegexTokenizer → HashingTF → LogisticRegression, trained on a sample
 * labelled by a keyword heuristic, predicting every sentence and writing the predictions), (d) {@code aggregate}.
 * Prints the timings and ratios and writes {@code DIR/bench.json}.
 */
public final class BenchJob {
  private static final Logger LOG = LoggerFactory.getLogger("dev.mizan");
  /** Sentence boundaries for the baseline: after . ! ? ؟ ؛ followed by space, or line breaks. */
  static final String SENTENCE_SPLIT = "(?<=[.!?\u061F\u061B])\\s+|\\n+";
  /** Share of baseline sentences used to train the classifier. */
  static final double TRAIN_FRACTION = 0.02;

  private BenchJob() {}

  /** The timings of one bench run. */
  public record Result(long articles, int cores, long sentences, long baselineSentences, double mb, double scanColdS,
      double scanS, double scoreS, double baselineS, double aggregateS) {
    public double scoreOverScan() {
      return round(scoreS / scanS);
    }

    public double baselineOverScore() {
      return round(baselineS / scoreS);
    }
  }

  public static Result run(Settings settings, SparkSession spark, PrintStream out) {
    String corpus = settings.input().path();
    String dir = settings.output().path();
    int cores = spark.sparkContext().defaultParallelism();
    Settings.Input in = settings.input();
    LOG.info("mizan bench: corpus {} ({}), output {}, {} cores", corpus, in.format(), dir, cores);

    // (a) the floor. The first scan warms the JVM and the page cache; the second is the one timed.
    long t = System.nanoTime();
    Row scan = scan(spark, in);
    double scanCold = secs(t);
    t = System.nanoTime();
    scan = scan(spark, in);
    double scanS = secs(t);
    long articles = scan.getLong(0);
    double mb = (scan.getLong(1) + scan.getLong(2)) / 1e6;
    LOG.info("mizan bench: scan {} articles, {} MB of UTF-8 text in {} s", articles, fmt(mb), fmt(scanS));

    // (b) score, as users run it
    Settings scoreSettings = new Settings(in, new Settings.Output(dir + "/score", settings.output().format(),
        settings.output().compression()), settings.range(), settings.spark(), settings.gazetteer(), settings.stance(),
        settings.relation(), settings.aggregate(), settings.report(), settings.evaluate(), settings.model(), settings.train(),
        settings.digest(), settings.json());
    t = System.nanoTime();
    Manifest m = ScoreJob.run(scoreSettings, spark);
    double scoreS = secs(t);
    long sentences = ((Number) m.get("sentences_total")).longValue();
    LOG.info("mizan bench: score {} s ({} sentences)", fmt(scoreS), sentences);

    // (c) the MLlib baseline
    t = System.nanoTime();
    baseline(spark, in, dir + "/baseline", settings.output());
    double baselineS = secs(t);
    long baselineSentences = spark.read().parquet(dir + "/baseline/predictions").count(); // not timed
    LOG.info("mizan bench: baseline {} s ({} sentences)", fmt(baselineS), baselineSentences);

    // (d) aggregate over score's mentions
    Settings aggSettings = scoreSettings.withInput(in.withPath(""));
    t = System.nanoTime();
    AggregateJob.run(aggSettings, spark);
    double aggregateS = secs(t);

    Result r = new Result(articles, cores, sentences, baselineSentences, mb, round(scanCold), round(scanS),
        round(scoreS), round(baselineS), round(aggregateS));
    String json = json(r);
    TableIO.writeText(spark, dir + "/bench.json", json);
    out.print(report(r));
    LOG.info("mizan bench: wrote {}/bench.json", dir);
    return r;
  }

  /**
   * The bare scan: every article column score reads, aggregated so that none is pruned: {@code sum(length(body))} (the
   * issue's floor; it walks the UTF-8 bytes to count characters) and {@code sum(octet_length(…))} for the MB figures.
   */
  static Row scan(SparkSession spark, Settings.Input in) {
    Settings.Columns c = in.columns();
    Dataset<Row> df = spark.read().format(in.format()).load(in.path());
    spark.sparkContext().setJobDescription("mizan bench: scan");
    try {
      return df.agg(count(lit(1)), sum(octet_length(col(c.body()))), sum(octet_length(col(c.title()))),
              sum(length(col(c.body()))), sum(length(col(c.title()))),
              count(col(c.id())), count(col(c.published())), count(col(c.source())), count(col(c.lang())),
              count(col(c.url())))
          .first();
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  /**
   * The baseline: sentences by Spark SQL split/explode; labels for a 2% sample from a keyword heuristic (the first
   * cue words of each polarity in the bundled lexicon: conflictual 0, neutral 1, cooperative 2); RegexTokenizer →
   * HashingTF (2^18) → LogisticRegression (multinomial, 20 iterations) fitted on the sample; every sentence predicted;
   * predictions written as Parquet with the output's compression.
   */
  static void baseline(SparkSession spark, Settings.Input in, String outDir, Settings.Output output) {
    Settings.Columns c = in.columns();
    spark.sparkContext().setJobDescription("mizan bench: baseline");
    try {
      Dataset<Row> sentences = spark.read().format(in.format()).load(in.path())
          .select(col(c.id()).as("article_id"), posexplode(split(col(c.body()), SENTENCE_SPLIT)))
          .withColumnRenamed("pos", "sentence_idx").withColumnRenamed("col", "sentence")
          .where(col("sentence").notEqual(""));
      Column label = when(keywords(true), lit(2.0)).when(keywords(false), lit(0.0)).otherwise(lit(1.0));
      Dataset<Row> train = sentences.sample(false, TRAIN_FRACTION, 7).withColumn("label", label);
      RegexTokenizer tok = new RegexTokenizer().setInputCol("sentence").setOutputCol("tokens")
          .setPattern("[\\s\\p{Punct}\u060C\u061B\u061F\u00AB\u00BB\u201C\u201D]+").setGaps(true).setMinTokenLength(1);
      HashingTF tf = new HashingTF().setInputCol("tokens").setOutputCol("features").setNumFeatures(1 << 18);
      LogisticRegression lr = new LogisticRegression().setMaxIter(20).setRegParam(0.01).setFamily("multinomial");
      PipelineModel model = new Pipeline().setStages(new PipelineStage[] {tok, tf, lr}).fit(train);
      Dataset<Row> predictions = model.transform(sentences).select(col("article_id"), col("sentence_idx"),
          col("prediction"));
      predictions.write().mode(SaveMode.Overwrite).option("compression", output.codec()).parquet(outDir + "/predictions");
    } finally {
      spark.sparkContext().setJobDescription(null);
    }
  }

  /** lower(sentence) contains one of the first 40 one-word cue forms of the polarity (both languages). */
  private static Column keywords(boolean coop) {
    List<String> words = new ArrayList<>();
    Map<String, Integer> perLang = new LinkedHashMap<>();
    for (Tsv.Row r : Tsv.resource("/mizan/lexicon/cues.tsv", 6)) {
      String form = r.get(4).toLowerCase(Locale.ROOT);
      if (coop == "coop".equals(r.get(1)) && form.indexOf(' ') < 0 && perLang.merge(r.get(0), 1, Integer::sum) <= 40) {
        words.add(Pattern.quote(form));
      }
    }
    return lower(col("sentence")).rlike(String.join("|", words));
  }

  static String json(Result r) {
    StringBuilder sb = new StringBuilder("{");
    sb.append("\"articles\": ").append(r.articles())
        .append(", \"cores\": ").append(r.cores())
        .append(", \"scan_s\": ").append(r.scanS())
        .append(", \"score_s\": ").append(r.scoreS())
        .append(", \"baseline_s\": ").append(r.baselineS())
        .append(", \"aggregate_s\": ").append(r.aggregateS())
        .append(", \"score_over_scan\": ").append(r.scoreOverScan())
        .append(", \"baseline_over_score\": ").append(r.baselineOverScore())
        .append(", \"sentences\": ").append(r.sentences())
        .append(", \"baseline_sentences\": ").append(r.baselineSentences())
        .append(", \"text_mb\": ").append(round(r.mb()))
        .append(", \"scan_cold_s\": ").append(r.scanColdS())
        .append("}\n");
    return sb.toString();
  }

  static String report(Result r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "mizan bench: %d articles, %d sentences (score) / %d (baseline split), %.1f MB"
        + " of UTF-8 text, %d cores%n", r.articles(), r.sentences(), r.baselineSentences(), r.mb(), r.cores()));
    sb.append(String.format(Locale.ROOT, "  %-10s %10s %12s %18s %14s%n", "phase", "wall s", "articles/s",
        "sentences/s/core", "MB/s/core"));
    line(sb, "scan", r.scanS(), r, r.sentences());
    line(sb, "score", r.scoreS(), r, r.sentences());
    line(sb, "baseline", r.baselineS(), r, r.baselineSentences());
    sb.append(String.format(Locale.ROOT, "  %-10s %10.3f%n", "aggregate", r.aggregateS()));
    sb.append(String.format(Locale.ROOT, "  score/scan = %.3f   baseline/score = %.3f   (first, cold scan: %.3f s)%n",
        r.scoreOverScan(), r.baselineOverScore(), r.scanColdS()));
    return sb.toString();
  }

  private static void line(StringBuilder sb, String phase, double s, Result r, long sentences) {
    sb.append(String.format(Locale.ROOT, "  %-10s %10.3f %12.0f %18.0f %14.2f%n", phase, s, r.articles() / s,
        sentences / s / r.cores(), r.mb() / s / r.cores()));
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static double round(double x) {
    return Math.round(x * 1000.0) / 1000.0;
  }

  private static String fmt(double x) {
    return String.format(Locale.ROOT, "%.3f", x);
  }
}

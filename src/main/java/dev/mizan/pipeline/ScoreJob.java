package dev.mizan.pipeline;

import static org.apache.spark.sql.functions.col;

import dev.mizan.analysis.Analyzer;
import dev.mizan.config.ConfigError;
import dev.mizan.config.Settings;
import dev.mizan.io.ArticleReader;
import dev.mizan.io.ArticleValidator;
import dev.mizan.io.Manifest;
import dev.mizan.io.StagedCommit;
import dev.mizan.io.TableIO;
import dev.mizan.io.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;

/** score: articles → sentences, mentions, quarantine (+ the manifest). */
public final class ScoreJob {
  private static final Logger LOG = Phases.log();

  private ScoreJob() {}

  /** Runs score alone and writes the manifest. */
  public static Manifest run(Settings settings, SparkSession spark) {
    Manifest manifest = new Manifest("score", settings, List.of(settings.input().path()));
    score(settings, spark, new Phases(spark, "score", manifest), manifest);
    manifest.write(spark, settings.output().path());
    return manifest;
  }

  /** Creates the analyser on the driver; a malformed user actor file is a configuration error. */
  static Analyzer analyzer(Settings settings) {
    try {
      return Analyzer.create(settings.analyzerOptions());
    } catch (IllegalArgumentException e) {
      throw new ConfigError("mizan.gazetteer.extra-actor-files = " + settings.gazetteer().extraActorFiles() + ": " + e.getMessage());
    }
  }

  static void score(Settings settings, SparkSession spark, Phases phases, Manifest manifest) {
    requireOutput(settings);
    Analyzer analyzer = phases.run("prepare analyser", () -> analyzer(settings));

    // One pass over the input: the row checks and the analysis together (ScorePipeline.analyzeAll); the article text
    // is dropped there. Duplicate ids are decided on the narrow result (no article text shuffled) and applied with a
    // broadcast join. Same rows and reasons as ArticleValidator.check followed by analysing the valid rows.
    Broadcast<Analyzer> bc = phases.run("broadcast analyser",
        () -> JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(analyzer));
    try (StagedCommit.Scratch scratch = StagedCommit.scratch(spark.sparkContext().hadoopConfiguration(),
        settings.output().path(), "analysed", TableIO.staleSeconds(spark))) {
      Dataset<Row> analysedOnce = phases.run("read and validate", () -> {
        Dataset<Row> mapped = ArticleReader.read(spark, settings.input());
        return ScorePipeline.analyzeAll(ArticleValidator.precheck(mapped, settings.input(), settings.range()), bc)
            .withColumnRenamed("article_id", "id");
      });
      score(settings, spark, phases, manifest, analysedOnce, scratch.path(STAGED));
    }
  }

  /** The staged analysed rows' directory name inside the run's scratch directory. */
  static final String STAGED = "analysed";

  /**
   * Parquet row-group size of the staged analysed rows, in bytes: a Parquet writer buffers one row group in memory
   * before writing it, so this bounds the staging write's memory per running task (Parquet's default is 128 MB).
   */
  static final long STAGED_ROW_GROUP_BYTES = 32L << 20;

  /**
   * Stages the analysed rows ({@code analysedOnce}: one per input row, CHECKED_ANALYZED_SCHEMA with id instead of
   * article_id) once as Parquet under {@code stagedPath}, then counts and writes every table from the staged copy.
   * The staging write streams: each task analyses and writes its articles one by one, so memory does not grow with
   * the corpus, and the analysis runs once per article. (Persisting the Dataset instead, as before, builds
   * 10,000-row columnar batches of whole analysed articles in the heap and keeps as many as fit: that ran out of
   * memory on 1,000,000 articles with a 1 or 2 GB heap, and on 100,000 with 512 MB.)
   */
  static void score(Settings settings, SparkSession spark, Phases phases, Manifest manifest, Dataset<Row> analysedOnce,
      String stagedPath) {
    // Spark reads the session setting when it plans each read, so it covers every read of the staged copy below; a
    // value the user set is left alone.
    boolean ours = !spark.conf().contains(BATCH_ROWS_KEY);
    if (ours) {
      spark.conf().set(BATCH_ROWS_KEY, STAGED_BATCH_ROWS);
    }
    try {
      scoreStaged(settings, spark, phases, manifest, analysedOnce, stagedPath);
    } finally {
      if (ours) {
        spark.conf().unset(BATCH_ROWS_KEY);
      }
    }
  }

  /** Spark's rows per vectorized Parquet batch (default 4096). */
  static final String BATCH_ROWS_KEY = "spark.sql.parquet.columnarReaderBatchSize";

  /**
   * Rows per batch when the staged analysed articles are read back. A staged row is a whole article with its nested
   * sentences, evidence and dyads; at Spark's default of 4096 rows the vectorized reader's column vectors of one task
   * held ~250 MB in the sentences write (heap histogram, 100k articles), beside the sort's execution memory, which
   * left a 1 GB heap no headroom. 256 rows per batch still amortise the per-batch work over ~4,000 sentences.
   */
  static final int STAGED_BATCH_ROWS = 256;

  private static void scoreStaged(Settings settings, SparkSession spark, Phases phases, Manifest manifest,
      Dataset<Row> analysedOnce, String stagedPath) {
    Dataset<Row> all = phases.run("read, validate and analyse", () -> {
      analysedOnce.write().mode(SaveMode.ErrorIfExists).option("compression", "snappy")
          .option("parquet.block.size", Long.toString(STAGED_ROW_GROUP_BYTES)).parquet(stagedPath);
      return spark.read().parquet(stagedPath);
    });
    // The duplicate decisions (a window over three narrow columns, then only the repeated rows) are small and every
    // action below needs them: kept once instead of recomputing the window's shuffle in each of the five.
    Dataset<Row> duplicates = ArticleValidator.duplicates(all.select("id", "pre_ok", "source_file", "row_no"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      scoreChecked(settings, spark, phases, manifest, ArticleValidator.applyDuplicates(all, duplicates));
    } finally {
      duplicates.unpersist();
    }
  }

  private static void scoreChecked(Settings settings, SparkSession spark, Phases phases, Manifest manifest,
      Dataset<Row> checked) {
    long[] valid = {0};
    long outside = 0;
    Map<String, Long> byReason = new TreeMap<>();
    List<Row> counts = phases.run("count rows", () ->
        checked.groupBy(col("status"), col("reason")).count().collectAsList());
    for (Row r : counts) {
      String status = r.getString(0);
      long n = r.getLong(2);
      switch (status) {
        case ArticleValidator.VALID -> valid[0] += n;
        case ArticleValidator.OUTSIDE_RANGE -> outside += n;
        default -> byReason.merge(r.getString(1), n, Long::sum);
      }
    }
    long validationQuarantined = byReason.values().stream().mapToLong(Long::longValue).sum();
    LOG.info("mizan score: read {} rows in range {} ({} valid, {} quarantined {}), {} outside the range",
        valid[0] + validationQuarantined, settings.range(), valid[0], validationQuarantined, byReason, outside);

    Dataset<Row> analyzed = checked.where(col("status").equalTo(ArticleValidator.VALID))
        .withColumnRenamed("id", "article_id").select(ScorePipeline.ANALYZED_COLUMNS);
    List<Row> stats = phases.run("analyse articles", () -> ScorePipeline.stats(analyzed).collectAsList());
    Map<String, Long> byLang = new TreeMap<>();
    long failed = 0;
    long sentencesTotal = 0;
    long sentencesStored = 0;
    long mentions = 0;
    for (Row r : stats) {
      byLang.put(r.getString(0), r.getLong(1));
      failed += r.getLong(2);
      sentencesTotal += r.isNullAt(3) ? 0 : r.getLong(3);
      sentencesStored += r.isNullAt(4) ? 0 : r.getLong(4);
      mentions += r.isNullAt(5) ? 0 : r.getLong(5);
    }
    if (failed > 0) {
      byReason.merge(ScorePipeline.ANALYSIS_FAILED, failed, Long::sum);
      LOG.warn("mizan score: the analyser failed on {} articles; they are in quarantine with reason {}", failed,
          ScorePipeline.ANALYSIS_FAILED);
    }
    LOG.info("mizan score: analysed {} articles {}: {} sentences, {} stored, {} mentions", valid[0], byLang,
        sentencesTotal, sentencesStored, mentions);

    Dataset<Row> sentences = ScorePipeline.sentences(analyzed);
    phases.run("write sentences", () -> TableIO.write(sentences, Tables.SENTENCES, settings.output(), true));
    phases.run("write mentions", () ->
        TableIO.write(ScorePipeline.mentions(sentences), Tables.MENTIONS, settings.output(), true));
    Dataset<Row> quarantine = checked.where(col("status").equalTo(ArticleValidator.QUARANTINED))
        .select("id", "reason", "detail", "source_file", "date").unionByName(ScorePipeline.failures(analyzed));
    phases.run("write quarantine", () -> TableIO.write(quarantine, Tables.QUARANTINE, settings.output(), true));
    LOG.info("mizan score: wrote {} sentences, {} mentions, {} quarantine rows under {}", sentencesStored, mentions,
        validationQuarantined + failed, settings.output().path());

    Map<String, Long> reasons = new LinkedHashMap<>();
    byReason.forEach(reasons::put);
    manifest.put("rows_read", valid[0] + validationQuarantined)
        .put("rows_scored", valid[0] - failed)
        .put("rows_quarantined", validationQuarantined + failed)
        .put("rows_outside_range", outside)
        .put("quarantine_by_reason", reasons)
        .put("articles_by_lang", byLang)
        .put("sentences_total", sentencesTotal)
        .put("sentences_stored", sentencesStored)
        .put("mentions", mentions)
        .table(Tables.SENTENCES, sentencesStored)
        .table(Tables.MENTIONS, mentions)
        .table(Tables.QUARANTINE, validationQuarantined + failed);
  }

  static void requireOutput(Settings settings) {
    if (settings.output().path().isBlank()) {
      throw new ConfigError("mizan.output.path is not set: give --output DIR or set mizan.output.path");
    }
  }
}

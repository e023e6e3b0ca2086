package dev.mizan.pipeline;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.mizan.config.ConfigError;
import dev.mizan.config.Settings;
import dev.mizan.eval.Example;
import dev.mizan.eval.LabelledData;
import dev.mizan.eval.Metrics;
import dev.mizan.io.ArticleValidator;
import dev.mizan.io.Manifest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;

/**
 * evaluate: labelled data → {@code DIR/metrics.json}, {@code DIR/metrics.txt}, {@code DIR/errors.jsonl}. The rows are
 * read on the driver ({@link LabelledData}), scored by {@link ClassifyPipeline#predict} with the settings' analyser
 * options (the same path as {@code classify}), and every metric is computed from small Spark aggregates (a groupBy
 * per confusion matrix, one agg for dyads and speakers); only those aggregates and a bounded error sample reach the
 * driver.
 *
 * <p>metrics.json keys (all present; a block is null when the data has no such labels):
 * <ul>
 *   <li>{@code metrics_version} (1), {@code dataset}, {@code input} (the file read), {@code lang} ("" = all),
 *       {@code split}, {@code rows} (units evaluated), {@code model_mode} (the setting mizan.model.mode, or null when
 *       this build has none: rules only), {@code config_digest}, {@code version}, {@code undated_as_of} (the day
 *       role descriptions of undated rows resolve at: the model's feature date, not today, so re-running an
 *       evaluation later gives the same figures);</li>
 *   <li>{@code stance}: the 3-way confusion ({@link Metrics.Confusion#toMap}: labels, per_class {precision, recall,
 *       f1, support}, macro_f1, accuracy, n, confusion rows gold × columns predicted); for UN QuadClass the gold is
 *       the 3-way view of the quad code;</li>
 *   <li>{@code quad}: the 5-way quad_class confusion, same layout;</li>
 *   <li>{@code conflict}: binary conflict (gold conflict vs predicted stance conflictual), same layout with labels
 *       conflict, no_conflict;</li>
 *   <li>{@code stance_from_quad} (un-quadclass): the 3-way gold against the 3-way view of the predicted quad_class
 *       (2,4 cooperative; 1,3 conflictual; 0 neutral), same layout; {@code conflict_from_quad} (unscon): gold conflict
 *       against a predicted conflict quad class (material or verbal conflict);</li>
 *   <li>{@code dyads}: precision, recall, f1, tp, fp, fn, n (micro over rows, sets compared);</li>
 *   <li>{@code speaker}: accuracy (null equals null), n, accuracy_on_gold, n_gold (rows with a gold speaker);</li>
 *   <li>{@code reliability}: target ("stance" or "conflict"), bins [{from, to, count, correct, accuracy,
 *       mean_confidence}], ece;</li>
 *   <li>{@code baseline} (unscon): the shipped Lexicoder output recomputed: name, file, rows, gold_agreement (rows
 *       whose shipped gold equals our gold rule) and its conflict confusion;</li>
 *   <li>{@code errors}: misclassified (rows wrong on any labelled field), written (rows in errors.jsonl).</li>
 * </ul>
 * errors.jsonl rows: id, row, split, text, lang, gold {stance, quad, dyads, speaker, conflict}, predicted {stance,
 * quad, dyads, speaker}, score, confidence, evidence [{text, weight}], wrong [the fields that differ].
 */
public final class EvaluateJob {
  private static final Logger LOG = Phases.log();
  /** Undated rows (UN QuadClass, UNSCon) are read as of this day, the day the model's features were computed at. */
  static final LocalDate UNDATED_AS_OF = LocalDate.parse(dev.mizan.ml.MizanFeaturizer.FEATURE_DATE);
  /** Version of the metrics.json layout. */
  public static final int METRICS_VERSION = 1;

  private EvaluateJob() {}

  /** Reads the labelled rows on the driver: every input problem is a ConfigError (exit 2) before Spark starts. */
  public static LabelledData.Data load(Settings settings) {
    Settings.Evaluate e = settings.evaluate();
    if (e.dataset().isEmpty()) {
      throw new ConfigError("--dataset is required: one of " + String.join(", ", Settings.EVAL_DATASETS)
          + " (or set mizan.evaluate.dataset)");
    }
    Path input = Path.of(settings.input().path());
    if (!Files.exists(input)) {
      throw new ConfigError("--input " + settings.input().path() + ": no such file or directory (resolved to "
          + input.toAbsolutePath().normalize() + ")");
    }
    return switch (e.dataset()) {
      case "un-quadclass" -> LabelledData.unQuadClass(input, e.lang().isEmpty() ? "ar" : e.lang(),
          e.split().isEmpty() ? "test" : e.split());
      case "unscon" -> {
        if (e.lang().equals("ar")) {
          throw new ConfigError("--lang \"ar\": unscon is English only");
        }
        yield LabelledData.unscon(input, e.split().isEmpty() ? "all" : e.split());
      }
      case "jsonl" -> LabelledData.jsonl(input, e.lang(), e.split().isEmpty() ? "all" : e.split());
      default -> throw new ConfigError("--dataset \"" + e.dataset() + "\" is not one of "
          + String.join(", ", Settings.EVAL_DATASETS));
    };
  }

  static final StructType GOLD = DataTypes.createStructType(List.of(
      DataTypes.createStructField("id", DataTypes.StringType, false),
      DataTypes.createStructField("text", DataTypes.StringType, false),
      DataTypes.createStructField("lang", DataTypes.StringType, true),
      DataTypes.createStructField("date", DataTypes.DateType, true),
      DataTypes.createStructField("row", DataTypes.LongType, false),
      DataTypes.createStructField("split", DataTypes.StringType, true),
      DataTypes.createStructField("gold_stance", DataTypes.StringType, true),
      DataTypes.createStructField("gold_quad", DataTypes.StringType, true),
      DataTypes.createStructField("gold_dyads", DataTypes.createArrayType(DataTypes.StringType, false), true),
      DataTypes.createStructField("speaker_labelled", DataTypes.BooleanType, false),
      DataTypes.createStructField("gold_speaker", DataTypes.StringType, true),
      DataTypes.createStructField("gold_conflict", DataTypes.BooleanType, true)));

  /** Evaluates, writes the three files under the output path and prints the tables; returns metrics.json's content. */
  public static Map<String, Object> run(Settings settings, SparkSession spark, LabelledData.Data data, PrintStream out) {
    Manifest manifest = new Manifest("evaluate", settings, List.of(data.file().toString()));
    Phases phases = new Phases(spark, "evaluate", manifest);
    Path dir = Path.of(settings.output().path());
    LOG.info("mizan evaluate: {} rows of {} ({}, lang {}, split {})", data.rows().size(), data.file(), data.dataset(),
        data.lang().isEmpty() ? "all" : data.lang(), data.split());

    List<Row> rows = new ArrayList<>(data.rows().size());
    for (Example x : data.rows()) {
      rows.add(RowFactory.create(x.id(), x.text(), x.lang(), Date.valueOf(x.date() == null ? UNDATED_AS_OF : x.date()), x.row(),
          x.split(), x.stance(), x.quad(), x.dyads() == null ? null : x.dyads().toArray(String[]::new),
          x.speakerLabelled(), x.speaker(), x.conflict()));
    }
    int partitions = Math.max(2, Math.min(spark.sparkContext().defaultParallelism() * 2, rows.size() / 500 + 1));
    Dataset<Row> gold = spark.createDataFrame(rows, GOLD).repartition(partitions);
    Dataset<Row> units = gold.select(col("id"), col("text"), col("lang"), col("date"))
        .withColumn("status", lit(ArticleValidator.VALID));
    Dataset<Row> predicted = ClassifyPipeline.predict(units, settings.analyzerOptions());
    Dataset<Row> joined = predicted.drop("text", "lang")
        .join(gold.drop("date"), "id")
        .withColumn("stance_ok", col("gold_stance").equalTo(col("stance")))
        .withColumn("quad_ok", col("gold_quad").equalTo(col("quad_class")))
        .withColumn("conflict_pred", col("stance").equalTo("conflictual"))
        .withColumn("conflict_ok", col("gold_conflict").equalTo(col("conflict_pred")))
        .withColumn("dyad_tp", size(array_intersect(array_distinct(col("gold_dyads")), array_distinct(col("dyads")))))
        .withColumn("dyad_pred", size(array_distinct(col("dyads"))))
        .withColumn("dyad_gold", size(array_distinct(col("gold_dyads"))))
        .withColumn("dyads_ok", when(col("gold_dyads").isNull(), lit(null).cast(DataTypes.BooleanType))
            .otherwise(col("dyad_tp").equalTo(col("dyad_pred")).and(col("dyad_tp").equalTo(col("dyad_gold")))))
        .withColumn("speaker_ok", when(col("speaker_labelled"), col("gold_speaker").eqNullSafe(col("speaker"))))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return phases.run("score and measure", () -> measure(settings, data, joined, dir, manifest, out));
    } finally {
      joined.unpersist();
    }
  }

  private static Map<String, Object> measure(Settings settings, LabelledData.Data data, Dataset<Row> joined, Path dir,
      Manifest manifest, PrintStream out) {
    Settings.Evaluate es = settings.evaluate();
    Metrics.Confusion stance = confusion(joined, "gold_stance", col("stance"), LabelledData.STANCES);
    Metrics.Confusion quad = confusion(joined, "gold_quad", col("quad_class"), LabelledData.QUADS);
    Metrics.Confusion conflict = confusion(joined, "gold_conflict",
        when(col("conflict_pred"), lit("conflict")).otherwise(lit("no_conflict")), LabelledData.CONFLICT);
    boolean hasStance = stance.total() > 0;
    boolean hasConflict = conflict.total() > 0;
    // the same gold read through the predicted quad_class: for UN QuadClass the 3-way view of the code
    // (2,4 cooperative; 1,3 conflictual; 0 neutral) applied to the prediction, for UNSCon conflict = a conflict quad
    // class. Stance is the stance on a country pair (mizan.model.neutral-without-pair), which these sentence-level
    // datasets seldom name; quad_class is the sentence's own event class.
    boolean un = data.dataset().equals("un-quadclass");
    boolean unscon = data.dataset().equals("unscon");
    Column quadConflict = col("quad_class").isin("material_conflict", "verbal_conflict");
    Metrics.Confusion stanceFromQuad = un ? confusion(joined, "gold_stance",
        when(col("quad_class").isin("material_cooperation", "verbal_cooperation"), lit("cooperative"))
            .when(quadConflict, lit("conflictual")).otherwise(lit("neutral")), LabelledData.STANCES) : null;
    Metrics.Confusion conflictFromQuad = unscon ? confusion(joined, "gold_conflict",
        when(quadConflict, lit("conflict")).otherwise(lit("no_conflict")), LabelledData.CONFLICT) : null;

    Row agg = joined.agg(
        count(lit(1)).as("n"),
        count(col("gold_dyads")).as("n_dyads"),
        sum(when(col("gold_dyads").isNotNull(), col("dyad_tp"))).as("tp"),
        sum(when(col("gold_dyads").isNotNull(), col("dyad_pred").minus(col("dyad_tp")))).as("fp"),
        sum(when(col("gold_dyads").isNotNull(), col("dyad_gold").minus(col("dyad_tp")))).as("fn"),
        sum(when(col("speaker_labelled"), 1).otherwise(0)).as("n_speaker"),
        sum(when(col("speaker_ok"), 1).otherwise(0)).as("speaker_ok"),
        sum(when(col("speaker_labelled").and(col("gold_speaker").isNotNull()), 1).otherwise(0)).as("n_gold_speaker"),
        sum(when(col("speaker_ok").and(col("gold_speaker").isNotNull()), 1).otherwise(0)).as("gold_speaker_ok"))
        .first();
    long n = agg.getLong(0);

    Map<String, Object> m = new LinkedHashMap<>();
    m.put("metrics_version", METRICS_VERSION);
    m.put("dataset", data.dataset());
    m.put("input", data.file().toString());
    m.put("lang", data.lang());
    m.put("split", data.split());
    m.put("rows", n);
    m.put("model_mode", modelMode(settings));
    m.put("config_digest", settings.digest());
    m.put("version", Manifest.version());
    m.put("undated_as_of", UNDATED_AS_OF.toString());
    m.put("stance", hasStance ? stance.toMap() : null);
    m.put("quad", quad.total() > 0 ? quad.toMap() : null);
    m.put("conflict", hasConflict ? conflict.toMap() : null);
    m.put("stance_from_quad", stanceFromQuad != null && stanceFromQuad.total() > 0 ? stanceFromQuad.toMap() : null);
    m.put("conflict_from_quad", conflictFromQuad != null && conflictFromQuad.total() > 0 ? conflictFromQuad.toMap()
        : null);

    Metrics.SetScore dyads = null;
    if (agg.getLong(1) > 0) {
      dyads = new Metrics.SetScore();
      dyads.addCounts(agg.getLong(2), agg.getLong(3), agg.getLong(4));
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("precision", dyads.precision());
      d.put("recall", dyads.recall());
      d.put("f1", dyads.f1());
      d.putAll(dyads.counts());
      d.put("n", agg.getLong(1));
      m.put("dyads", d);
    } else {
      m.put("dyads", null);
    }
    long nSpeaker = agg.getLong(5);
    if (nSpeaker > 0) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("accuracy", (double) agg.getLong(6) / nSpeaker);
      s.put("n", nSpeaker);
      long nGold = agg.getLong(7);
      s.put("accuracy_on_gold", nGold == 0 ? 0.0 : (double) agg.getLong(8) / nGold);
      s.put("n_gold", nGold);
      m.put("speaker", s);
    } else {
      m.put("speaker", null);
    }

    Metrics.Reliability reliability = null;
    String target = hasStance ? "stance" : hasConflict ? "conflict" : null;
    if (target != null) {
      reliability = reliability(joined, target.equals("stance") ? "gold_stance" : "gold_conflict",
          target + "_ok", es.reliabilityBins());
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("target", target);
      r.put("bins", reliability.toList());
      r.put("ece", reliability.ece());
      m.put("reliability", r);
    } else {
      m.put("reliability", null);
    }

    LabelledData.Baseline baseline = data.dataset().equals("unscon") ? LabelledData.lexicoderBaseline(data.file()) : null;
    if (baseline != null) {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("name", "Lexicoder Sentiment Dictionary (UNSCon's lexicoder_output_sents.csv, recomputed)");
      b.put("file", baseline.file().toString());
      b.put("rows", baseline.rows());
      b.put("gold_agreement", baseline.goldAgreement());
      b.put("conflict", baseline.confusion().toMap());
      m.put("baseline", b);
    } else {
      m.put("baseline", null);
    }

    Column wrong = coalesce(not(col("stance_ok")), lit(false))
        .or(coalesce(not(col("quad_ok")), lit(false)))
        .or(coalesce(not(col("conflict_ok")), lit(false)))
        .or(coalesce(not(col("dyads_ok")), lit(false)))
        .or(coalesce(not(col("speaker_ok")), lit(false)));
    Dataset<Row> errors = joined.where(wrong);
    long misclassified = errors.count();
    List<Row> sample = es.maxErrors() == 0 ? List.of()
        : errors.orderBy(xxhash64(col("id")), col("id")).limit(es.maxErrors()).collectAsList();
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("misclassified", misclassified);
    e.put("written", sample.size());
    m.put("errors", e);

    String table = table(m, stance, quad, conflict, dyads, reliability, baseline);
    if (stanceFromQuad != null && stanceFromQuad.total() > 0) {
      table += "\nstance (3-way) read from the predicted quad_class (2,4 cooperative; 1,3 conflictual; 0 neutral):\n"
          + stanceFromQuad.table();
    }
    if (conflictFromQuad != null && conflictFromQuad.total() > 0) {
      table += "\nconflict vs no conflict read from the predicted quad_class (material or verbal conflict):\n"
          + conflictFromQuad.table();
    }
    write(dir, m, table, sample);
    out.print(table);
    out.println("mizan evaluate: wrote " + dir.resolve("metrics.json") + ", metrics.txt and errors.jsonl ("
        + sample.size() + " of " + misclassified + " misclassified rows)");
    return m;
  }

  /** A confusion matrix from a groupBy(gold, predicted).count(): only the counts reach the driver. */
  static Metrics.Confusion confusion(Dataset<Row> joined, String goldCol, Column predicted, List<String> labels) {
    Metrics.Confusion c = new Metrics.Confusion(labels);
    Column gold = col(goldCol);
    if (goldCol.equals("gold_conflict")) {
      gold = when(col(goldCol), lit("conflict")).otherwise(lit("no_conflict"));
    }
    List<Row> counts = joined.where(col(goldCol).isNotNull())
        .groupBy(gold.as("g"), coalesce(predicted, lit("irrelevant")).as("p")).count().collectAsList();
    for (Row r : counts) {
      String p = r.getString(1);
      if (!labels.contains(p)) {
        throw new IllegalStateException("predicted label \"" + p + "\" is not one of " + labels);
      }
      c.add(r.getString(0), p, r.getLong(2));
    }
    return c;
  }

  static Metrics.Reliability reliability(Dataset<Row> joined, String goldCol, String okCol, int bins) {
    Metrics.Reliability rel = new Metrics.Reliability(bins);
    Column bin = least(lit(bins - 1), greatest(lit(0), floor(col("confidence").multiply(bins)).cast(DataTypes.IntegerType)));
    for (Row r : joined.where(col(goldCol).isNotNull())
        .groupBy(bin.as("bin"))
        .agg(count(lit(1)).as("n"), sum(when(col(okCol), 1).otherwise(0)).as("ok"), sum(col("confidence")).as("conf"))
        .collectAsList()) {
      rel.addBin(r.getInt(0), r.getLong(1), r.getLong(2), r.getDouble(3));
    }
    return rel;
  }

  /** mizan.model.mode from the resolved settings, or null when this build has no such setting (rules only). */
  static String modelMode(Settings settings) {
    try {
      JsonNode mode = new ObjectMapper().readTree(settings.json()).path("model").path("mode");
      return mode.isMissingNode() || mode.isNull() ? null : mode.asText();
    } catch (IOException e) {
      return null;
    }
  }

  static String table(Map<String, Object> m, Metrics.Confusion stance, Metrics.Confusion quad,
      Metrics.Confusion conflict, Metrics.SetScore dyads, Metrics.Reliability reliability,
      LabelledData.Baseline baseline) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "mizan evaluate: %s, %s, lang %s, split %s, %d rows, model mode %s%n",
        m.get("dataset"), m.get("input"), m.get("lang").toString().isEmpty() ? "all" : m.get("lang"), m.get("split"),
        (Long) m.get("rows"), m.get("model_mode") == null ? "rules (no model settings)" : m.get("model_mode")));
    if (stance.total() > 0) {
      sb.append("\nstance (3-way):\n").append(stance.table());
    }
    if (quad.total() > 0) {
      sb.append("\nquad class (5-way):\n").append(quad.table());
    }
    if (conflict.total() > 0) {
      sb.append("\nconflict vs no conflict (predicted conflict = stance conflictual):\n").append(conflict.table());
    }
    if (baseline != null) {
      sb.append(String.format(Locale.ROOT, "%nbaseline: Lexicoder (recomputed from %s; shipped gold = our gold rule on "
              + "%d of %d rows): accuracy %.3f, conflict precision %.3f recall %.3f f1 %.3f%n",
          baseline.file().getFileName(), baseline.goldAgreement(), baseline.rows(), baseline.confusion().accuracy(),
          baseline.confusion().precision("conflict"), baseline.confusion().recall("conflict"),
          baseline.confusion().f1("conflict")));
    }
    if (dyads != null) {
      sb.append(String.format(Locale.ROOT, "%ndyads: precision %.3f recall %.3f f1 %.3f %s%n", dyads.precision(),
          dyads.recall(), dyads.f1(), dyads.counts()));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> sp = (Map<String, Object>) m.get("speaker");
    if (sp != null) {
      sb.append(String.format(Locale.ROOT, "speaker accuracy %.3f (n=%d); on rows with a gold speaker %.3f (n=%d)%n",
          (Double) sp.get("accuracy"), (Long) sp.get("n"), (Double) sp.get("accuracy_on_gold"), (Long) sp.get("n_gold")));
    }
    if (reliability != null) {
      @SuppressWarnings("unchecked")
      Map<String, Object> r = (Map<String, Object>) m.get("reliability");
      sb.append("\nreliability of confidence (").append(r.get("target")).append(" correct):\n").append(reliability.table());
    }
    return sb.toString();
  }

  private static void write(Path dir, Map<String, Object> m, String table, List<Row> sample) {
    ObjectMapper om = new ObjectMapper();
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("metrics.json"),
          om.enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("metrics.txt"), table, StandardCharsets.UTF_8);
      ObjectMapper line = new ObjectMapper();
      StringBuilder sb = new StringBuilder();
      for (Row r : sample) {
        sb.append(line.writeValueAsString(errorRow(r))).append('\n');
      }
      Files.writeString(dir.resolve("errors.jsonl"), sb.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the evaluation under " + dir, e);
    }
  }

  private static Map<String, Object> errorRow(Row r) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", r.getAs("id"));
    e.put("row", r.getAs("row"));
    e.put("split", r.getAs("split"));
    e.put("text", r.getAs("text"));
    e.put("lang", r.getAs("lang"));
    Map<String, Object> g = new LinkedHashMap<>();
    g.put("stance", r.getAs("gold_stance"));
    g.put("quad", r.getAs("gold_quad"));
    g.put("dyads", r.isNullAt(r.fieldIndex("gold_dyads")) ? null : r.getList(r.fieldIndex("gold_dyads")));
    g.put("speaker", r.getAs("gold_speaker"));
    g.put("conflict", r.getAs("gold_conflict"));
    e.put("gold", g);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("stance", r.getAs("stance"));
    p.put("quad", r.getAs("quad_class"));
    p.put("dyads", r.getList(r.fieldIndex("dyads")));
    p.put("speaker", r.getAs("speaker"));
    e.put("predicted", p);
    e.put("score", r.getAs("score"));
    e.put("confidence", r.getAs("confidence"));
    List<Map<String, Object>> ev = new ArrayList<>();
    for (Row x : r.<Row>getList(r.fieldIndex("evidence"))) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("text", x.getAs("text"));
      one.put("weight", x.getAs("weight"));
      ev.add(one);
    }
    e.put("evidence", ev);
    List<String> wrong = new ArrayList<>();
    for (String f : List.of("stance", "quad", "conflict", "dyads", "speaker")) {
      int i = r.fieldIndex(f + "_ok");
      if (!r.isNullAt(i) && !r.getBoolean(i)) {
        wrong.add(f);
      }
    }
    e.put("wrong", wrong);
    return e;
  }
}

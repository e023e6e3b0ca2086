package dev.mizan.ml;

import static org.apache.spark.sql.functions.col;

import dev.mizan.analysis.Analyzer;
import dev.mizan.analysis.AnalyzerOptions;
import dev.mizan.analysis.SentenceResult;
import dev.mizan.config.Settings;
import dev.mizan.eval.Metrics;
import dev.mizan.model.Calibration;
import dev.mizan.model.LinearTextModel;
import dev.mizan.model.TextFeatures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.classification.LinearSVC;
import org.apache.spark.ml.classification.LinearSVCModel;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.classification.NaiveBayes;
import org.apache.spark.ml.classification.NaiveBayesModel;
import org.apache.spark.ml.classification.OneVsRest;
import org.apache.spark.ml.classification.OneVsRestModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code train} logic: training data → cross-validated model selection → calibrated two-head model, saved as a
 * Spark {@link PipelineModel} ({@code DIR/pipeline}) and as the compact {@link LinearTextModel} export
 * ({@code DIR/mizan-model.bin}), with {@code DIR/training-report.json}.
 *
 * <p>Data: the UN QuadClass train split (a line-parallel ar/en pair only when neither side is in the fixed SHA-1
 * test split) and own JSONL rows with {@code split == "train"} (other splits are never trained on; the "dev" and
 * "validation" rows are scored after training for the report). Folds: seeded, by group (an ar/en pair is one
 * group, so a sentence and its translation never sit on both sides of a fold).
 *
 * <p>Candidates for the quad head: multinomial logistic regression over the reg/elastic-net grid, linear SVM
 * one-vs-rest, multinomial naive Bayes, and averages of the best logistic regression with the SVM and/or naive
 * Bayes (each member's out-of-fold logits divided by its own fitted temperature, then averaged: still linear).
 * The winner has the best mean macro-F1 over the folds on the Arabic held-out rows. The stance head uses the
 * winner's recipe. Each head's temperature is fitted on its out-of-fold logits. Per-class decision offsets for the
 * quad head are fitted on the winner's out-of-fold logits and measured out of sample on every run ({@code
 * quad_offsets} in the report); the model carries them only with {@code mizan.train.quad-offsets} on. {@code
 * DIR/quad-oof.jsonl} keeps every single candidate's out-of-fold quad logits for offline study.
 */
public final class ModelTrainer {
  private static final Logger LOG = LoggerFactory.getLogger(ModelTrainer.class);
  /** First SHA-1 byte below this = UN QuadClass test split (see ../shared/data/README.md). */
  public static final int TEST_BYTE = 39;
  /** Partitions of the training set (two, so that training is bit-reproducible: see {@link #run}). */
  static final int TRAIN_PARTITIONS = 2;

  /** One training or evaluation example. quad = -1 when unlabelled. */
  public record Example(String id, String source, String lang, String text, int quad, int stance, String split,
      long group) {}

  private final Settings settings;
  private final SparkSession spark;
  private final Settings.Train cfg;
  private PipelineModel pipeline;

  public ModelTrainer(Settings settings, SparkSession spark) {
    this.settings = settings;
    this.spark = spark;
    this.cfg = settings.train();
  }

  /** True when {@code text} is in the UN QuadClass test split. */
  public static boolean unTest(String text) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return (h[0] & 0xff) < TEST_BYTE;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- data

  /** UN QuadClass pairs: TRAIN split only when {@code test} is false, else TEST split rows (each side on its own). */
  public static List<Example> readUn(SparkSession spark, Path dir, boolean test) {
    List<Row> ar = readTsv(spark, dir.resolve("ar/ar_annotations_quad_multiclass.tsv"));
    List<Row> en = readTsv(spark, dir.resolve("en/en_annotations_quad_multiclass.tsv"));
    if (ar.size() != en.size()) {
      throw new IllegalStateException("UN QuadClass: " + ar.size() + " Arabic rows but " + en.size()
          + " English rows; the files must be line-parallel");
    }
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < ar.size(); i++) {
      String a = ar.get(i).getString(0);
      String e = en.get(i).getString(0);
      int qa = Integer.parseInt(ar.get(i).getString(1).trim());
      int qe = Integer.parseInt(en.get(i).getString(1).trim());
      boolean ta = unTest(a);
      boolean te = unTest(e);
      if (!test && !ta && !te) {
        out.add(new Example("un-ar-" + i, "un", "ar", a, qa, stanceOfQuad(qa), "train", i));
        out.add(new Example("un-en-" + i, "un", "en", e, qe, stanceOfQuad(qe), "train", i));
      } else if (test) {
        if (ta) {
          out.add(new Example("un-ar-" + i, "un", "ar", a, qa, stanceOfQuad(qa), "test", i));
        }
        if (te) {
          out.add(new Example("un-en-" + i, "un", "en", e, qe, stanceOfQuad(qe), "test", i));
        }
      }
    }
    return out;
  }

  private static List<Row> readTsv(SparkSession spark, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new dev.mizan.config.ConfigError("mizan.train.un-quadclass-dir: " + file + " does not exist");
    }
    Dataset<Row> df = spark.read().option("header", "true").option("sep", "\t").option("quote", "\"")
        .option("escape", "\"").option("inferSchema", "false").csv(file.toString());
    return df.select(col(df.columns()[0]), col(df.columns()[1])).filter(col(df.columns()[0]).isNotNull()
        .and(col(df.columns()[1]).isNotNull())).collectAsList();
  }

  /** UN codes → stance index: 0 → neutral, 2,4 → cooperative, 1,3 → conflictual. */
  public static int stanceOfQuad(int q) {
    return switch (q) {
      case 0 -> 0;
      case 2, 4 -> 1;
      case 1, 3 -> 2;
      default -> throw new IllegalArgumentException("quad code " + q + " is not in 0..4");
    };
  }

  /** Own labelled JSONL rows (all splits). {@code quad} may be absent, a code 0..4 or a class name. */
  public static List<Example> readOwn(SparkSession spark, String paths) {
    List<Example> out = new ArrayList<>();
    if (paths == null || paths.isBlank()) {
      return out;
    }
    Dataset<Row> df = spark.read().json(Arrays.stream(paths.split(",")).map(String::trim).toArray(String[]::new));
    List<String> cols = Arrays.asList(df.columns());
    for (String need : List.of("id", "text", "stance")) {
      if (!cols.contains(need)) {
        throw new dev.mizan.config.ConfigError("--input " + paths + ": the labelled rows have no \"" + need
            + "\" field (fields: id, lang, text, stance, quad?, split)");
      }
    }
    long g = 1_000_000;
    for (Row r : df.collectAsList()) {
      String id = r.getAs("id");
      String text = r.getAs("text");
      String stance = r.getAs("stance");
      if (id == null || text == null || stance == null) {
        continue;
      }
      int s = LinearTextModel.STANCE_CLASSES.indexOf(stance);
      if (s < 0) {
        throw new IllegalArgumentException("row " + id + ": stance \"" + stance + "\" is not one of "
            + LinearTextModel.STANCE_CLASSES);
      }
      int q = -1;
      if (cols.contains("quad")) {
        Object v = r.getAs("quad");
        if (v instanceof Number n) {
          q = n.intValue();
        } else if (v != null) {
          String t = v.toString().trim();
          q = t.matches("[0-4]") ? Integer.parseInt(t) : LinearTextModel.QUAD_CLASSES.indexOf(t);
          if (q < 0) {
            throw new IllegalArgumentException("row " + id + ": quad \"" + t + "\" is not a code 0..4 or one of "
                + LinearTextModel.QUAD_CLASSES);
          }
        }
      }
      String lang = cols.contains("lang") ? r.getAs("lang") : null;
      String split = cols.contains("split") && r.getAs("split") != null ? r.getAs("split") : "";
      out.add(new Example(id, "own", lang, text, q, s, split, g++));
    }
    return out;
  }

  // ---------------------------------------------------------------- folds, frames

  static int fold(long group, long seed, int k) {
    byte[] b = (seed + ":" + group).getBytes(StandardCharsets.UTF_8);
    return Math.floorMod(TextFeatures.murmur3(b, 0x5eed), k);
  }

  static final StructType SCHEMA = new StructType()
      .add("id", DataTypes.StringType, false)
      .add("lang", DataTypes.StringType, true)
      .add("text", DataTypes.StringType, false)
      .add("quad", DataTypes.DoubleType, false)
      .add("stance", DataTypes.DoubleType, false)
      .add("fold", DataTypes.IntegerType, false)
      .add("quad_weight", DataTypes.DoubleType, false)
      .add("stance_weight", DataTypes.DoubleType, false);

  /**
   * Balanced class weights (n / (K · n_class)) so that every class counts alike in the loss (the selection metric is
   * macro-F1), times {@code own-weight} (quad head) or {@code stance-own-weight} (stance head) for the team's own
   * (news) rows.
   */
  Dataset<Row> frame(List<Example> xs) {
    double[] nq = new double[5];
    double[] ns = new double[3];
    double tq = 0;
    for (Example x : xs) {
      if (x.quad() >= 0) {
        nq[x.quad()]++;
        tq++;
      }
      ns[x.stance()]++;
    }
    List<Row> rows = new ArrayList<>();
    for (Example x : xs) {
      boolean own = x.source().equals("own");
      double wq = x.quad() >= 0 ? (own ? cfg.ownWeight() : 1.0) * tq / (5 * nq[x.quad()]) : 0.0;
      double ws = (own ? cfg.stanceOwnWeight() : 1.0) * xs.size() / (3 * ns[x.stance()]);
      rows.add(RowFactory.create(x.id(), x.lang(), x.text(), (double) Math.max(x.quad(), 0), (double) x.stance(),
          foldOf(x), wq, ws));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  MizanFeaturizer featurizer() {
    return new MizanFeaturizer().setInputCol("text").setLangCol("lang").setOutputCol("features")
        .setNumFeatures(cfg.numFeatures()).setCharNgramMin(cfg.charNgramMin()).setCharNgramMax(cfg.charNgramMax())
        .setWordNgramMax(cfg.wordNgramMax()).setRuleFeatures(cfg.ruleFeatures());
  }

  // ---------------------------------------------------------------- classifiers

  /** A single linear classifier recipe. */
  record Recipe(String family, double reg, double elasticNet) {
    String name() {
      return switch (family) {
        case "lr" -> "logistic_regression(reg=" + reg + ",elasticNet=" + elasticNet + ")";
        case "svc" -> "linear_svc_ovr(reg=" + reg + ")";
        default -> "naive_bayes(smoothing=" + reg + ")";
      };
    }
  }

  /** A fitted member: the Spark model, its raw column, and W (K x D), b. */
  record Fitted(Transformer model, String rawCol, double[][] w, double[] b) {}

  Fitted fit(Recipe r, Dataset<Row> data, String label, String prefix, int k) {
    String raw = prefix + "_" + r.family() + "_raw";
    String pred = prefix + "_" + r.family() + "_pred";
    String prob = prefix + "_" + r.family() + "_prob";
    switch (r.family()) {
      case "lr" -> {
        LogisticRegressionModel m = new LogisticRegression().setFamily("multinomial").setRegParam(r.reg())
            .setElasticNetParam(r.elasticNet()).setMaxIter(cfg.maxIter()).setStandardization(false).setTol(1e-4)
            .setFeaturesCol("features").setLabelCol(label).setWeightCol(label + "_weight").setRawPredictionCol(raw).setPredictionCol(pred)
            .setProbabilityCol(prob).fit(data);
        return new Fitted(m, raw, rows(m.coefficientMatrix(), k), pad(m.interceptVector().toArray(), k));
      }
      case "svc" -> {
        LinearSVC svc = new LinearSVC().setRegParam(r.reg()).setMaxIter(cfg.svcMaxIter()).setStandardization(false)
            .setTol(1e-4);
        OneVsRestModel m = new OneVsRest().setClassifier(svc).setParallelism(2).setFeaturesCol("features")
            .setLabelCol(label).setWeightCol(label + "_weight").setRawPredictionCol(raw).setPredictionCol(pred).fit(data);
        double[][] w = new double[k][];
        double[] b = new double[k];
        ClassificationModel<?, ?>[] ms = m.models();
        for (int c = 0; c < k; c++) {
          if (c < ms.length) {
            LinearSVCModel s = (LinearSVCModel) ms[c];
            w[c] = s.coefficients().toArray();
            b[c] = s.intercept();
          } else {
            w[c] = new double[cfg.numFeatures()];
            b[c] = -1e3;
          }
        }
        return new Fitted(m, raw, w, b);
      }
      default -> {
        NaiveBayesModel m = new NaiveBayes().setModelType("multinomial").setSmoothing(r.reg())
            .setFeaturesCol("features").setLabelCol(label).setWeightCol(label + "_weight").setRawPredictionCol(raw).setPredictionCol(pred)
            .setProbabilityCol(prob).fit(data);
        return new Fitted(m, raw, rows(m.theta(), k), pad(m.pi().toArray(), k));
      }
    }
  }

  private double[][] rows(Matrix m, int k) {
    double[][] w = new double[k][];
    for (int c = 0; c < k; c++) {
      w[c] = new double[m.numCols()];
      if (c < m.numRows()) {
        for (int j = 0; j < m.numCols(); j++) {
          w[c][j] = m.apply(c, j);
        }
      }
    }
    return w;
  }

  /** A class never seen in training gets a very low bias (MLlib sizes its output by the largest label seen). */
  private static double[] pad(double[] b, int k) {
    double[] out = new double[k];
    Arrays.fill(out, -1e3);
    System.arraycopy(b, 0, out, 0, Math.min(k, b.length));
    return out;
  }

  /** The PipelineModel of the last {@link #run} (also saved under DIR/pipeline). */
  public PipelineModel pipeline() {
    return pipeline;
  }

  /** Out-of-fold logits of one recipe: fit on the other folds, predict the held-out fold. Keyed by id. */
  Map<String, double[]> oof(Recipe r, Dataset<Row> data, String label, String prefix, int k) {
    Map<String, double[]> out = new HashMap<>();
    for (int f = 0; f < cfg.folds(); f++) {
      Fitted m = fit(r, data.filter(col("fold").notEqual(f)), label, prefix, k);
      for (Row row : m.model().transform(data.filter(col("fold").equalTo(f))).select("id", m.rawCol()).collectAsList()) {
        out.put(row.getString(0), Arrays.copyOf(((Vector) row.get(1)).toArray(), k));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- the run

  /**
   * A map of the given key/value pairs in that order (Map.of iterates in an order salted per JVM, which made the same
   * training write its report's keys in a different order from run to run).
   */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** Trains, writes DIR/pipeline, DIR/mizan-model.bin and DIR/training-report.json; returns the report. */
  public Map<String, Object> run(Path dir) throws IOException {
    long t0 = System.nanoTime();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("seed", cfg.seed());
    report.put("folds", cfg.folds());
    report.put("features", ordered("numFeatures", cfg.numFeatures(), "charNgram", cfg.charNgramMin() + ".." + cfg.charNgramMax(),
        "wordNgramMax", cfg.wordNgramMax(), "ruleFeatures", cfg.ruleFeatures()));
    report.put("own_weight", ordered("quad", cfg.ownWeight(), "stance", cfg.stanceOwnWeight()));
    List<Example> train = new ArrayList<>();
    if (!cfg.unQuadclassDir().isBlank()) {
      train.addAll(readUn(spark, Path.of(cfg.unQuadclassDir()), false));
    }
    List<Example> own = readOwn(spark, settings.input().path());
    List<Example> held = new ArrayList<>();
    for (Example x : own) {
      if (x.split().equals("train")) {
        train.add(x);
      } else if (x.split().equals("dev") || x.split().equals("validation")) {
        held.add(x);
      }
    }
    if (train.isEmpty()) {
      throw new dev.mizan.config.ConfigError("train: no training rows: set mizan.train.un-quadclass-dir and/or "
          + "--input labelled JSONL with split \"train\" rows");
    }
    report.put("rows", counts(train, held));
    LOG.info("mizan train: {} training rows, {} held-out rows", train.size(), held.size());

    MizanFeaturizer featurizer = featurizer();
    // Exactly two partitions, whatever the cluster: MLlib's optimisers sum the partitions' gradients on the driver in
    // the order the tasks finish, and floating-point sums of three or more partials depend on that order, so the
    // weights' last bits changed from run to run. With two partials, 0 + a + b and 0 + b + a are the same sum, so
    // training is bit-reproducible (ModelPipelineTest); the training set is small (about 12,000 rows).
    Dataset<Row> all = featurizer.transform(frame(train).repartition(TRAIN_PARTITIONS))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long n = all.count();
    List<String> quadIds = new ArrayList<>();
    Map<String, Example> byId = new HashMap<>();
    for (Example x : train) {
      byId.put(x.id(), x);
      if (x.quad() >= 0) {
        quadIds.add(x.id());
      }
    }
    List<String> ownQuad = train.stream().filter(x -> x.quad() >= 0 && x.source().equals("own")).map(Example::id).toList();
    Dataset<Row> quadData = all.filter(col("id").startsWith("un-")
        .or(col("id").isin(ownQuad.toArray())));
    double featSecs = secs(t0);
    report.put("featurize_seconds", featSecs);

    // ---- model selection on the quad head
    List<Recipe> singles = new ArrayList<>();
    for (double r : cfg.regParams()) {
      for (double e : cfg.elasticNetParams()) {
        singles.add(new Recipe("lr", r, e));
      }
    }
    singles.add(new Recipe("svc", cfg.svcRegParam(), 0));
    singles.add(new Recipe("nb", cfg.nbSmoothing(), 0));
    List<Map<String, Object>> table = new ArrayList<>();
    Map<Recipe, Map<String, double[]>> oofs = new LinkedHashMap<>();
    Map<Recipe, Double> temps = new HashMap<>();
    int[] quadLabels = null;
    double bestScore = -1;
    List<Recipe> best = null;
    List<double[]> bestWeights = null;
    Recipe bestLr = null;
    double bestLrScore = -1;
    // with no quad labels at all (own data only, before it has quad labels) the stance head picks the recipe
    boolean selectOnQuad = !quadIds.isEmpty();
    String selHead = selectOnQuad ? "quad" : "stance";
    int selK = selectOnQuad ? 5 : 3;
    List<String> selIds = selectOnQuad ? quadIds : train.stream().map(Example::id).toList();
    Dataset<Row> selData = selectOnQuad ? quadData : all;
    report.put("selection_head", selHead);
    for (Recipe r : singles) {
      long t = System.nanoTime();
      Map<String, double[]> o = oof(r, selData, selHead, selHead, selK);
      oofs.put(r, o);
      double temp = temperature(o, selIds, byId, selectOnQuad);
      temps.put(r, temp);
      Map<String, Object> row = cvRow(r.name(), o, selIds, byId, selectOnQuad);
      row.put("seconds", secs(t));
      row.put("temperature", temp);
      table.add(row);
      double score = (Double) row.get("mean_macro_f1_ar");
      LOG.info("mizan train: {} Arabic CV macro-F1 {} ({} s)", r.name(), score, row.get("seconds"));
      if (score > bestScore) {
        bestScore = score;
        best = List.of(r);
        bestWeights = List.of(new double[] {1.0});
      }
      if (r.family().equals("lr") && score > bestLrScore) {
        bestLrScore = score;
        bestLr = r;
      }
    }
    if (selectOnQuad) {
      Files.createDirectories(dir);
      writeQuadOof(dir.resolve("quad-oof.jsonl"), singles, oofs, temps, selIds, byId);
    }
    Recipe svc = singles.get(singles.size() - 2);
    Recipe nb = singles.get(singles.size() - 1);
    for (List<Recipe> combo : List.of(List.of(bestLr, svc), List.of(bestLr, nb), List.of(bestLr, svc, nb))) {
      double[] w = new double[combo.size()];
      Map<String, double[]> o = new HashMap<>();
      for (String id : selIds) {
        double[] z = new double[selK];
        for (int i = 0; i < combo.size(); i++) {
          w[i] = 1.0 / combo.size() / temps.get(combo.get(i));
          double[] zi = oofs.get(combo.get(i)).get(id);
          for (int c = 0; c < selK; c++) {
            z[c] += w[i] * zi[c];
          }
        }
        o.put(id, z);
      }
      String name = "average(" + String.join(" + ", combo.stream().map(Recipe::name).toList()) + ")";
      Map<String, Object> row = cvRow(name, o, selIds, byId, selectOnQuad);
      row.put("seconds", 0.0);
      row.put("temperature", temperature(o, selIds, byId, selectOnQuad));
      table.add(row);
      double score = (Double) row.get("mean_macro_f1_ar");
      LOG.info("mizan train: {} Arabic CV macro-F1 {}", name, score);
      if (score > bestScore) {
        bestScore = score;
        best = combo;
        bestWeights = new ArrayList<>();
        for (double x : w) {
          bestWeights.add(new double[] {x});
        }
      }
    }
    report.put("cv", table);
    String winner = best.size() == 1 ? best.get(0).name()
        : "average(" + String.join(" + ", best.stream().map(Recipe::name).toList()) + ")";
    report.put("winner", winner);
    report.put("winner_mean_macro_f1_ar", bestScore);
    LOG.info("mizan train: winner {} ({})", winner, bestScore);

    // ---- quad head: OOF logits of the winner → temperature; then fit on all
    double[] quadW = new double[best.size()];
    for (int i = 0; i < best.size(); i++) {
      quadW[i] = bestWeights.get(i)[0];
    }
    double quadT = 1.0;
    if (selectOnQuad) {
      quadT = temperature(combine(best, quadW, oofs, quadIds, 5), quadIds, byId, true);
    }
    // ---- quad head: per-class decision offsets for macro-F1 on the winner's out-of-fold logits, and their own
    // out-of-sample CV row (offsets and temperature chosen on the other folds only). Measured on every run (a second
    // of work); the model carries them only when mizan.train.quad-offsets is true.
    double[] quadOffsets = new double[5];
    if (selectOnQuad) {
      Map<String, double[]> z = combine(best, quadW, oofs, quadIds, 5);
      double[] fitted = offsets(z, quadIds, byId, quadT);
      Map<String, double[]> nested = new HashMap<>();
      List<double[]> foldOffsets = new ArrayList<>();
      for (int f = 0; f < cfg.folds(); f++) {
        final int heldFold = f;
        List<String> in = quadIds.stream().filter(id -> foldOf(byId.get(id)) != heldFold).toList();
        double t = temperature(z, in, byId, true);
        double[] d = offsets(z, in, byId, t);
        foldOffsets.add(Arrays.stream(d).map(ModelTrainer::r4).toArray());
        for (String id : quadIds) {
          if (foldOf(byId.get(id)) == heldFold) {
            double[] a = z.get(id).clone();
            for (int c = 0; c < 5; c++) {
              a[c] = a[c] / t + d[c];
            }
            nested.put(id, a);
          }
        }
      }
      Map<String, Object> row = cvRow(winner + " + decision offsets (chosen on the other folds)", nested, quadIds, byId,
          true);
      row.put("fold_offsets", foldOffsets);
      row.put("offsets", Arrays.stream(fitted).map(ModelTrainer::r4).toArray());
      row.put("applied", cfg.quadOffsets());
      report.put("quad_offsets", row);
      LOG.info("mizan train: quad decision offsets {}; out-of-sample Arabic CV macro-F1 {} (without: {}); applied: {}",
          Arrays.toString(fitted), row.get("mean_macro_f1_ar"), bestScore, cfg.quadOffsets());
      if (cfg.quadOffsets()) {
        quadOffsets = fitted;
      }
    }

    // ---- stance head: same recipe; its own OOF for weights and temperature
    long ts = System.nanoTime();
    List<String> allIds = train.stream().map(Example::id).toList();
    Map<Recipe, Map<String, double[]>> stanceOofs = new LinkedHashMap<>();
    double[] stanceW = new double[best.size()];
    for (int i = 0; i < best.size(); i++) {
      Map<String, double[]> o = oof(best.get(i), all, "stance", "stance", 3);
      stanceOofs.put(best.get(i), o);
      stanceW[i] = best.size() == 1 ? 1.0 : 1.0 / best.size() / temperature(o, allIds, byId, false);
    }
    Map<String, double[]> stanceOof = combine(best, stanceW, stanceOofs, allIds, 3);
    double stanceT = temperature(stanceOof, allIds, byId, false);
    Map<String, Object> stanceCv = stanceRow(stanceOof, allIds, byId, stanceT);
    stanceCv.put("seconds", secs(ts));
    report.put("stance_cv", stanceCv);
    Files.createDirectories(dir);
    report.put("own_train_oof", ownTrainOof(train, stanceOof, stanceT, dir.resolve("own-train-oof.jsonl")));

    // ---- final fits
    long tf = System.nanoTime();
    List<PipelineStage> stages = new ArrayList<>();
    stages.add(featurizer);
    List<Fitted> stanceFits = new ArrayList<>();
    for (Recipe r : best) {
      stanceFits.add(fit(r, all, "stance", "stance", 3));
    }
    List<Fitted> quadFits = new ArrayList<>();
    if (selectOnQuad) {
      for (Recipe r : best) {
        quadFits.add(fit(r, quadData, "quad", "quad", 5));
      }
      quadFits.forEach(f -> stages.add(f.model()));
      stages.add(new ProbabilityCalibrator().setInputCols(quadFits.stream().map(Fitted::rawCol).toArray(String[]::new))
          .setWeights(quadW).setTemperature(quadT).setOffsets(quadOffsets).setOutputCol("quad_probability")
          .setPredictionCol("quad_prediction"));
    } else {
      // no quad labels: the quad head is the stance head read as verbal classes (neutral → irrelevant)
      quadW = stanceW;
      for (Fitted f : stanceFits) {
        quadFits.add(asQuad(f));
      }
      report.put("quad_head", "derived from the stance head (no quad labels in the training data)");
    }
    stanceFits.forEach(f -> stages.add(f.model()));
    stages.add(new ProbabilityCalibrator().setInputCols(stanceFits.stream().map(Fitted::rawCol).toArray(String[]::new))
        .setWeights(stanceW).setTemperature(stanceT).setOutputCol("stance_probability")
        .setPredictionCol("stance_prediction"));
    if (!selectOnQuad) {
      quadT = stanceT;
    }
    pipeline = new Pipeline().setStages(stages.toArray(new PipelineStage[0])).fit(frame(train.subList(0, 1)));
    report.put("final_fit_seconds", secs(tf));
    all.unpersist();

    LinearTextModel model = new LinearTextModel(featurizer.textFeatures(), winner + ", seed " + cfg.seed(), List.of(
        head(LinearTextModel.QUAD, LinearTextModel.QUAD_CLASSES, quadFits, quadW, quadT, quadOffsets),
        head(LinearTextModel.STANCE, LinearTextModel.STANCE_CLASSES, stanceFits, stanceW, stanceT, new double[3])));
    report.put("temperature", ordered("quad", quadT, "stance", stanceT));
    report.put("train_seconds", secs(t0));

    Files.createDirectories(dir);
    pipeline.write().overwrite().save(dir.resolve("pipeline").toString());
    Path bin = dir.resolve("mizan-model.bin");
    try (OutputStream os = Files.newOutputStream(bin)) {
      model.write(os);
    }
    report.put("model_bytes", Files.size(bin));

    // ---- held-out own rows (never trained on): rules / model / hybrid, and the reliability of the confidence
    if (!held.isEmpty()) {
      report.put("heldout", heldOut(held, model));
    }
    report.put("total_seconds", secs(t0));
    Files.writeString(dir.resolve("training-report.json"),
        new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report),
        StandardCharsets.UTF_8);
    return report;
  }

  /**
   * Every quad-labelled training row's out-of-fold logits from each single candidate (and its temperature), with its
   * fold, language, source and gold class: what the ensemble weights and decision offsets can be studied on offline
   * without refitting (training rows only).
   */
  private void writeQuadOof(Path out, List<Recipe> singles, Map<Recipe, Map<String, double[]>> oofs,
      Map<Recipe, Double> temps, List<String> ids, Map<String, Example> byId) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (String id : ids) {
      Example x = byId.get(id);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", id);
      row.put("source", x.source());
      row.put("lang", x.lang());
      row.put("fold", foldOf(x));
      row.put("gold", x.quad());
      Map<String, Object> z = new LinkedHashMap<>();
      for (Recipe r : singles) {
        z.put(r.name(), oofs.get(r).get(id));
      }
      row.put("logits", z);
      lines.append(json.writeValueAsString(row)).append('\n');
    }
    Map<String, Object> t = new LinkedHashMap<>();
    for (Recipe r : singles) {
      t.put(r.name(), temps.get(r));
    }
    lines.append(json.writeValueAsString(Map.of("temperatures", t))).append('\n');
    Files.writeString(out, lines.toString(), StandardCharsets.UTF_8);
  }

  /** Stance weights placed on the quad classes: neutral → irrelevant, cooperative → verbal, conflictual → verbal. */
  private Fitted asQuad(Fitted f) {
    double[][] w = new double[5][];
    double[] b = new double[5];
    int[] from = {0, -1, -1, 2, 1};
    for (int c = 0; c < 5; c++) {
      if (from[c] < 0) {
        w[c] = new double[cfg.numFeatures()];
        b[c] = -1e3;
      } else {
        w[c] = f.w()[from[c]];
        b[c] = f.b()[from[c]];
      }
    }
    return new Fitted(null, null, w, b);
  }

  private static Map<String, double[]> combine(List<Recipe> rs, double[] w, Map<Recipe, Map<String, double[]>> oofs,
      List<String> ids, int k) {
    Map<String, double[]> out = new HashMap<>();
    for (String id : ids) {
      double[] z = new double[k];
      for (int i = 0; i < rs.size(); i++) {
        double[] zi = oofs.get(rs.get(i)).get(id);
        for (int c = 0; c < k; c++) {
          z[c] += w[i] * zi[c];
        }
      }
      out.put(id, z);
    }
    return out;
  }

  private static LinearTextModel.Head head(String name, List<String> classes, List<Fitted> fits, double[] w, double t,
      double[] offsets) {
    int k = classes.size();
    int d = fits.get(0).w()[0].length;
    float[] weights = new float[d * k];
    double[] bias = new double[k];
    for (int i = 0; i < fits.size(); i++) {
      Fitted f = fits.get(i);
      for (int c = 0; c < k; c++) {
        bias[c] += w[i] * f.b()[c];
        for (int j = 0; j < d; j++) {
          weights[j * k + c] += (float) (w[i] * f.w()[c][j]);
        }
      }
    }
    return new LinearTextModel.Head(name, classes, t, bias, offsets, weights);
  }

  private int foldOf(Example x) {
    return fold(x.group(), cfg.seed(), cfg.folds());
  }

  /**
   * Decision offsets for the quad head: {@link Calibration#fitOffsets} on the rows {@code ids} (both languages: the
   * Arabic and English rows are translations of each other with the same labels, and twice the rows make the offsets
   * steadier), logits divided by the temperature {@code t}.
   */
  private static double[] offsets(Map<String, double[]> z, List<String> ids, Map<String, Example> byId, double t) {
    double[][] a = new double[ids.size()][];
    int[] y = new int[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      double[] zi = z.get(ids.get(i));
      a[i] = new double[zi.length];
      for (int c = 0; c < zi.length; c++) {
        a[i][c] = zi[c] / t;
      }
      y[i] = byId.get(ids.get(i)).quad();
    }
    return Calibration.fitOffsets(a, y, 5);
  }

  private static double temperature(Map<String, double[]> o, List<String> ids, Map<String, Example> byId, boolean quad) {
    double[][] z = new double[ids.size()][];
    int[] y = new int[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      z[i] = o.get(ids.get(i));
      Example x = byId.get(ids.get(i));
      y[i] = quad ? x.quad() : x.stance();
    }
    return Calibration.fitTemperature(z, y);
  }

  /** Per-fold macro-F1 of the quad head on Arabic rows, their mean, and all-language figures. */
  private Map<String, Object> cvRow(String name, Map<String, double[]> o, List<String> ids, Map<String, Example> byId,
      boolean quad) {
    List<String> classes = quad ? LinearTextModel.QUAD_CLASSES : LinearTextModel.STANCE_CLASSES;
    List<Metrics.Confusion> folds = new ArrayList<>();
    for (int f = 0; f < cfg.folds(); f++) {
      folds.add(new Metrics.Confusion(classes));
    }
    Metrics.Confusion ar = new Metrics.Confusion(classes);
    Metrics.Confusion every = new Metrics.Confusion(classes);
    for (String id : ids) {
      Example x = byId.get(id);
      String gold = classes.get(quad ? x.quad() : x.stance());
      String pred = classes.get(LinearTextModel.argmax(o.get(id)));
      every.add(gold, pred);
      if ("ar".equals(x.lang())) {
        ar.add(gold, pred);
        folds.get(foldOf(x)).add(gold, pred);
      }
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("candidate", name);
    double mean = 0;
    List<Double> per = new ArrayList<>();
    for (Metrics.Confusion c : folds) {
      per.add(r4(c.macroF1()));
      mean += c.macroF1() / folds.size();
    }
    row.put("fold_macro_f1_ar", per);
    row.put("mean_macro_f1_ar", r4(mean));
    row.put("pooled_macro_f1_ar", r4(ar.macroF1()));
    row.put("pooled_macro_f1_all", r4(every.macroF1()));
    row.put("accuracy_all", r4(every.accuracy()));
    return row;
  }

  private Map<String, Object> stanceRow(Map<String, double[]> o, List<String> ids, Map<String, Example> byId, double t) {
    Metrics.Confusion ar = new Metrics.Confusion(LinearTextModel.STANCE_CLASSES);
    Metrics.Confusion every = new Metrics.Confusion(LinearTextModel.STANCE_CLASSES);
    for (String id : ids) {
      Example x = byId.get(id);
      String gold = LinearTextModel.STANCE_CLASSES.get(x.stance());
      String pred = LinearTextModel.STANCE_CLASSES.get(LinearTextModel.argmax(o.get(id)));
      every.add(gold, pred);
      if ("ar".equals(x.lang())) {
        ar.add(gold, pred);
      }
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("pooled_macro_f1_ar", r4(ar.macroF1()));
    row.put("pooled_macro_f1_all", r4(every.macroF1()));
    row.put("temperature", t);
    return row;
  }

  /** Rule-confidence thresholds the out-of-fold hybrid on own training rows is reported at (1.01 = model alone). */
  private static final double[] OOF_RULE_CONFIDENCE = {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 1.01};

  /**
   * The stance head's out-of-fold predictions on the own TRAINING rows (never dev/validation rows), alone and combined
   * with the rules as the hybrid scorer combines them (the rules keep a non-neutral stance at rule confidence ≥ the
   * threshold), at several thresholds: what {@code mizan.train.stance-own-weight} and {@code
   * mizan.model.rule-confidence} are chosen by, and, row by row in {@code out}, the errors new training sentences are
   * written for.
   */
  private Map<String, Object> ownTrainOof(List<Example> train, Map<String, double[]> oof, double t, Path out)
      throws IOException {
    Analyzer rules = Analyzer.create(settings.analyzerOptions().rulesOnly());
    boolean neutralWithoutPair = settings.analyzerOptions().neutralWithoutPair();
    List<String> classes = LinearTextModel.STANCE_CLASSES;
    Metrics.Confusion rulesOnly = new Metrics.Confusion(classes);
    Metrics.Confusion[] hybrid = new Metrics.Confusion[OOF_RULE_CONFIDENCE.length];
    for (int i = 0; i < hybrid.length; i++) {
      hybrid[i] = new Metrics.Confusion(classes);
    }
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    StringBuilder lines = new StringBuilder();
    int n = 0;
    for (Example x : train) {
      if (!x.source().equals("own") || !x.split().equals("train") || !oof.containsKey(x.id())) {
        continue;
      }
      n++;
      double[] p = LinearTextModel.softmax(oof.get(x.id()), t);
      SentenceResult r = rules.analyzeUnit(x.text(), x.lang(), LocalDate.parse(MizanFeaturizer.FEATURE_DATE));
      // as the hybrid decides (Analyzer#combine): no country pair → neutral when mizan.model.neutral-without-pair
      boolean forcedNeutral = neutralWithoutPair && r.dyads().isEmpty();
      String model = forcedNeutral ? "neutral" : classes.get(LinearTextModel.argmax(p));
      String gold = classes.get(x.stance());
      rulesOnly.add(gold, r.stance());
      String chosen = model;
      for (int i = 0; i < OOF_RULE_CONFIDENCE.length; i++) {
        boolean rulesDecide = !r.stance().equals("neutral") && r.confidence() >= OOF_RULE_CONFIDENCE[i];
        String h = rulesDecide && !forcedNeutral ? r.stance() : model;
        hybrid[i].add(gold, h);
        if (Math.abs(OOF_RULE_CONFIDENCE[i] - settings.analyzerOptions().ruleConfidence()) < 1e-9) {
          chosen = h;
        }
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", x.id());
      row.put("gold", gold);
      row.put("hybrid", chosen);
      row.put("model", model);
      row.put("model_p", Arrays.stream(p).map(ModelTrainer::r4).toArray());
      row.put("rules", r.stance());
      row.put("rules_confidence", r.confidence());
      row.put("dyads", r.dyads());
      lines.append(json.writeValueAsString(row)).append('\n');
    }
    Files.writeString(out, lines.toString(), StandardCharsets.UTF_8);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rows", n);
    m.put("neutral_without_pair", neutralWithoutPair);
    m.put("rules_macro_f1", r4(rulesOnly.macroF1()));
    Map<String, Object> h = new LinkedHashMap<>();
    for (int i = 0; i < OOF_RULE_CONFIDENCE.length; i++) {
      h.put(OOF_RULE_CONFIDENCE[i] > 1 ? "model" : "hybrid@" + OOF_RULE_CONFIDENCE[i], r4(hybrid[i].macroF1()));
    }
    m.put("stance_macro_f1", h);
    LOG.info("mizan train: out-of-fold stance macro-F1 on {} own training rows: rules {}, {}", n,
        m.get("rules_macro_f1"), h);
    return m;
  }

  /** Stance macro-F1 of rules / model / hybrid on the held-out own rows, and the hybrid reliability table. */
  private Map<String, Object> heldOut(List<Example> held, LinearTextModel model) {
    AnalyzerOptions base = settings.analyzerOptions().rulesOnly();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rows", held.size());
    for (String mode : AnalyzerOptions.MODES) {
      Analyzer a = Analyzer.create(mode.equals(AnalyzerOptions.RULES) ? base : base.withModel(mode, model));
      Metrics.Confusion c = new Metrics.Confusion(List.of("cooperative", "neutral", "conflictual"));
      double[] conf = new double[held.size()];
      boolean[] ok = new boolean[held.size()];
      for (int i = 0; i < held.size(); i++) {
        Example x = held.get(i);
        SentenceResult r = a.analyzeUnit(x.text(), x.lang(), LocalDate.parse(MizanFeaturizer.FEATURE_DATE));
        String gold = LinearTextModel.STANCE_CLASSES.get(x.stance());
        c.add(gold, r.stance());
        conf[i] = r.confidence();
        ok[i] = gold.equals(r.stance());
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("stance_macro_f1", r4(c.macroF1()));
      m.put("stance_accuracy", r4(c.accuracy()));
      List<Map<String, Object>> rel = new ArrayList<>();
      for (double[] row : Calibration.reliability(conf, ok, new double[] {0, 0.5, 0.6, 0.7, 0.8, 0.9})) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("confidence", "[" + row[0] + ", " + row[1] + ")");
        b.put("n", (long) row[2]);
        b.put("accuracy", Double.isNaN(row[4]) ? null : r4(row[4]));
        b.put("mean_confidence", Double.isNaN(row[5]) ? null : r4(row[5]));
        rel.add(b);
      }
      m.put("reliability", rel);
      out.put(mode, m);
      LOG.info("mizan train: held-out stance macro-F1, {}: {}", mode, m.get("stance_macro_f1"));
    }
    return out;
  }

  private static Map<String, Object> counts(List<Example> train, List<Example> held) {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Long> bySource = new TreeMap<>();
    Map<String, Long> quad = new TreeMap<>();
    Map<String, Long> stance = new TreeMap<>();
    for (Example x : train) {
      bySource.merge(x.source() + "/" + x.lang(), 1L, Long::sum);
      if (x.quad() >= 0) {
        quad.merge(x.source() + "/" + LinearTextModel.QUAD_CLASSES.get(x.quad()), 1L, Long::sum);
      }
      stance.merge(x.source() + "/" + LinearTextModel.STANCE_CLASSES.get(x.stance()), 1L, Long::sum);
    }
    m.put("train_total", (long) train.size());
    m.put("train_by_source_lang", bySource);
    m.put("train_quad", quad);
    m.put("train_stance", stance);
    m.put("heldout_own", (long) held.size());
    return m;
  }

  private static double secs(long t0) {
    return Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
  }

  private static double r4(double v) {
    return Math.round(v * 1e4) / 1e4;
  }
}

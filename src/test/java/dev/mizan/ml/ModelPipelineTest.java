package dev.mizan.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mizan.analysis.Analyzer;
import dev.mizan.config.Settings;
import dev.mizan.config.SettingsLoader;
import dev.mizan.io.SparkTest;
import dev.mizan.model.LinearTextModel;
import dev.mizan.model.TextFeatures;
import dev.mizan.testutil.Paths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * train on the team's development set (its train split, with a quad label made up from the stance for the test),
 * then: the Spark PipelineModel and the pure-Java LinearTextModel agree; the PipelineModel survives save/load; the
 * stages check their input columns.
 */
class ModelPipelineTest extends SparkTest {
  @TempDir
  static Path tmp;
  static Map<String, Object> report;
  static List<Row> probe;
  static final StructType PROBE = new StructType().add("id", DataTypes.StringType).add("lang", DataTypes.StringType)
      .add("text", DataTypes.StringType).add("quad", DataTypes.DoubleType).add("stance", DataTypes.DoubleType)
      .add("fold", DataTypes.IntegerType).add("quad_weight", DataTypes.DoubleType)
      .add("stance_weight", DataTypes.DoubleType);
  static ModelTrainer trainer;
  static Settings settings;

  @BeforeAll
  static void train() throws Exception {
    ObjectMapper om = new ObjectMapper();
    List<String> lines = new ArrayList<>();
    probe = new ArrayList<>();
    for (String line : Files.readAllLines(Paths.basedir().resolve("src/sample/devset.jsonl"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      ObjectNode row = (ObjectNode) om.readTree(line);
      String stance = row.get("stance").asText();
      // a made-up quad label so that both heads train (the id's last digit picks material or verbal)
      String id = row.get("id").asText();
      boolean material = (id.charAt(id.length() - 1) - '0') % 2 == 0;
      row.put("quad", switch (stance) {
        case "cooperative" -> material ? "material_cooperation" : "verbal_cooperation";
        case "conflictual" -> material ? "material_conflict" : "verbal_conflict";
        default -> "irrelevant";
      });
      lines.add(om.writeValueAsString(row));
      if (!row.get("split").asText().equals("train") && probe.size() < 50) {
        probe.add(RowFactory.create(id, row.get("lang").asText(), row.get("text").asText(), 0.0, 0.0, 0, 1.0, 1.0));
      }
    }
    Path data = write(tmp, "own.jsonl", lines);
    settings = SettingsLoader.load(new SettingsLoader.Overrides(List.of(), List.of(
        "model.mode=rules", "train.num-features=4096", "train.max-iter=15", "train.folds=2", "train.reg-params=[0.001]",
        "train.char-ngram-max=3"), List.of(new SettingsLoader.OptionValue("input.path", data.toString(), "--input"))));
    trainer = new ModelTrainer(settings, spark);
    report = trainer.run(tmp.resolve("model"));
  }

  @Test
  void trainWritesThePipelineTheExportAndTheReport() {
    assertThat(tmp.resolve("model/pipeline/metadata")).isDirectory();
    assertThat(tmp.resolve("model/mizan-model.bin")).isRegularFile();
    assertThat(tmp.resolve("model/training-report.json")).isRegularFile();
    assertThat(report.get("selection_head")).isEqualTo("quad");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cv = (List<Map<String, Object>>) report.get("cv");
    // one logistic regression, the SVM, naive Bayes and three averages
    assertThat(cv).hasSize(6);
    assertThat(cv).extracting(m -> (String) m.get("candidate")).anyMatch(c -> c.startsWith("linear_svc"))
        .anyMatch(c -> c.startsWith("naive_bayes")).anyMatch(c -> c.startsWith("average("));
    @SuppressWarnings("unchecked")
    Map<String, Object> rows = (Map<String, Object>) report.get("rows");
    assertThat(rows.get("heldout_own")).isEqualTo(90L); // dev rows are never trained on
    assertThat(rows.get("train_total")).isEqualTo(210L);
  }

  @Test
  void decisionOffsetsAreMeasuredAlwaysAndCarriedByTheModelOnlyWhenAskedFor() throws Exception {
    // the default (quad-offsets = false): the report has the out-of-sample row, the model has no offsets
    @SuppressWarnings("unchecked")
    Map<String, Object> row = (Map<String, Object>) report.get("quad_offsets");
    assertThat(row.get("applied")).isEqualTo(false);
    assertThat(row.get("candidate").toString()).endsWith("+ decision offsets (chosen on the other folds)");
    assertThat((List<?>) row.get("fold_offsets")).hasSize(2);
    assertThat(LinearTextModel.load(tmp.resolve("model")).head(LinearTextModel.QUAD).offsets())
        .containsExactly(0, 0, 0, 0, 0);
    // quad-offsets = true: the model file and the PipelineModel carry the offsets fitted on all out-of-fold logits
    Settings on = SettingsLoader.load(new SettingsLoader.Overrides(List.of(), List.of(
        "model.mode=rules", "train.num-features=4096", "train.max-iter=15", "train.folds=2", "train.reg-params=[0.001]",
        "train.char-ngram-max=3", "train.quad-offsets=true"), List.of(new SettingsLoader.OptionValue("input.path",
        settings.input().path(), "--input"))));
    ModelTrainer t = new ModelTrainer(on, spark);
    Map<String, Object> r = t.run(tmp.resolve("model-offsets"));
    @SuppressWarnings("unchecked")
    Map<String, Object> onRow = (Map<String, Object>) r.get("quad_offsets");
    assertThat(onRow.get("applied")).isEqualTo(true);
    LinearTextModel m = LinearTextModel.load(tmp.resolve("model-offsets"));
    double[] d = m.head(LinearTextModel.QUAD).offsets();
    double[] reported = (double[]) onRow.get("offsets");
    for (int c = 0; c < 5; c++) {
      assertThat(d[c]).isCloseTo(reported[c], org.assertj.core.api.Assertions.within(1e-4));
    }
    assertThat(d[0]).isEqualTo(0);
    assertThat(m.head(LinearTextModel.STANCE).offsets()).containsExactly(0, 0, 0);
    // the same weights as without offsets (they only move the decision), and the pipeline applies them as the file does
    assertThat(m.head(LinearTextModel.QUAD).weights())
        .isEqualTo(LinearTextModel.load(tmp.resolve("model")).head(LinearTextModel.QUAD).weights());
    List<Row> out = t.pipeline().transform(spark.createDataFrame(probe, PROBE)).select("text", "lang", "quad_probability")
        .collectAsList();
    Analyzer rules = MizanFeaturizer.ruleAnalyzer();
    double worst = 0;
    for (Row x : out) {
      double[] q = m.head(LinearTextModel.QUAD).probabilities(
          MizanFeaturizer.features(m.features(), rules, x.getString(0), x.getString(1)));
      double[] sq = ((Vector) x.get(2)).toArray();
      for (int c = 0; c < 5; c++) {
        worst = Math.max(worst, Math.abs(q[c] - sq[c]));
      }
    }
    assertThat(worst).isLessThan(1e-5);
  }

  @Test
  void trainingTwiceWritesByteIdenticalWeights() throws Exception {
    // "seeded and reproducible": the same data and settings give the same weight file, bit for bit (floating-point
    // sums whose order followed task completion made the last bits differ between runs before)
    Map<String, Object> again = new ModelTrainer(settings, spark).run(tmp.resolve("model-again"));
    assertThat(again.get("winner")).isEqualTo(report.get("winner"));
    assertThat(Files.mismatch(tmp.resolve("model/mizan-model.bin"), tmp.resolve("model-again/mizan-model.bin")))
        .as("first differing byte of the two weight files (-1 = identical)").isEqualTo(-1L);
    // the reports too, key order included, apart from the timings
    assertThat(withoutTimings(tmp.resolve("model-again/training-report.json")))
        .isEqualTo(withoutTimings(tmp.resolve("model/training-report.json")));
  }

  /** The report's JSON text with every "*seconds" field removed, at any depth. */
  private static String withoutTimings(Path report) throws Exception {
    com.fasterxml.jackson.databind.JsonNode n = new ObjectMapper().readTree(report.toFile());
    stripSeconds(n);
    return n.toString();
  }

  private static void stripSeconds(com.fasterxml.jackson.databind.JsonNode n) {
    if (n instanceof ObjectNode o) {
      List<String> drop = new java.util.ArrayList<>();
      o.fieldNames().forEachRemaining(f -> {
        if (f.endsWith("seconds")) {
          drop.add(f);
        }
      });
      o.remove(drop);
    }
    n.forEach(ModelPipelineTest::stripSeconds);
  }

  @Test
  void pureJavaProbabilitiesEqualThePipelineModels() throws Exception {
    LinearTextModel m = LinearTextModel.load(tmp.resolve("model"));
    PipelineModel p = PipelineModel.load(tmp.resolve("model/pipeline").toString());
    List<Row> out = p.transform(spark.createDataFrame(probe, PROBE))
        .select("id", "text", "lang", "quad_probability", "stance_probability").collectAsList();
    assertThat(out).hasSize(50);
    Analyzer rules = MizanFeaturizer.ruleAnalyzer();
    double worst = 0;
    for (Row r : out) {
      TextFeatures.Vec x = MizanFeaturizer.features(m.features(), rules, r.getString(1), r.getString(2));
      double[] q = m.head(LinearTextModel.QUAD).probabilities(x);
      double[] s = m.head(LinearTextModel.STANCE).probabilities(x);
      double[] sq = ((Vector) r.get(3)).toArray();
      double[] ss = ((Vector) r.get(4)).toArray();
      assertThat(sq).hasSize(5);
      assertThat(ss).hasSize(3);
      for (int c = 0; c < 5; c++) {
        worst = Math.max(worst, Math.abs(q[c] - sq[c]));
      }
      for (int c = 0; c < 3; c++) {
        worst = Math.max(worst, Math.abs(s[c] - ss[c]));
      }
    }
    assertThat(worst).isLessThan(1e-5);
  }

  @Test
  void savedAndLoadedPipelineGivesIdenticalPredictions() throws Exception {
    Dataset<Row> df = spark.createDataFrame(probe, PROBE);
    List<Row> before = trainer.pipeline().transform(df)
        .select("id", "quad_probability", "stance_probability", "quad_prediction", "stance_prediction").collectAsList();
    Path again = tmp.resolve("resaved");
    trainer.pipeline().write().overwrite().save(again.toString());
    List<Row> after = PipelineModel.load(again.toString()).transform(df)
        .select("id", "quad_probability", "stance_probability", "quad_prediction", "stance_prediction").collectAsList();
    assertThat(after).isEqualTo(before);
    // and the predictions are not constant: the model learned something
    assertThat(before.stream().map(r -> r.getDouble(4)).distinct().count()).isGreaterThan(1);
  }

  @Test
  void stagesNameTheMissingOrMistypedColumn() {
    Dataset<Row> df = spark.createDataFrame(probe, PROBE);
    assertThatThrownBy(() -> new MizanFeaturizer().setInputCol("body").transform(df))
        .hasMessageContaining("inputCol column \"body\" is not in the input");
    assertThatThrownBy(() -> new MizanFeaturizer().setLangCol("quad").transform(df))
        .hasMessageContaining("langCol column \"quad\" must be a string but is double");
    assertThatThrownBy(() -> new ProbabilityCalibrator().setInputCols("text").transform(df))
        .hasMessageContaining("input column \"text\" must be a vector but is string");
    assertThatThrownBy(() -> new ProbabilityCalibrator().setInputCols("a", "b").setWeights(1).transformSchema(df.schema()))
        .hasMessageContaining("weights has 1 values for 2 inputCols");
  }

  @Test
  void stagesKeepTheirParamsThroughSaveAndLoad() throws Exception {
    MizanFeaturizer f = new MizanFeaturizer().setNumFeatures(2048).setCharNgramMin(3).setRuleFeatures(false);
    f.write().overwrite().save(tmp.resolve("feat").toString());
    MizanFeaturizer g = MizanFeaturizer.load(tmp.resolve("feat").toString());
    assertThat(g.uid()).isEqualTo(f.uid());
    assertThat(g.textFeatures().numFeatures()).isEqualTo(2048);
    assertThat(g.textFeatures().charMin()).isEqualTo(3);
    assertThat(g.textFeatures().ruleFeatures()).isFalse();
    ProbabilityCalibrator c = new ProbabilityCalibrator().setInputCols("a", "b").setWeights(0.25, 0.75).setTemperature(1.7)
        .setOffsets(0, 0.5, -0.25);
    c.write().overwrite().save(tmp.resolve("cal").toString());
    ProbabilityCalibrator d = ProbabilityCalibrator.load(tmp.resolve("cal").toString());
    assertThat(d.getInputCols()).containsExactly("a", "b");
    assertThat(d.getWeights()).containsExactly(0.25, 0.75);
    assertThat(d.getTemperature()).isEqualTo(1.7);
    assertThat(d.getOffsets()).containsExactly(0, 0.5, -0.25);
    // the offsets are added to the tempered scores: softmax((0.25 a + 0.75 b) / 1.7 + δ)
    org.apache.spark.ml.linalg.Vector a = org.apache.spark.ml.linalg.Vectors.dense(1, 0, 2);
    org.apache.spark.ml.linalg.Vector b = org.apache.spark.ml.linalg.Vectors.dense(0, 1, 0);
    double[] p = ProbabilityCalibrator.calibrate(new org.apache.spark.ml.linalg.Vector[] {a, b}, d.getWeights(), 1.7,
        d.getOffsets());
    assertThat(p).usingComparatorWithPrecision(1e-12).containsExactly(
        LinearTextModel.softmax(new double[] {0.25 / 1.7, 0.75 / 1.7 + 0.5, 0.5 / 1.7 - 0.25}, 1.0));
  }

  @Test
  void trainingNeverSeesATestSentenceInEitherLanguage() {
    java.nio.file.Path un = Paths.shared().resolve("data/un-quadclass-ar-en");
    List<ModelTrainer.Example> train = ModelTrainer.readUn(spark, un, false);
    List<ModelTrainer.Example> test = ModelTrainer.readUn(spark, un, true);
    // 5,979 pairs; 942 Arabic and 891 English test rows; a pair trains only when neither side is a test row
    assertThat(train).hasSize(2 * 4297);
    assertThat(train).noneMatch(x -> ModelTrainer.unTest(x.text()));
    java.util.Set<Long> testPairs = new java.util.HashSet<>();
    test.forEach(x -> testPairs.add(x.group()));
    assertThat(train).noneMatch(x -> testPairs.contains(x.group()));
    assertThat(test.stream().filter(x -> x.lang().equals("ar")).count()).isEqualTo(942);
  }
}

package dev.mizan.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.mizan.analysis.Analyzer;
import dev.mizan.analysis.AnalyzerOptions;
import dev.mizan.model.RuleSignals;
import dev.mizan.model.TextFeatures;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark ML stage: text (+ language) → the hashed feature vector of {@link TextFeatures} (character n-grams, word
 * n-grams over light stems, and the rule reading of {@link Analyzer#ruleSignals} at reserved indices). The rule
 * analyser (rules only, bundled lexicons) is built on the driver and broadcast. Role descriptions in the rule
 * reading are dated {@value #FEATURE_DATE} so that the features of a text never depend on the day they are
 * computed. Saved and loaded with its params (DefaultParamsWritable).
 */
public final class MizanFeaturizer extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  /** The date the rule reading resolves role descriptions at (features must not depend on today's date). */
  public static final String FEATURE_DATE = "2025-08-01";

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> langCol;
  private final Param<String> outputCol;
  private final IntParam numFeatures;
  private final IntParam charNgramMin;
  private final IntParam charNgramMax;
  private final IntParam wordNgramMax;
  private final BooleanParam ruleFeatures;

  public MizanFeaturizer() {
    this(Identifiable$.MODULE$.randomUID("mizanFeaturizer"));
  }

  /** Used by {@link #load} and {@link #copy} (reflection). */
  public MizanFeaturizer(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "text column (string); null reads as empty");
    langCol = new Param<>(this, "langCol", "language column (string, \"ar\"/\"en\", nullable); \"\" = detect from the script");
    outputCol = new Param<>(this, "outputCol", "name of the appended feature vector column");
    numFeatures = new IntParam(this, "numFeatures", "size of the hashed feature space, a power of two >= 1024",
        ParamValidators.gtEq(1024));
    charNgramMin = new IntParam(this, "charNgramMin", "shortest character n-gram, in [1, 8]", ParamValidators.inRange(1, 8));
    charNgramMax = new IntParam(this, "charNgramMax", "longest character n-gram, in [1, 8], >= charNgramMin",
        ParamValidators.inRange(1, 8));
    wordNgramMax = new IntParam(this, "wordNgramMax", "longest word n-gram over light stems, in [0, 3]; 0 = none",
        ParamValidators.inRange(0, 3));
    ruleFeatures = new BooleanParam(this, "ruleFeatures", "add the rule scorer's reading at the reserved indices");
    setDefault(inputCol, "text");
    setDefault(langCol, "lang");
    setDefault(outputCol, "features");
    setDefault(numFeatures, 131072);
    setDefault(charNgramMin, 2);
    setDefault(charNgramMax, 5);
    setDefault(wordNgramMax, 2);
    setDefault(ruleFeatures, true);
  }

  @Override
  public String uid() {
    return uid;
  }

  public Param<String> inputCol() {
    return inputCol;
  }

  public Param<String> langCol() {
    return langCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public IntParam numFeatures() {
    return numFeatures;
  }

  public IntParam charNgramMin() {
    return charNgramMin;
  }

  public IntParam charNgramMax() {
    return charNgramMax;
  }

  public IntParam wordNgramMax() {
    return wordNgramMax;
  }

  public BooleanParam ruleFeatures() {
    return ruleFeatures;
  }

  public MizanFeaturizer setInputCol(String v) {
    set(inputCol, v);
    return this;
  }

  public MizanFeaturizer setLangCol(String v) {
    set(langCol, v);
    return this;
  }

  public MizanFeaturizer setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  public MizanFeaturizer setNumFeatures(int v) {
    set(numFeatures, v);
    return this;
  }

  public MizanFeaturizer setCharNgramMin(int v) {
    set(charNgramMin, v);
    return this;
  }

  public MizanFeaturizer setCharNgramMax(int v) {
    set(charNgramMax, v);
    return this;
  }

  public MizanFeaturizer setWordNgramMax(int v) {
    set(wordNgramMax, v);
    return this;
  }

  public MizanFeaturizer setRuleFeatures(boolean v) {
    set(ruleFeatures, v);
    return this;
  }

  /** The pure-Java featuriser these params describe. */
  public TextFeatures textFeatures() {
    if ((Integer) $(charNgramMin) > (Integer) $(charNgramMax)) {
      throw new IllegalArgumentException("MizanFeaturizer: charNgramMin = " + $(charNgramMin)
          + " is greater than charNgramMax = " + $(charNgramMax));
    }
    return new TextFeatures((Integer) $(numFeatures), (Integer) $(charNgramMin), (Integer) $(charNgramMax),
        (Integer) $(wordNgramMax), (Boolean) $(ruleFeatures));
  }

  /** The rules-only analyser whose reading feeds the rule features. */
  public static Analyzer ruleAnalyzer() {
    return Analyzer.create(new AnalyzerOptions(List.of(), 0.15, -0.15, true));
  }

  /** Features of one unit, exactly as {@link #transform} computes them. */
  public static TextFeatures.Vec features(TextFeatures tf, Analyzer rules, String text, String lang) {
    String t = text == null ? "" : text;
    RuleSignals sig = tf.ruleFeatures() && rules != null ? rules.ruleSignals(t, lang, LocalDate.parse(FEATURE_DATE))
        : RuleSignals.NONE;
    String l = lang;
    if (dev.mizan.text.Lang.fromTag(l) == null) {
      l = dev.mizan.text.LanguageDetector.detect(t).code();
    }
    return tf.vector(t, l, sig);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    textFeatures(); // parameter checks with messages naming the parameter
    require(schema, $(inputCol), "inputCol");
    if (!$(langCol).isEmpty()) {
      require(schema, $(langCol), "langCol");
    }
    if (Arrays.asList(schema.fieldNames()).contains($(outputCol))) {
      throw new IllegalArgumentException("MizanFeaturizer: outputCol \"" + $(outputCol) + "\" already exists in the input");
    }
    return schema.add($(outputCol), SQLDataTypes.VectorType(), false);
  }

  private static void require(StructType schema, String column, String param) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(column)) {
        if (!f.dataType().equals(DataTypes.StringType)) {
          throw new IllegalArgumentException("MizanFeaturizer: " + param + " column \"" + column
              + "\" must be a string but is " + f.dataType().simpleString());
        }
        return;
      }
    }
    throw new IllegalArgumentException("MizanFeaturizer: " + param + " column \"" + column
        + "\" is not in the input; columns: " + String.join(", ", schema.fieldNames()));
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    TextFeatures tf = textFeatures();
    Analyzer rules = tf.ruleFeatures() ? ruleAnalyzer() : null;
    Broadcast<Analyzer> b = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext()).broadcast(rules);
    int d = tf.numFeatures();
    UDF2<String, String, Vector> fn = (text, lang) -> {
      TextFeatures.Vec v = features(tf, b.value(), text, lang);
      return Vectors.sparse(d, v.indices(), v.values());
    };
    Column lang = $(langCol).isEmpty() ? lit(null).cast(DataTypes.StringType) : col(q($(langCol)));
    return dataset.toDF().withColumn($(outputCol),
        functions.udf(fn, SQLDataTypes.VectorType()).apply(col(q($(inputCol))), lang));
  }

  static String q(String c) {
    return "`" + c.replace("`", "``") + "`";
  }

  @Override
  public MizanFeaturizer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<MizanFeaturizer> read() {
    return new DefaultParamsReader<>();
  }

  public static MizanFeaturizer load(String path) {
    return read().load(path);
  }
}

package dev.mizan.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import dev.mizan.analysis.Analyzer;
import dev.mizan.analysis.AnalyzerOptions;
import dev.mizan.analysis.Evidence;
import dev.mizan.analysis.SentenceResult;
import dev.mizan.io.Tables;
import dev.mizan.pipeline.ScorePipeline;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark ML stage that reads each row's text as ONE unit ({@link Analyzer#analyzeUnit}) and appends a struct column
 * {@code outputCol} with lang, stance, score, confidence, quad_class, dyads, speaker, actors, evidence, countries.
 * The analyser is built on the driver from the stage's params and broadcast. Saved and loaded with its params.
 */
public final class StanceAnnotator extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  /** The appended struct. */
  public static final StructType RESULT = createStructType(Tables.READING_FIELDS);

  private final String uid;
  private final Param<String> inputCol;
  private final Param<String> langCol;
  private final Param<String> dateCol;
  private final Param<String> outputCol;
  private final DoubleParam cooperativeThreshold;
  private final DoubleParam conflictualThreshold;
  private final BooleanParam paragraphContext;
  private final StringArrayParam extraActorFiles;
  private final Param<String> modelMode;
  private final Param<String> modelPath;
  private final DoubleParam ruleConfidence;
  private final BooleanParam neutralWithoutPair;
  /** The model handed over by {@link #setOptions} (not saved: a loaded stage reads modelPath again). */
  private transient dev.mizan.model.LinearTextModel model;

  public StanceAnnotator() {
    this(Identifiable$.MODULE$.randomUID("stanceAnnotator"));
  }

  /** Used by {@link #load} and {@link #copy} (reflection). */
  public StanceAnnotator(String uid) {
    this.uid = uid;
    inputCol = new Param<>(this, "inputCol", "text column (string): each row is one text unit");
    langCol = new Param<>(this, "langCol", "language hint column (string, nullable); \"\" = none (detect)");
    dateCol = new Param<>(this, "dateCol", "date column (date, nullable) that dates role descriptions; \"\" = today");
    outputCol = new Param<>(this, "outputCol", "name of the appended struct column");
    cooperativeThreshold = new DoubleParam(this, "cooperativeThreshold", "score above which a unit is cooperative, in [0, 1]");
    conflictualThreshold = new DoubleParam(this, "conflictualThreshold", "score below which a unit is conflictual, in [-1, 0]");
    paragraphContext = new BooleanParam(this, "paragraphContext", "carry dyads within a paragraph (no effect on single units)");
    extraActorFiles = new StringArrayParam(this, "extraActorFiles", "contents of extra actor files (TSV)");
    modelMode = new Param<>(this, "modelMode", "hybrid | rules | model (see reference.conf mizan.model.mode)",
        org.apache.spark.ml.param.ParamValidators.inArray(AnalyzerOptions.MODES.toArray(new String[0])));
    modelPath = new Param<>(this, "modelPath", "model file or train output dir; \"\" = the bundled default");
    ruleConfidence = new DoubleParam(this, "ruleConfidence",
        "hybrid: rule confidence at or above which a non-neutral rule stance is kept, in [0, 1]",
        org.apache.spark.ml.param.ParamValidators.inRange(0, 1));
    neutralWithoutPair = new BooleanParam(this, "neutralWithoutPair",
        "hybrid and model: a unit that relates no country pair is neutral (score 0); rules mode ignores it");
    AnalyzerOptions d = AnalyzerOptions.defaults();
    setDefault(modelMode, d.modelMode());
    setDefault(modelPath, d.modelPath());
    setDefault(ruleConfidence, d.ruleConfidence());
    setDefault(neutralWithoutPair, d.neutralWithoutPair());
    setDefault(inputCol, "text");
    setDefault(langCol, "");
    setDefault(dateCol, "");
    setDefault(outputCol, "stance_result");
    setDefault(cooperativeThreshold, d.cooperativeThreshold());
    setDefault(conflictualThreshold, d.conflictualThreshold());
    setDefault(paragraphContext, d.paragraphContext());
    setDefault(extraActorFiles, new String[0]);
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

  public Param<String> dateCol() {
    return dateCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public Param<String> modelMode() {
    return modelMode;
  }

  public Param<String> modelPath() {
    return modelPath;
  }

  public DoubleParam ruleConfidence() {
    return ruleConfidence;
  }

  public BooleanParam neutralWithoutPair() {
    return neutralWithoutPair;
  }

  public DoubleParam cooperativeThreshold() {
    return cooperativeThreshold;
  }

  public DoubleParam conflictualThreshold() {
    return conflictualThreshold;
  }

  public BooleanParam paragraphContext() {
    return paragraphContext;
  }

  public StringArrayParam extraActorFiles() {
    return extraActorFiles;
  }

  public StanceAnnotator setInputCol(String v) {
    set(inputCol, v);
    return this;
  }

  public StanceAnnotator setLangCol(String v) {
    set(langCol, v);
    return this;
  }

  public StanceAnnotator setDateCol(String v) {
    set(dateCol, v);
    return this;
  }

  public StanceAnnotator setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  /** Sets the analyser params from options. */
  public StanceAnnotator setOptions(AnalyzerOptions o) {
    set(cooperativeThreshold, o.cooperativeThreshold());
    set(conflictualThreshold, o.conflictualThreshold());
    set(paragraphContext, o.paragraphContext());
    set(extraActorFiles, o.extraActorFiles().toArray(String[]::new));
    set(modelMode, o.modelMode());
    set(modelPath, o.modelPath());
    set(ruleConfidence, o.ruleConfidence());
    set(neutralWithoutPair, o.neutralWithoutPair());
    model = o.model();
    return this;
  }

  /** The options from the params; the model is the one handed to {@link #setOptions}, else read from modelPath. */
  public AnalyzerOptions options() {
    String mode = $(modelMode);
    dev.mizan.model.LinearTextModel m = null;
    if (!mode.equals(AnalyzerOptions.RULES)) {
      m = model;
      if (m == null) {
        try {
          m = $(modelPath).isEmpty() ? dev.mizan.model.LinearTextModel.loadDefault()
              : dev.mizan.model.LinearTextModel.load(java.nio.file.Path.of($(modelPath)));
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("StanceAnnotator: modelPath \"" + $(modelPath) + "\" cannot be read", e);
        }
        model = m;
      }
    }
    return new AnalyzerOptions(Arrays.asList($(extraActorFiles)), (Double) $(cooperativeThreshold),
        (Double) $(conflictualThreshold), (Boolean) $(paragraphContext), mode, $(modelPath), (Double) $(ruleConfidence),
        (Boolean) $(neutralWithoutPair), m);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    requireType(schema, $(inputCol), "inputCol", DataTypes.StringType, "a string");
    if (!$(langCol).isEmpty()) {
      requireType(schema, $(langCol), "langCol", DataTypes.StringType, "a string");
    }
    if (!$(dateCol).isEmpty()) {
      requireType(schema, $(dateCol), "dateCol", DataTypes.DateType, "a date");
    }
    if (Arrays.asList(schema.fieldNames()).contains($(outputCol))) {
      throw new IllegalArgumentException("StanceAnnotator: outputCol \"" + $(outputCol) + "\" already exists in the input");
    }
    return schema.add($(outputCol), RESULT, true);
  }

  private static void requireType(StructType schema, String column, String param, DataType type, String expected) {
    StructField f = null;
    for (StructField x : schema.fields()) {
      if (x.name().equals(column)) {
        f = x;
      }
    }
    if (f == null) {
      throw new IllegalArgumentException("StanceAnnotator: " + param + " column \"" + column
          + "\" is not in the input; columns: " + String.join(", ", schema.fieldNames()));
    }
    if (!f.dataType().equals(type)) {
      throw new IllegalArgumentException("StanceAnnotator: " + param + " column \"" + column + "\" must be "
          + expected + " but is " + f.dataType().simpleString());
    }
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Analyzer analyzer = Analyzer.create(options());
    Broadcast<Analyzer> b = JavaSparkContext.fromSparkContext(dataset.sparkSession().sparkContext()).broadcast(analyzer);
    UDF3<String, String, Integer, Row> fn = (text, lang, epochDay) -> {
      LocalDate date = epochDay == null ? null : LocalDate.ofEpochDay(epochDay);
      return toRow(b.value().analyzeUnit(text == null ? "" : text, lang, date));
    };
    // Non-deterministic so that the optimiser never evaluates it twice (once per extracted field).
    UserDefinedFunction udf = functions.udf(fn, RESULT).asNondeterministic();
    Column lang = $(langCol).isEmpty() ? lit(null).cast(StringType) : col(q($(langCol)));
    Column day = $(dateCol).isEmpty() ? lit(null).cast(DataTypes.IntegerType) : unix_date(col(q($(dateCol))));
    return dataset.toDF().withColumn($(outputCol), udf.apply(col(q($(inputCol))), lang, day));
  }

  private static String q(String c) {
    return "`" + c.replace("`", "``") + "`";
  }

  static Row toRow(SentenceResult s) {
    List<Row> evidence = new ArrayList<>();
    if (s.evidence() != null) {
      for (Evidence e : s.evidence()) {
        evidence.add(RowFactory.create(e.text(), e.start(), e.end(), e.weight()));
      }
    }
    return RowFactory.create(s.lang(), s.stance(), s.score(), s.confidence(), s.quadClass(),
        seq(s.dyads()), s.speaker(), seq(s.actors()), ScorePipeline.seq(evidence), seq(s.countries()));
  }

  private static scala.collection.immutable.Seq<String> seq(List<String> l) {
    return ScorePipeline.seq(l == null ? List.<String>of() : l);
  }

  @Override
  public StanceAnnotator copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<StanceAnnotator> read() {
    return new DefaultParamsReader<>();
  }

  public static StanceAnnotator load(String path) {
    return read().load(path);
  }
}

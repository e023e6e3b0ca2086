package dev.mizan.ml;

import static org.apache.spark.sql.functions.col;

import dev.mizan.model.LinearTextModel;
import java.util.Arrays;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.DoubleArrayParam;
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
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Spark ML stage: one or more raw-score columns (MLlib {@code rawPrediction} vectors of linear classifiers: logistic
 * regression margins, one-vs-rest SVM margins, naive Bayes log-joint scores) → calibrated probabilities
 * {@code softmax((Σ weight_i · raw_i) / temperature + offsets)} in {@code outputCol} and the most probable class index in
 * {@code predictionCol}. One input with weight 1 is plain temperature scaling; several inputs average linear models
 * (the result is still linear). The temperature is fitted by {@code train} on out-of-fold predictions, and so are the
 * per-class decision offsets (empty = none).
 */
public final class ProbabilityCalibrator extends Transformer implements DefaultParamsWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final StringArrayParam inputCols;
  private final DoubleArrayParam weights;
  private final DoubleParam temperature;
  private final DoubleArrayParam offsets;
  private final Param<String> outputCol;
  private final Param<String> predictionCol;

  public ProbabilityCalibrator() {
    this(Identifiable$.MODULE$.randomUID("probabilityCalibrator"));
  }

  /** Used by {@link #load} and {@link #copy} (reflection). */
  public ProbabilityCalibrator(String uid) {
    this.uid = uid;
    inputCols = new StringArrayParam(this, "inputCols", "raw score columns (vectors of equal length), at least one");
    weights = new DoubleArrayParam(this, "weights", "weight of each input column (same length as inputCols)");
    temperature = new DoubleParam(this, "temperature", "softmax temperature, > 0 (1 = no scaling)",
        org.apache.spark.ml.param.ParamValidators.gt(0));
    offsets = new DoubleArrayParam(this, "offsets",
        "per-class decision offsets added to the temperature-scaled scores (one per class, or empty for none)");
    outputCol = new Param<>(this, "outputCol", "calibrated probability vector column");
    predictionCol = new Param<>(this, "predictionCol", "most probable class index column (double)");
    setDefault(inputCols, new String[] {"rawPrediction"});
    setDefault(weights, new double[] {1.0});
    setDefault(temperature, 1.0);
    setDefault(offsets, new double[0]);
    setDefault(outputCol, "calibratedProbability");
    setDefault(predictionCol, "calibratedPrediction");
  }

  @Override
  public String uid() {
    return uid;
  }

  public StringArrayParam inputCols() {
    return inputCols;
  }

  public DoubleArrayParam weights() {
    return weights;
  }

  public DoubleParam temperature() {
    return temperature;
  }

  public DoubleArrayParam offsets() {
    return offsets;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public Param<String> predictionCol() {
    return predictionCol;
  }

  public ProbabilityCalibrator setInputCols(String... v) {
    set(inputCols, v);
    return this;
  }

  public ProbabilityCalibrator setWeights(double... v) {
    set(weights, v);
    return this;
  }

  public ProbabilityCalibrator setTemperature(double v) {
    set(temperature, v);
    return this;
  }

  public ProbabilityCalibrator setOffsets(double... v) {
    set(offsets, v);
    return this;
  }

  public ProbabilityCalibrator setOutputCol(String v) {
    set(outputCol, v);
    return this;
  }

  public ProbabilityCalibrator setPredictionCol(String v) {
    set(predictionCol, v);
    return this;
  }

  public double getTemperature() {
    return (Double) $(temperature);
  }

  public double[] getOffsets() {
    return $(offsets);
  }

  public double[] getWeights() {
    return $(weights);
  }

  public String[] getInputCols() {
    return $(inputCols);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    String[] in = $(inputCols);
    if (in.length == 0) {
      throw new IllegalArgumentException("ProbabilityCalibrator: inputCols is empty");
    }
    if ($(weights).length != in.length) {
      throw new IllegalArgumentException("ProbabilityCalibrator: weights has " + $(weights).length
          + " values for " + in.length + " inputCols " + Arrays.toString(in));
    }
    for (String c : in) {
      StructField f = null;
      for (StructField x : schema.fields()) {
        if (x.name().equals(c)) {
          f = x;
        }
      }
      if (f == null) {
        throw new IllegalArgumentException("ProbabilityCalibrator: input column \"" + c + "\" is not in the input; columns: "
            + String.join(", ", schema.fieldNames()));
      }
      if (!f.dataType().equals(SQLDataTypes.VectorType())) {
        throw new IllegalArgumentException("ProbabilityCalibrator: input column \"" + c + "\" must be a vector but is "
            + f.dataType().simpleString());
      }
    }
    for (String out : new String[] {$(outputCol), $(predictionCol)}) {
      if (Arrays.asList(schema.fieldNames()).contains(out)) {
        throw new IllegalArgumentException("ProbabilityCalibrator: output column \"" + out + "\" already exists in the input");
      }
    }
    return schema.add($(outputCol), SQLDataTypes.VectorType(), false).add($(predictionCol), DataTypes.DoubleType, false);
  }

  /** softmax((Σ w_i raw_i) / T + δ) for one row (δ empty = none). */
  static double[] calibrate(Vector[] raws, double[] w, double t, double[] offsets) {
    int k = raws[0].size();
    double[] z = new double[k];
    for (int i = 0; i < raws.length; i++) {
      if (raws[i].size() != k) {
        throw new IllegalArgumentException("ProbabilityCalibrator: raw vectors of sizes " + k + " and " + raws[i].size());
      }
      for (int c = 0; c < k; c++) {
        z[c] += w[i] * raws[i].apply(c);
      }
    }
    if (offsets.length > 0) {
      if (offsets.length != k) {
        throw new IllegalArgumentException("ProbabilityCalibrator: " + offsets.length + " offsets for " + k + " classes");
      }
      for (int c = 0; c < k; c++) {
        z[c] += t * offsets[c];
      }
    }
    return LinearTextModel.softmax(z, t);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    String[] in = $(inputCols);
    double[] w = $(weights);
    double t = (Double) $(temperature);
    double[] d = $(offsets);
    UDF1<Row, Vector> fn = r -> {
      Vector[] raws = new Vector[in.length];
      for (int i = 0; i < in.length; i++) {
        raws[i] = r.getAs(i);
      }
      return Vectors.dense(calibrate(raws, w, t, d));
    };
    Column[] cols = Arrays.stream(in).map(c -> col(MizanFeaturizer.q(c))).toArray(Column[]::new);
    Dataset<Row> withP = dataset.toDF().withColumn($(outputCol),
        functions.udf(fn, SQLDataTypes.VectorType()).apply(functions.struct(cols)));
    UDF1<Vector, Double> argmax = v -> (double) v.argmax();
    return withP.withColumn($(predictionCol),
        functions.udf(argmax, DataTypes.DoubleType).apply(col(MizanFeaturizer.q($(outputCol)))));
  }

  @Override
  public ProbabilityCalibrator copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<ProbabilityCalibrator> read() {
    return new DefaultParamsReader<>();
  }

  public static ProbabilityCalibrator load(String path) {
    return read().load(path);
  }
}

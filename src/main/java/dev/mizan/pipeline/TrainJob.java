package dev.mizan.pipeline;

import dev.mizan.config.Settings;
import dev.mizan.ml.ModelTrainer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * train: labelled data → DIR/pipeline (Spark PipelineModel), DIR/mizan-model.bin (the compact export the scorer
 * loads with {@code --set model.path=DIR}) and DIR/training-report.json. See {@link ModelTrainer}.
 */
public final class TrainJob {
  private TrainJob() {}

  public static Map<String, Object> run(Settings settings, SparkSession spark, PrintStream out) {
    Path dir = Path.of(settings.output().path());
    Map<String, Object> report;
    try {
      report = new ModelTrainer(settings, spark).run(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println("mizan train: " + report.get("winner") + ", Arabic CV macro-F1 " + report.get("winner_mean_macro_f1_ar")
        + ", " + report.get("total_seconds") + " s; wrote " + dir.resolve("pipeline") + ", "
        + dir.resolve("mizan-model.bin") + " (" + report.get("model_bytes") + " bytes), "
        + dir.resolve("training-report.json"));
    return report;
  }
}

package dev.mizan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import dev.mizan.config.Settings;
import dev.mizan.io.ArticleReader;
import dev.mizan.io.ArticleValidator;
import dev.mizan.io.Manifest;
import dev.mizan.io.TableIO;
import dev.mizan.io.Tables;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;

/** classify: one text unit per row → predictions (not partitioned), quarantine (+ the manifest). */
public final class ClassifyJob {
  private static final Logger LOG = Phases.log();

  private ClassifyJob() {}

  public static Manifest run(Settings settings, SparkSession spark) {
    ScoreJob.requireOutput(settings);
    Manifest manifest = new Manifest("classify", settings, List.of(settings.input().path()));
    Phases phases = new Phases(spark, "classify", manifest);
    ScoreJob.analyzer(settings); // fail fast (exit 2) on a malformed actor file

    Dataset<Row> checked = phases.run("read and validate", () -> {
      Dataset<Row> tagged = ArticleReader.readRaw(spark, settings.input())
          .withColumn("__source_file", input_file_name())
          .withColumn("__row_no", monotonically_increasing_id());
      return ClassifyPipeline.check(tagged, settings.input()).persist(StorageLevel.MEMORY_AND_DISK());
    });
    long valid = 0;
    Map<String, Long> byReason = new TreeMap<>();
    for (Row r : phases.run("read and validate", () -> checked.groupBy(col("status"), col("reason")).count().collectAsList())) {
      if (ArticleValidator.VALID.equals(r.getString(0))) {
        valid += r.getLong(2);
      } else {
        byReason.merge(r.getString(1), r.getLong(2), Long::sum);
      }
    }
    long quarantined = byReason.values().stream().mapToLong(Long::longValue).sum();
    LOG.info("mizan classify: read {} units ({} valid, {} quarantined {})", valid + quarantined, valid, quarantined, byReason);

    Dataset<Row> predictions = ClassifyPipeline.predict(checked, settings.analyzerOptions());
    phases.run("classify and write predictions", () ->
        TableIO.write(predictions, Tables.PREDICTIONS, settings.output(), false));
    phases.run("write quarantine", () ->
        TableIO.write(ClassifyPipeline.quarantine(checked), Tables.QUARANTINE, settings.output(), true));
    LOG.info("mizan classify: wrote {} predictions and {} quarantine rows under {}", valid, quarantined,
        settings.output().path());
    manifest.put("rows_read", valid + quarantined)
        .put("rows_scored", valid)
        .put("rows_quarantined", quarantined)
        .put("quarantine_by_reason", byReason)
        .table(Tables.PREDICTIONS, valid)
        .table(Tables.QUARANTINE, quarantined);
    checked.unpersist();
    manifest.write(spark, settings.output().path());
    return manifest;
  }
}

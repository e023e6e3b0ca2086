package dev.mizan.pipeline;

import dev.mizan.config.Settings;
import dev.mizan.io.Manifest;
import dev.mizan.io.TableIO;
import dev.mizan.io.Tables;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * run: score then aggregate (over the mentions just written plus the look-back days already there), then the daily
 * report when {@code report.enabled}; one manifest.
 */
public final class RunJob {
  private RunJob() {}

  public static Manifest run(Settings settings, SparkSession spark) {
    Manifest manifest = new Manifest("run", settings, List.of(settings.input().path()));
    Phases phases = new Phases(spark, "run", manifest);
    ScoreJob.score(settings, spark, phases, manifest);
    AggregateJob.aggregate(settings, spark, phases, manifest,
        TableIO.tablePath(settings.output().path(), Tables.MENTIONS), settings.output().format());
    if (settings.report().enabled()) {
      manifest.put("report", ReportJob.report(settings, spark, phases));
    }
    manifest.write(spark, settings.output().path());
    return manifest;
  }
}

package dev.mizan.pipeline;

import dev.mizan.config.ConfigError;
import dev.mizan.config.Settings;
import dev.mizan.io.Manifest;
import dev.mizan.io.TableIO;
import dev.mizan.io.Tables;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;

/** aggregate: mentions → trends, actor_trends. */
public final class AggregateJob {
  private static final Logger LOG = Phases.log();

  private AggregateJob() {}

  /**
   * Runs aggregate alone. The mentions are read from {@code --input} (a mentions table, or a directory holding one
   * as {@code mentions/}; format {@code input.format}), else from {@code <output>/mentions} (format
   * {@code output.format}).
   */
  public static Manifest run(Settings settings, SparkSession spark) {
    ScoreJob.requireOutput(settings);
    String path;
    String format;
    if (!settings.input().path().isBlank()) {
      String in = settings.input().path();
      path = TableIO.exists(spark, TableIO.tablePath(in, Tables.MENTIONS)) ? TableIO.tablePath(in, Tables.MENTIONS) : in;
      format = settings.input().format();
      if (!Settings.OUTPUT_FORMATS.contains(format)) {
        throw new ConfigError("mizan.input.format = \"" + format + "\" cannot hold a mentions table: expected \"parquet\" or \"json\"");
      }
      if (!TableIO.exists(spark, path)) {
        throw new ConfigError("mizan.input.path = \"" + in + "\": no such mentions table");
      }
    } else {
      path = TableIO.tablePath(settings.output().path(), Tables.MENTIONS);
      format = settings.output().format();
    }
    Manifest manifest = new Manifest("aggregate", settings, List.of(path));
    aggregate(settings, spark, new Phases(spark, "aggregate", manifest), manifest, path, format);
    manifest.write(spark, settings.output().path());
    return manifest;
  }

  static void aggregate(Settings settings, SparkSession spark, Phases phases, Manifest manifest, String mentionsPath,
      String format) {
    Settings.Range range = settings.range();
    LocalDate readFrom = AggregatePipeline.lookbackFrom(range.from(), settings.aggregate());
    Dataset<Row> mentions = TableIO.read(spark, mentionsPath, format, Tables.MENTIONS, readFrom, range.to())
        .persist(StorageLevel.MEMORY_AND_DISK());
    long read = phases.run("read mentions", mentions::count);
    LOG.info("mizan aggregate: {} mentions read from {} for {} (with {} days of look-back)", read, mentionsPath, range,
        settings.aggregate().windowDays() - 1);

    Dataset<Row> trends = AggregatePipeline.trends(mentions, settings.aggregate(), range)
        .persist(StorageLevel.MEMORY_AND_DISK());
    long trendRows = phases.run("trends", trends::count);
    phases.run("write trends", () -> TableIO.write(trends, Tables.TRENDS, settings.output(), true));

    Map<String, String> actorCountries = ScoreJob.analyzer(settings).actorCountries();
    Dataset<Row> actorTrends = AggregatePipeline.actorTrends(mentions, actorCountries, range, spark)
        .persist(StorageLevel.MEMORY_AND_DISK());
    long actorRows = phases.run("actor trends", actorTrends::count);
    phases.run("write actor trends", () -> TableIO.write(actorTrends, Tables.ACTOR_TRENDS, settings.output(), true));
    LOG.info("mizan aggregate: wrote {} trends rows and {} actor_trends rows under {}", trendRows, actorRows,
        settings.output().path());

    manifest.put("mentions_read", read)
        .table(Tables.TRENDS, trendRows)
        .table(Tables.ACTOR_TRENDS, actorRows);
    trends.unpersist();
    actorTrends.unpersist();
    mentions.unpersist();
  }
}

package dev.mizan.cli;

import dev.mizan.config.Settings;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The SparkSession for a command. Embedded (no {@code spark.master} in the SparkConf / system properties): master
 * from settings, UI off, driver bound to 127.0.0.1 for local masters. Under spark-submit the master and deploy mode
 * are spark-submit's. Always: session time zone UTC, dynamic partition overwrite, shuffle partitions from settings,
 * then {@code mizan.spark.conf}.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** A session and whether this command owns it (and so stops it). */
  public record Session(SparkSession spark, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        spark.stop();
      }
    }
  }

  public static boolean launchedBySparkSubmit() {
    return new SparkConf().contains("spark.master");
  }

  public static Session open(Settings settings) {
    boolean existing = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
    SparkSession.Builder b = SparkSession.builder().appName(settings.spark().appName());
    if (!launchedBySparkSubmit() && !existing) {
      b.master(settings.spark().master()).config("spark.ui.enabled", "false");
      if (settings.spark().master().startsWith("local")) {
        b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
      }
    }
    b.config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
        .config("spark.sql.shuffle.partitions", Integer.toString(settings.spark().shufflePartitions()));
    for (Map.Entry<String, String> e : settings.spark().conf().entrySet()) {
      b.config(e.getKey(), e.getValue());
    }
    SparkSession spark = b.getOrCreate();
    if (existing) {
      // getOrCreate applies only the SQL settings to a running session; make sure they hold.
      spark.conf().set("spark.sql.session.timeZone", "UTC");
      spark.conf().set("spark.sql.sources.partitionOverwriteMode", "dynamic");
      spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(settings.spark().shufflePartitions()));
    }
    return new Session(spark, !existing);
  }
}

package dev.mizan.pipeline;

import dev.mizan.io.Manifest;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a named phase: Spark job group/description "mizan COMMAND: PHASE", timing into the manifest, log lines. */
public final class Phases {
  private static final Logger LOG = LoggerFactory.getLogger("dev.mizan");

  /** The phase running now (for error messages), or null. */
  private static volatile String current;

  private final SparkSession spark;
  private final String command;
  private final Manifest manifest;

  Phases(SparkSession spark, String command, Manifest manifest) {
    this.spark = spark;
    this.command = command;
    this.manifest = manifest;
  }

  <T> T run(String phase, Supplier<T> body) {
    String description = "mizan " + command + ": " + phase;
    spark.sparkContext().setJobGroup(command + ":" + phase, description, false);
    spark.sparkContext().setJobDescription(description);
    LOG.info("{} ...", description);
    current = description;
    long t0 = System.nanoTime();
    try {
      T result = body.get();
      current = null;
      return result;
    } finally {
      long ms = (System.nanoTime() - t0) / 1_000_000;
      manifest.phase(phase, ms);
      LOG.info("{} done in {} ms", description, ms);
      spark.sparkContext().clearJobGroup();
      spark.sparkContext().setJobDescription(null);
    }
  }

  void run(String phase, Runnable body) {
    run(phase, () -> {
      body.run();
      return null;
    });
  }

  /** The description of the phase that is running (or failed last), or null. */
  public static String current() {
    return current;
  }

  /** Forgets the current phase (at the start of a command). */
  public static void reset() {
    current = null;
  }

  static Logger log() {
    return LOG;
  }
}

package dev.mizan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import dev.mizan.config.ConfigError;
import dev.mizan.config.Settings;
import dev.mizan.io.TableIO;
import dev.mizan.io.Tables;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** top: prints the dyads with the most mentions in {@code <output>/trends} (within --from/--to), one line each. */
public final class TopJob {
  private TopJob() {}

  /** The top {@code limit} dyads: dyad, days, mentions, mention-weighted mean score, first and last date, last score_7d. */
  public static List<Row> top(Dataset<Row> trends, int limit) {
    return trends.groupBy(col("country_a"), col("country_b"))
        .agg(count(lit(1)).as("days"), sum(col("mentions")).as("mentions"),
            sum(col("mean_score").multiply(col("mentions"))).divide(sum(col("mentions"))).as("mean_score"),
            min(col("date")).as("first"), max(col("date")).as("last"),
            max_by(col("score_7d"), col("date")).as("score_7d"))
        .orderBy(col("mentions").desc(), col("country_a"), col("country_b"))
        .limit(limit)
        .collectAsList();
  }

  public static void run(Settings settings, SparkSession spark, int limit, PrintStream out) {
    ScoreJob.requireOutput(settings);
    String path = TableIO.tablePath(settings.output().path(), Tables.TRENDS);
    if (!TableIO.exists(spark, path)) {
      throw new ConfigError("mizan.output.path = \"" + settings.output().path() + "\": no trends table at " + path
          + " (run `mizan run` or `mizan aggregate` first)");
    }
    spark.sparkContext().setJobDescription("mizan top: read trends");
    Dataset<Row> trends = TableIO.read(spark, path, settings.output().format(), Tables.TRENDS,
        settings.range().from(), settings.range().to());
    List<Row> rows = top(trends, limit);
    out.printf(Locale.ROOT, "top %d dyads by mentions in %s %s%n", limit, path, settings.range());
    out.printf(Locale.ROOT, "%-8s %5s %9s %11s %10s %10s %9s%n", "dyad", "days", "mentions", "mean_score", "first",
        "last", "score_7d");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "%-8s %5d %9d %+11.3f %10s %10s %+9.3f%n", r.getString(0) + "-" + r.getString(1),
          r.getLong(2), r.getLong(3), r.getDouble(4), r.get(5), r.get(6), r.isNullAt(7) ? Double.NaN : r.getDouble(7));
    }
    if (rows.isEmpty()) {
      out.println("(no trends rows)");
    }
  }
}

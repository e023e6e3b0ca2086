package dev.mizan.pipeline;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import dev.mizan.config.Settings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** {@code mentions} → {@code trends} and {@code actor_trends}. Spark SQL aggregates and windows, no UDFs, no I/O. */
public final class AggregatePipeline {
  private AggregatePipeline() {}

  /** Degrees of freedom with their own t quantile; above, the normal quantile is used (difference < 0.1%). */
  static final int MAX_DF = 1000;

  /** The first date whose mentions the trailing window of {@code from} needs. */
  public static LocalDate lookbackFrom(LocalDate from, Settings.Aggregate agg) {
    return from == null ? null : from.minusDays(agg.windowDays() - 1L);
  }

  /**
   * Per date × dyad. {@code mentions} must include the {@code window-days - 1} days before {@code range.from} so
   * that score_7d is right on the first days; only dates inside the range are returned.
   */
  public static Dataset<Row> trends(Dataset<Row> mentions, Settings.Aggregate agg, Settings.Range range) {
    Dataset<Row> daily = mentions.groupBy(col("date"), col("country_a"), col("country_b")).agg(
        count(lit(1)).as("mentions"),
        count_distinct(col("article_id")).as("articles"),
        count_distinct(col("source")).as("sources"),
        avg(col("score")).as("mean_score"),
        count_if(col("stance").equalTo("cooperative")).as("cooperative"),
        count_if(col("stance").equalTo("neutral")).as("neutral"),
        count_if(col("stance").equalTo("conflictual")).as("conflictual"),
        stddev_samp(col("score")).as("sd"),
        sum(col("score")).as("score_sum"));

    // t quantile for n-1 degrees of freedom: element 1..MAX_DF of a literal array, then the normal quantile.
    double[] t = tQuantiles(agg.ciLevel());
    Column n = col("mentions");
    Column index = least(n.minus(1), lit(MAX_DF + 1)).cast(DataTypes.IntegerType);
    Column tq = element_at(lit(t), index);
    Column half = tq.multiply(col("sd")).divide(sqrt(n.cast(DataTypes.DoubleType)));
    Column ciLow = when(n.leq(1), lit(-1.0)).otherwise(greatest(lit(-1.0), col("mean_score").minus(half)));
    Column ciHigh = when(n.leq(1), lit(1.0)).otherwise(least(lit(1.0), col("mean_score").plus(half)));

    WindowSpec trailing = Window.partitionBy(col("country_a"), col("country_b"))
        .orderBy(unix_date(col("date")))
        .rangeBetween(-(agg.windowDays() - 1L), 0);
    Column score7d = sum(col("score_sum")).over(trailing).divide(sum(col("mentions")).over(trailing));

    Dataset<Row> out = daily
        .withColumn("ci_low", ciLow)
        .withColumn("ci_high", ciHigh)
        .withColumn("score_7d", score7d);
    out = inRange(out, range);
    return out.select("date", "country_a", "country_b", "mentions", "articles", "sources", "mean_score",
        "cooperative", "neutral", "conflictual", "ci_low", "ci_high", "score_7d");
  }

  /** t_{(1+level)/2, df} for df = 1..MAX_DF, then z_{(1+level)/2} at index MAX_DF + 1. */
  static double[] tQuantiles(double level) {
    double p = (1 + level) / 2;
    double[] t = new double[MAX_DF + 1];
    for (int df = 1; df <= MAX_DF; df++) {
      t[df - 1] = new TDistribution(null, df).inverseCumulativeProbability(p);
    }
    t[MAX_DF] = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p);
    return t;
  }

  /**
   * Per date × actor × dyad: mentions naming the actor, how many of them the actor is the speaker of, their mean
   * score, and the actor's country.
   *
   * @param actorCountries actor slug → ISO3 (from Analyzer.actorCountries())
   */
  public static Dataset<Row> actorTrends(Dataset<Row> mentions, Map<String, String> actorCountries, Settings.Range range,
      SparkSession spark) {
    Dataset<Row> perActor = inRange(mentions, range)
        .select(col("date"), col("country_a"), col("country_b"), col("score"), col("speaker"),
            explode(col("actors")).as("actor"))
        .groupBy(col("date"), col("actor"), col("country_a"), col("country_b"))
        .agg(count(lit(1)).as("mentions"),
            count_if(col("speaker").isNotNull().and(col("speaker").equalTo(col("actor")))).as("as_speaker"),
            avg(col("score")).as("mean_score"));
    Dataset<Row> countries = actorCountryTable(spark, actorCountries);
    return perActor.join(broadcast(countries), perActor.col("actor").equalTo(countries.col("slug")), "left")
        .select(col("date"), col("actor"), col("actor_country"), col("country_a"), col("country_b"),
            col("mentions"), col("as_speaker"), col("mean_score"));
  }

  static Dataset<Row> actorCountryTable(SparkSession spark, Map<String, String> actorCountries) {
    StructType schema = DataTypes.createStructType(List.of(
        DataTypes.createStructField("slug", DataTypes.StringType, false),
        DataTypes.createStructField("actor_country", DataTypes.StringType, true)));
    List<Row> rows = new ArrayList<>(actorCountries.size());
    actorCountries.forEach((k, v) -> rows.add(RowFactory.create(k, v)));
    return spark.createDataFrame(rows, schema);
  }

  static Dataset<Row> inRange(Dataset<Row> df, Settings.Range range) {
    Dataset<Row> out = df;
    if (range.from() != null) {
      out = out.where(col("date").geq(lit(java.sql.Date.valueOf(range.from()))));
    }
    if (range.to() != null) {
      out = out.where(col("date").leq(lit(java.sql.Date.valueOf(range.to()))));
    }
    return out;
  }
}

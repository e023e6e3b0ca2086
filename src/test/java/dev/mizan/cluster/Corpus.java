package dev.mizan.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A deterministic test corpus: the sample articles repeated {@code replicas} times with new ids
 * ({@code <id>-r<n>}), each copy dated {@code first + (n mod days)} (unparseable dates stay unparseable, so the
 * copies of the three bad sample rows are quarantined again), written as Parquet in {@code files} files.
 */
public final class Corpus {
  private Corpus() {}

  public static Path generate(SparkSession spark, Path sample, int replicas, LocalDate first, int days, int files,
      Path out) {
    Dataset<Row> articles = spark.read().json(sample.toString());
    Dataset<Row> copies = articles.crossJoin(spark.range(replicas).withColumnRenamed("id", "copy"))
        .withColumn("id", concat(col("id"), lit("-r"), col("copy").cast("string")))
        .withColumn("published", when(col("published").rlike("^[0-9/-]+$"),
            date_format(date_add(lit(java.sql.Date.valueOf(first)), pmod(col("copy"), lit(days)).cast("int")),
                "yyyy-MM-dd"))
            .otherwise(col("published")))
        .drop("copy");
    copies.repartition(files, col("id")).sortWithinPartitions("id", "source", "body").write().mode("overwrite")
        .parquet(out.toString());
    return out;
  }
}

package dev.mizan.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import dev.mizan.config.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Writes and reads the output tables under {@code <output>/<table>}.
 *
 * <p>Dated tables are partitioned by {@code date} and written with dynamic partition overwrite semantics: only the
 * dates present in the data are replaced, the other dates' partitions are left alone; each date is replaced
 * atomically (staged, then renamed into place: {@link StagedCommit}). Each table directory also gets
 * a {@code _schema.json} (Spark's StructType JSON; Spark ignores files starting with {@code _}) so that an empty table
 * still has a readable schema.
 */
public final class TableIO {
  private TableIO() {}

  public static String tablePath(String outputDir, String table) {
    return outputDir.replaceAll("/+$", "") + "/" + table;
  }

  /**
   * Writes a table in the contract's column order; partitioned tables replace only the dates they contain. The table
   * is written into a staging directory first and committed partition by partition ({@link StagedCommit}), so a
   * reader never sees a half-written partition and a write that dies leaves the previous output in place.
   */
  public static void write(Dataset<Row> df, String table, Settings.Output output, boolean partitioned) {
    StructType schema = Tables.schema(table);
    Dataset<Row> ordered = conform(df, schema);
    SparkSession spark = df.sparkSession();
    long stale = staleSeconds(spark);
    StagedCommit.write(spark.sparkContext().hadoopConfiguration(), output.path(), table, partitioned, stale, staged -> {
      DataFrameWriter<Row> w = ordered.write()
          .mode(SaveMode.Overwrite)
          .format(output.format())
          .option("compression", output.codec());
      if (partitioned) {
        // the staging directory is new: a plain (static) overwrite; the commit replaces only the staged dates
        w = w.partitionBy(Tables.DATE).option("partitionOverwriteMode", "static");
      }
      w.save(staged);
    }, java.util.Map.of("_schema.json", schema.prettyJson() + "\n"));
  }

  /** The stale limit of staging directories: Spark setting {@value StagedCommit#STALE_KEY}, in seconds. */
  public static long staleSeconds(SparkSession spark) {
    return Long.parseLong(spark.conf().get(StagedCommit.STALE_KEY, Long.toString(StagedCommit.DEFAULT_STALE_SECONDS)));
  }

  /** Selects the schema's columns in order, casting to the declared types; missing nullable columns become null. */
  public static Dataset<Row> conform(Dataset<Row> df, StructType schema) {
    Column[] cols = new Column[schema.fields().length];
    for (int i = 0; i < cols.length; i++) {
      var f = schema.fields()[i];
      cols[i] = ArticleReader.has(df.schema(), f.name())
          ? col(ArticleReader.quote(f.name())).cast(f.dataType()).as(f.name())
          : lit(null).cast(f.dataType()).as(f.name());
    }
    return df.select(cols);
  }

  /**
   * Reads a table written by {@link #write} (or any directory with that layout) with its declared schema, so an
   * empty table reads as an empty Dataset. Dated tables can be restricted to [from, to] (nulls = unbounded); the
   * filter on the partition column prunes directories.
   */
  public static Dataset<Row> read(SparkSession spark, String path, String format, String table, LocalDate from, LocalDate to) {
    StructType schema = Tables.schema(table);
    Dataset<Row> df;
    if (!exists(spark, path)) {
      df = spark.createDataFrame(java.util.List.of(), schema);
    } else {
      df = spark.read().schema(schema).format(format).load(path);
    }
    if (from != null) {
      df = df.where(col(Tables.DATE).geq(lit(java.sql.Date.valueOf(from))));
    }
    if (to != null) {
      df = df.where(col(Tables.DATE).leq(lit(java.sql.Date.valueOf(to))));
    }
    return conform(df, schema);
  }

  public static boolean exists(SparkSession spark, String path) {
    try {
      Path p = new Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path, e);
    }
  }

  /** Writes a small text file atomically (temp file, then rename) on any Hadoop file system. */
  public static void writeText(SparkSession spark, String path, String text) {
    Path target = new Path(path);
    try {
      writeText(target.getFileSystem(spark.sparkContext().hadoopConfiguration()), target, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  static void writeText(FileSystem fs, Path target, String text) throws IOException {
    fs.mkdirs(target.getParent());
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp");
    try (FSDataOutputStream out = fs.create(tmp, true)) {
      write(out, text);
    }
    if (fs.exists(target)) {
      fs.delete(target, false);
    }
    if (!fs.rename(tmp, target)) {
      throw new IOException("rename " + tmp + " -> " + target + " failed");
    }
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}

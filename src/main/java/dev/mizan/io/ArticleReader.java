package dev.mizan.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

import dev.mizan.config.ConfigError;
import dev.mizan.config.Settings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads articles (parquet, JSON lines or CSV) and maps the configured input columns to the logical fields.
 *
 * <p>The result has the columns {@code id, published, body, title, source, lang, url} (strings, except
 * {@code published} which keeps its input type), {@code malformed} (the raw text of a row the JSON/CSV parser could
 * not read, else null), {@code source_file} and {@code row_no} (a stable order within the read).
 */
public final class ArticleReader {
  /** Logical fields that must exist as columns. */
  public static final List<String> REQUIRED = List.of("id", "published", "body");
  private static final String CORRUPT = "_corrupt_record";

  private ArticleReader() {}

  /** The raw input as Spark reads it (no mapping). Fails with a ConfigError if the path does not exist. */
  public static Dataset<Row> readRaw(SparkSession spark, Settings.Input input) {
    requireExists(spark, input.path(), "mizan.input.path (--input)");
    DataFrameReader r = spark.read();
    return switch (input.format()) {
      case "parquet" -> r.parquet(input.path());
      case "json" -> r.option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", CORRUPT).json(input.path());
      case "csv" -> r.option("header", input.csv().header())
          .option("sep", input.csv().sep())
          .option("quote", input.csv().quote())
          .option("escape", input.csv().escape())
          .option("multiLine", input.csv().multiline())
          .option("mode", "PERMISSIVE")
          .option("columnNameOfCorruptRecord", CORRUPT)
          .csv(input.path());
      default -> throw new ConfigError("mizan.input.format = \"" + input.format() + "\" is not one of \"parquet\", \"json\", \"csv\"");
    };
  }

  /** Reads and maps the articles. */
  public static Dataset<Row> read(SparkSession spark, Settings.Input input) {
    Dataset<Row> raw = readRaw(spark, input);
    // input_file_name and the row number are taken right at the scan, before any shuffle.
    Dataset<Row> tagged = raw
        .withColumn("__source_file", input_file_name())
        .withColumn("__row_no", monotonically_increasing_id());
    return map(tagged, input, REQUIRED);
  }

  /**
   * Maps input columns to logical fields.
   *
   * @param required logical fields that must be present (a ConfigError names the field, the configured column and
   *                 the columns found)
   */
  public static Dataset<Row> map(Dataset<Row> tagged, Settings.Input input, List<String> required) {
    StructType schema = tagged.schema();
    TreeSet<String> found = new TreeSet<>(Arrays.asList(schema.fieldNames()));
    found.removeIf(n -> n.startsWith("__") || n.equals(CORRUPT));
    List<Column> cols = new ArrayList<>();
    for (Map.Entry<String, String> e : input.columns().asMap().entrySet()) {
      String field = e.getKey();
      String column = e.getValue();
      if (!has(schema, column)) {
        if (required.contains(field)) {
          throw new ConfigError("the required field " + field + " is mapped to column \"" + column
              + "\" (mizan.input.columns." + field + "), which is not in the input " + input.path()
              + "; columns found: " + String.join(", ", found));
        }
        cols.add(lit(null).cast(DataTypes.StringType).as(field));
      } else if (field.equals("published")) {
        cols.add(col(quote(column)).as(field));
      } else {
        cols.add(col(quote(column)).cast(DataTypes.StringType).as(field));
      }
    }
    cols.add(has(schema, CORRUPT) ? col(CORRUPT).as("malformed") : lit(null).cast(DataTypes.StringType).as("malformed"));
    cols.add(has(schema, "__source_file") ? col("__source_file").as("source_file") : lit(null).cast(DataTypes.StringType).as("source_file"));
    cols.add(has(schema, "__row_no") ? col("__row_no").as("row_no") : monotonically_increasing_id().as("row_no"));
    return tagged.select(cols.toArray(Column[]::new));
  }

  static boolean has(StructType schema, String column) {
    for (StructField f : schema.fields()) {
      if (f.name().equals(column)) {
        return true;
      }
    }
    return false;
  }

  /** Backticks so that column names with dots or spaces are taken literally. */
  static String quote(String column) {
    return "`" + column.replace("`", "``") + "`";
  }

  /** A ConfigError (exit 2) when nothing matches the path or glob. */
  public static void requireExists(SparkSession spark, String path, String what) {
    if (path == null || path.isBlank()) {
      throw new ConfigError(what + " is not set: give --input PATH or set mizan.input.path");
    }
    try {
      Path p = new Path(path);
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] matches = fs.globStatus(p);
      if (matches == null || matches.length == 0) {
        throw new ConfigError(what + " = \"" + path + "\": no such file or directory");
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigError(what + " = \"" + path + "\": cannot be listed: " + e.getMessage());
    }
  }
}

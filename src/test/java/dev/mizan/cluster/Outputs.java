package dev.mizan.cluster;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mizan.io.Manifest;
import dev.mizan.io.TableIO;
import dev.mizan.io.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/** Reads and compares Mizan output directories, table by table, row by row. */
public final class Outputs {
  private Outputs() {}

  public static final List<String> SCORE_TABLES = List.of(Tables.SENTENCES, Tables.MENTIONS, Tables.QUARANTINE);
  public static final List<String> RUN_TABLES =
      List.of(Tables.SENTENCES, Tables.MENTIONS, Tables.QUARANTINE, Tables.TRENDS, Tables.ACTOR_TRENDS);
  /** Manifest fields that differ between two identical runs. */
  public static final List<String> VOLATILE = List.of("started", "finished", "durations_ms");

  /** A table with its declared schema; doubles rounded to 9 decimals (sums may be added up in another order). */
  public static Dataset<Row> table(SparkSession spark, Path out, String table) {
    Dataset<Row> df = TableIO.read(spark, out.resolve(table).toString(), "parquet", table, null, null);
    List<Column> cols = new ArrayList<>();
    for (StructField f : df.schema().fields()) {
      cols.add(f.dataType().equals(DataTypes.DoubleType) ? round(col(f.name()), 9).as(f.name()) : col(f.name()));
    }
    return df.select(cols.toArray(Column[]::new));
  }

  /**
   * Differences between two outputs (empty = identical): per table, the rows (as JSON, sorted) missing on either side,
   * duplicates included. One Spark job per table and side.
   */
  public static List<String> diff(SparkSession spark, Path expected, Path actual, List<String> tables) {
    List<String> problems = new ArrayList<>();
    for (String t : tables) {
      List<String> e = rows(spark, expected, t);
      List<String> a = rows(spark, actual, t);
      if (!e.equals(a)) {
        List<String> missing = minus(e, a);
        List<String> extra = minus(a, e);
        problems.add(t + ": " + e.size() + " rows in " + expected + ", " + a.size() + " in " + actual + "; "
            + missing.size() + " missing, e.g. " + missing.subList(0, Math.min(2, missing.size())) + "; " + extra.size()
            + " extra, e.g. " + extra.subList(0, Math.min(2, extra.size())));
      }
    }
    return problems;
  }

  /** a - b as multisets. */
  static List<String> minus(List<String> a, List<String> b) {
    Map<String, Integer> left = new java.util.HashMap<>();
    b.forEach(x -> left.merge(x, 1, Integer::sum));
    List<String> out = new ArrayList<>();
    for (String x : a) {
      if (left.merge(x, -1, Integer::sum) < 0) {
        out.add(x);
      }
    }
    return out;
  }

  /** A table's rows as JSON lines, sorted. */
  public static List<String> rows(SparkSession spark, Path out, String table) {
    List<String> rows = new ArrayList<>(table(spark, out, table).toJSON().collectAsList());
    java.util.Collections.sort(rows);
    return rows;
  }

  /** Rows per date of a dated table (dates as yyyy-MM-dd; null dates as "null"). */
  public static Map<String, Long> countsByDate(SparkSession spark, Path out, String table) {
    Map<String, Long> m = new TreeMap<>();
    for (Row r : TableIO.read(spark, out.resolve(table).toString(), "parquet", table, null, null)
        .groupBy(Tables.DATE).count().collectAsList()) {
      m.put(String.valueOf(r.get(0)), r.getLong(1));
    }
    return m;
  }

  /** The manifest without the fields that differ between identical runs. */
  public static ObjectNode manifest(Path out) throws IOException {
    ObjectNode m = (ObjectNode) new ObjectMapper().readTree(out.resolve(Manifest.FILE).toFile());
    VOLATILE.forEach(m::remove);
    return m;
  }

  /** Data files (part-*) under a table, relative to it. */
  public static List<String> dataFiles(Path table) throws IOException {
    try (var s = Files.walk(table)) {
      return s.filter(p -> p.getFileName().toString().startsWith("part-")).map(p -> table.relativize(p).toString())
          .sorted().toList();
    }
  }
}

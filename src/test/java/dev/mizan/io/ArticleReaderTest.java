package dev.mizan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizan.config.ConfigError;
import dev.mizan.config.Settings;
import dev.mizan.config.SettingsLoader;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReaderTest extends SparkTest {
  @TempDir
  Path dir;

  static Settings settings(String... sets) {
    return SettingsLoader.load(new SettingsLoader.Overrides(List.of(), List.of(sets), List.of()));
  }

  @Test
  void mapsConfiguredColumnsOfAParquetFile() {
    StructType schema = new StructType().add("doc_id", DataTypes.LongType).add("pub", DataTypes.DateType)
        .add("content", DataTypes.StringType).add("outlet", DataTypes.StringType).add("extra", DataTypes.StringType);
    String path = dir.resolve("in.parquet").toString();
    spark.createDataFrame(List.of(RowFactory.create(7L, Date.valueOf("2025-08-07"), "text", "Atlas", "x")), schema)
        .write().parquet(path);
    Settings s = settings("input.path=" + path, "input.columns.id=doc_id", "input.columns.published=pub",
        "input.columns.body=content", "input.columns.source=outlet");
    Dataset<Row> read = ArticleReader.read(spark, s.input());
    assertThat(read.columns()).containsExactly("id", "published", "body", "title", "source", "lang", "url",
        "malformed", "source_file", "row_no");
    Row r = read.first();
    assertThat(r.getString(0)).isEqualTo("7");
    assertThat(r.getString(2)).isEqualTo("text");
    assertThat(r.isNullAt(3)).isTrue();
    assertThat(r.getString(4)).isEqualTo("Atlas");
    assertThat(r.getString(8)).endsWith(".parquet");
  }

  @Test
  void missingRequiredColumnNamesFieldColumnAndColumnsFound() {
    Path f = write(dir, "in.jsonl", List.of("{\"id\":\"a\",\"published\":\"2025-08-07\",\"text\":\"x\"}"));
    Settings s = settings("input.path=" + f, "input.format=json");
    assertThatThrownBy(() -> ArticleReader.read(spark, s.input()))
        .isInstanceOf(ConfigError.class)
        .hasMessage("the required field body is mapped to column \"body\" (mizan.input.columns.body), which is not"
            + " in the input " + f + "; columns found: id, published, text");
  }

  @Test
  void missingInputPathIsAConfigError() {
    Settings s = settings("input.path=" + dir.resolve("nothing-here"), "input.format=json");
    assertThatThrownBy(() -> ArticleReader.read(spark, s.input()))
        .isInstanceOf(ConfigError.class)
        .hasMessage("mizan.input.path (--input) = \"" + dir.resolve("nothing-here") + "\": no such file or directory");
  }

  @Test
  void readsCsvWithQuotedMultilineBodies() {
    Path f = write(dir, "in.csv", List.of("id,published,body", "a,07/08/2025,\"line one", "line two, with comma\"",
        "b,2025-08-08,plain"));
    Settings s = settings("input.path=" + f, "input.format=csv");
    List<Row> rows = ArticleValidator.check(ArticleReader.read(spark, s.input()), s.input(), s.range())
        .orderBy("id").collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).<String>getAs("body")).isEqualTo("line one\nline two, with comma");
    assertThat(rows.get(0).<Date>getAs("date")).isEqualTo(Date.valueOf("2025-08-07"));
    assertThat(rows.get(1).<Date>getAs("date")).isEqualTo(Date.valueOf("2025-08-08"));
  }

  @Test
  void datePatternsAreTriedInOrderAndInstantsUseTheTimeZone() {
    Path f = write(dir, "in.jsonl", List.of(
        "{\"id\":\"iso\",\"published\":\"2025-08-07\",\"body\":\"x\"}",
        "{\"id\":\"dmy\",\"published\":\"07/08/2025\",\"body\":\"x\"}",
        "{\"id\":\"ts\",\"published\":\"2025-08-07T22:30:00Z\",\"body\":\"x\"}",
        "{\"id\":\"tsms\",\"published\":\"2025-08-07T10:30:00.123+02:00\",\"body\":\"x\"}",
        "{\"id\":\"pad\",\"published\":\" 2025-08-07 \",\"body\":\"x\"}"));
    Settings utc = settings("input.path=" + f, "input.format=json");
    assertThat(dates(utc)).containsExactly("dmy=2025-08-07", "iso=2025-08-07", "pad=2025-08-07", "ts=2025-08-07",
        "tsms=2025-08-07");
    Settings riyadh = settings("input.path=" + f, "input.format=json", "input.time-zone=Asia/Riyadh");
    assertThat(dates(riyadh)).containsExactly("dmy=2025-08-07", "iso=2025-08-07", "pad=2025-08-07", "ts=2025-08-08",
        "tsms=2025-08-07");
    Settings onlyDmy = settings("input.path=" + f, "input.format=json", "input.date-formats=[\"dd/MM/yyyy\"]");
    assertThat(dates(onlyDmy)).containsExactly("dmy=2025-08-07", "iso=null", "pad=null", "ts=null", "tsms=null");
  }

  @Test
  void dateAndTimestampColumnsAreUsedAsIs() {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("published", DataTypes.TimestampType)
        .add("body", DataTypes.StringType);
    String path = dir.resolve("ts.parquet").toString();
    spark.createDataFrame(List.of(RowFactory.create("t", Timestamp.from(java.time.Instant.parse("2025-08-07T23:00:00Z")), "b")),
        schema).write().parquet(path);
    assertThat(dates(settings("input.path=" + path))).containsExactly("t=2025-08-07");
    assertThat(dates(settings("input.path=" + path, "input.time-zone=+03:00"))).containsExactly("t=2025-08-08");
  }

  private static List<String> dates(Settings s) {
    return ArticleValidator.check(ArticleReader.read(spark, s.input()), s.input(), s.range())
        .orderBy("id").collectAsList().stream()
        .map(r -> r.getAs("id") + "=" + r.getAs("date")).toList();
  }
}

package dev.mizan.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableIOTest extends SparkTest {
  @TempDir
  Path dir;

  private Dataset<Row> quarantine(String... idAndDate) {
    List<Row> rows = new java.util.ArrayList<>();
    for (String s : idAndDate) {
      String[] p = s.split("@");
      rows.add(RowFactory.create(p[0], "MISSING_BODY", "d", "f", Date.valueOf(p[1])));
    }
    return spark.createDataFrame(rows, Tables.QUARANTINE_SCHEMA);
  }

  private static Map<String, FileTime> files(Path table) throws IOException {
    Map<String, FileTime> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(table)) {
      for (Path p : s.filter(x -> x.getFileName().toString().startsWith("part-")).toList()) {
        m.put(table.relativize(p).toString(), Files.getLastModifiedTime(p));
      }
    }
    return m;
  }

  @Test
  void rewritingDatesReplacesOnlyThosePartitions() throws IOException {
    for (String format : List.of("parquet", "json")) {
      Settings.Output out = new Settings.Output(dir.resolve(format).toString(), format, "default");
      TableIO.write(quarantine("a@2025-08-01", "b@2025-08-02", "c@2025-08-03"), Tables.QUARANTINE, out, true);
      Path table = dir.resolve(format).resolve("quarantine");
      Map<String, FileTime> before = files(table);

      // the same rows for 2025-08-02 again, twice: no duplicates, other dates untouched
      TableIO.write(quarantine("b@2025-08-02"), Tables.QUARANTINE, out, true);
      TableIO.write(quarantine("b@2025-08-02"), Tables.QUARANTINE, out, true);
      Map<String, FileTime> after = files(table);

      List<Row> rows = TableIO.read(spark, table.toString(), format, Tables.QUARANTINE, null, null)
          .orderBy("id").collectAsList();
      assertThat(rows).extracting(r -> r.getString(0) + "@" + r.get(4))
          .as(format).containsExactly("a@2025-08-01", "b@2025-08-02", "c@2025-08-03");
      before.forEach((f, t) -> {
        if (!f.startsWith("date=2025-08-02")) {
          assertThat(after).as(format + " " + f).containsEntry(f, t);
        } else {
          assertThat(after).as(format + " " + f).doesNotContainKey(f);
        }
      });
      assertThat(Files.readString(table.resolve("_schema.json"))).contains("\"reason\"");
    }
  }

  private List<String> ids(Path table) {
    return TableIO.read(spark, table.toString(), "parquet", Tables.QUARANTINE, null, null).orderBy("id")
        .collectAsList().stream().map(r -> r.getString(0) + "@" + r.get(4)).toList();
  }

  @Test
  void aWriteThatFailsLeavesThePreviousOutputAndNoStaging() throws IOException {
    Settings.Output out = new Settings.Output(dir.toString(), "parquet", "default");
    TableIO.write(quarantine("a@2025-08-01", "b@2025-08-02"), Tables.QUARANTINE, out, true);
    Path table = dir.resolve("quarantine");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StagedCommit.write(
        spark.sparkContext().hadoopConfiguration(), dir.toString(), Tables.QUARANTINE, true, 600, staged -> {
          quarantine("x@2025-08-02").write().partitionBy("date").parquet(staged);
          throw new IllegalStateException("killed mid-write");
        }, Map.of())).hasMessageContaining("killed mid-write");
    assertThat(ids(table)).containsExactly("a@2025-08-01", "b@2025-08-02");
    assertThat(dir.resolve(StagedCommit.STAGING)).as("staging left behind").doesNotExist();
  }

  @Test
  void theNextWriteRestoresWhatADeadWriteHadMovedAsideAndDeletesItsStaging() throws IOException {
    Settings.Output out = new Settings.Output(dir.toString(), "parquet", "default");
    TableIO.write(quarantine("a@2025-08-01", "b@2025-08-02", "c@2025-08-03"), Tables.QUARANTINE, out, true);
    Path table = dir.resolve("quarantine");
    // a write that died between "old partition aside" and "new partition in": date=2025-08-02 is in its trash
    Path dead = dir.resolve(StagedCommit.STAGING).resolve("20250101T000000Z-quarantine-dead");
    Path aside = dead.resolve(StagedCommit.TRASH).resolve("quarantine").resolve("date=2025-08-02");
    Files.createDirectories(aside.getParent());
    Files.move(table.resolve("date=2025-08-02"), aside);
    Files.writeString(dead.resolve(StagedCommit.ALIVE), "x");
    Files.createDirectories(dead.resolve("quarantine/date=2025-08-02"));
    // a running write (fresh heartbeat) is left alone
    Path live = dir.resolve(StagedCommit.STAGING).resolve("20250101T000000Z-quarantine-live");
    Files.createDirectories(live);
    Files.writeString(live.resolve(StagedCommit.ALIVE), "x");
    FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    Files.setLastModifiedTime(dead.resolve(StagedCommit.ALIVE), old);
    Files.setLastModifiedTime(dead, old);
    assertThat(ids(table)).doesNotContain("b@2025-08-02"); // what a reader sees in that window: nothing for that date

    TableIO.write(quarantine("d@2025-08-04"), Tables.QUARANTINE, out, true);
    assertThat(ids(table)).containsExactly("a@2025-08-01", "b@2025-08-02", "c@2025-08-03", "d@2025-08-04");
    assertThat(dead).doesNotExist();
    assertThat(live).exists(); // and so is _staging, which holds it
  }

  @Test
  void aScratchDirectoryOutlivesItsOwnRunsWritesEvenWithAZeroStaleLimitAndGoesOnClose() throws IOException {
    var conf = spark.sparkContext().hadoopConfiguration();
    Path scratchDir;
    try (StagedCommit.Scratch scratch = StagedCommit.scratch(conf, dir.toString(), "analysed", 0)) {
      Path data = Path.of(java.net.URI.create(scratch.path("rows")));
      scratchDir = data.getParent();
      assertThat(scratchDir.getParent()).isEqualTo(dir.resolve(StagedCommit.STAGING));
      assertThat(scratchDir.resolve(StagedCommit.ALIVE)).exists();
      Files.setLastModifiedTime(scratchDir.resolve(StagedCommit.ALIVE), FileTime.fromMillis(0));
      Files.setLastModifiedTime(scratchDir, FileTime.fromMillis(0));
      quarantine("a@2025-08-01").write().parquet(data.toString());
      // a table write with a stale limit of 0 s treats every other staging directory as dead, not this one
      StagedCommit.write(conf, dir.toString(), Tables.QUARANTINE, false, 0,
          staged -> quarantine("b@2025-08-02").write().parquet(staged), Map.of());
      assertThat(spark.read().parquet(data.toString()).count()).isEqualTo(1);
    }
    assertThat(scratchDir).doesNotExist();
    assertThat(dir.resolve(StagedCommit.STAGING)).as("staging left behind").doesNotExist();
  }

  @Test
  void emptyTablesReadBackWithTheirSchema() {
    Settings.Output out = new Settings.Output(dir.toString(), "parquet", "default");
    TableIO.write(spark.createDataFrame(List.of(), Tables.MENTIONS_SCHEMA), Tables.MENTIONS, out, true);
    Dataset<Row> back = TableIO.read(spark, dir.resolve("mentions").toString(), "parquet", Tables.MENTIONS, null, null);
    assertThat(back.count()).isZero();
    assertThat(back.schema()).isEqualTo(Tables.MENTIONS_SCHEMA);
    Dataset<Row> missing = TableIO.read(spark, dir.resolve("nope").toString(), "parquet", Tables.TRENDS, null, null);
    assertThat(missing.schema().fieldNames()).contains("score_7d");
  }

  @Test
  void manifestMustAddUp() {
    Manifest m = new Manifest("score", Settings.defaults(), List.of("in"));
    m.put("rows_read", 5L).put("rows_scored", 3L).put("rows_quarantined", 1L);
    org.assertj.core.api.Assertions.assertThatThrownBy(m::toJson)
        .hasMessage("manifest does not add up: rows_read 5 != rows_scored 3 + rows_quarantined 1");
    m.put("rows_quarantined", 2L).phase("read", 12).table("sentences", 0);
    assertThat(m.toJson()).contains("\"config_digest\" : \"" + Settings.defaults().digest() + "\"")
        .contains("\"durations_ms\"").contains("\"started\"").contains("\"finished\"");
  }
}

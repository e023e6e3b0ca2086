package dev.mizan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.config.Settings;
import dev.mizan.config.SettingsLoader;
import dev.mizan.io.SparkTest;
import dev.mizan.io.TableIO;
import dev.mizan.io.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunJobTest extends SparkTest {
  @TempDir
  Path dir;

  private static final List<String> ARTICLES = List.of(
      "{\"id\":\"a1\",\"published\":\"2025-08-01\",\"title\":\"Russia and the United States\",\"body\":\"Russia and the United States agreed to expand cooperation, the Kremlin said.\",\"source\":\"s1\"}",
      "{\"id\":\"a2\",\"published\":\"02/08/2025\",\"body\":\"Turkey and Iran signed a trade agreement in Ankara.\",\"source\":\"s2\"}",
      "{\"id\":\"a3\",\"published\":\"2025-08-03T09:00:00Z\",\"body\":\"China warned Japan over the islands.\",\"source\":\"s1\"}",
      "{\"id\":\"a4\",\"published\":\"2025-08-02\",\"body\":\"\",\"source\":\"s3\"}",
      "{\"id\":\"a5\",\"published\":\"not-a-date\",\"body\":\"Egypt and Sudan discussed water.\"}",
      "{\"id\":\"a1\",\"published\":\"2025-08-03\",\"body\":\"duplicate id\"}");

  private Settings settings(Path in, Path out, String... more) {
    List<String> sets = new java.util.ArrayList<>(List.of("input.path=" + in, "input.format=json", "output.path=" + out));
    sets.addAll(List.of(more));
    return SettingsLoader.load(new SettingsLoader.Overrides(List.of(), sets, List.of()));
  }

  private static Map<String, FileTime> dataFiles(Path root) throws IOException {
    Map<String, FileTime> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(x -> x.getFileName().toString().startsWith("part-")).toList()) {
        m.put(root.relativize(p).toString(), Files.getLastModifiedTime(p));
      }
    }
    return m;
  }

  private static List<String> rows(Path out, String table) {
    return TableIO.read(spark, out.resolve(table).toString(), "parquet", table, null, null)
        .collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void runWritesAllTablesAndAManifestThatAddsUp() throws IOException {
    Path in = write(dir, "in.jsonl", ARTICLES);
    Path out = dir.resolve("out");
    RunJob.run(settings(in, out), spark);

    for (String t : List.of(Tables.SENTENCES, Tables.MENTIONS, Tables.TRENDS, Tables.ACTOR_TRENDS, Tables.QUARANTINE)) {
      assertThat(out.resolve(t).resolve("_schema.json")).as(t).exists();
    }
    JsonNode m = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
    assertThat(m.get("command").asText()).isEqualTo("run");
    assertThat(m.get("rows_read").asLong()).isEqualTo(6);
    assertThat(m.get("rows_scored").asLong() + m.get("rows_quarantined").asLong()).isEqualTo(6);
    assertThat(m.get("rows_quarantined").asLong()).isEqualTo(3);
    assertThat(m.get("quarantine_by_reason").toString())
        .isEqualTo("{\"BAD_DATE\":1,\"DUPLICATE_ID\":1,\"MISSING_BODY\":1}");
    assertThat(m.get("config_digest").asText()).hasSize(64);
    assertThat(m.get("tables").get("quarantine").asLong()).isEqualTo(3);
    assertThat(m.get("tables").get("sentences").asLong()).isEqualTo(m.get("sentences_stored").asLong());
    assertThat(m.get("sentences_total").asLong()).isGreaterThanOrEqualTo(m.get("sentences_stored").asLong());
    assertThat(m.get("durations_ms").has("read and validate")).isTrue();
    assertThat(m.get("durations_ms").has("write trends")).isTrue();
    assertThat(rows(out, Tables.QUARANTINE)).hasSize(3);
    assertThat(rows(out, Tables.SENTENCES)).hasSize((int) m.get("tables").get("sentences").asLong());
    assertThat(rows(out, Tables.MENTIONS)).hasSize((int) m.get("tables").get("mentions").asLong());
    assertThat(rows(out, Tables.TRENDS)).hasSize((int) m.get("tables").get("trends").asLong());
  }

  @Test
  void rerunningADateRangeRewritesOnlyThoseDatesAndGivesTheSameRows() throws IOException {
    Path in = write(dir, "in.jsonl", ARTICLES);
    Path out = dir.resolve("out");
    RunJob.run(settings(in, out), spark);
    Map<String, List<String>> first = new TreeMap<>();
    for (String t : List.of(Tables.SENTENCES, Tables.MENTIONS, Tables.TRENDS, Tables.ACTOR_TRENDS, Tables.QUARANTINE)) {
      first.put(t, rows(out, t));
    }
    Map<String, FileTime> before = dataFiles(out);

    RunJob.run(settings(in, out, "range.from=2025-08-02", "range.to=2025-08-02"), spark);
    RunJob.run(settings(in, out, "range.from=2025-08-02", "range.to=2025-08-02"), spark);

    for (var e : first.entrySet()) {
      assertThat(rows(out, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    Map<String, FileTime> after = dataFiles(out);
    before.forEach((f, t) -> {
      if (!f.contains("date=2025-08-02") && !f.contains("__HIVE_DEFAULT_PARTITION__")) {
        assertThat(after).as(f).containsEntry(f, t);
      }
    });
    JsonNode m = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
    assertThat(m.get("rows_outside_range").asLong()).isEqualTo(3); // a1 (08-01), a3 and its duplicate (08-03)
    assertThat(m.get("rows_read").asLong()).isEqualTo(3); // a2 valid, a4 MISSING_BODY, a5 BAD_DATE
    assertThat(m.get("range").get("from").asText()).isEqualTo("2025-08-02");
  }
}

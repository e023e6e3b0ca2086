package dev.mizan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate (2,000 articles, twice with the same seed: identical rows) then bench on it through the CLI entry point:
 * bench.json has the contract's keys, positive times and ratios computed from them. No timing assertions.
 */
class BenchIT {
  @TempDir
  static Path dir;

  @AfterAll
  static void stop() {
    dev.mizan.testutil.Cli.stopSpark();
  }

  static int main(ByteArrayOutputStream out, String... args) {
    return dev.mizan.testutil.Cli.main(out, args);
  }

  @Test
  void generateIsDeterministicAndBenchWritesTheContractKeys() throws Exception {
    Path corpus = dir.resolve("corpus");
    Path again = dir.resolve("corpus-again");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    for (Path p : List.of(corpus, again)) {
      assertThat(main(stdout, "generate", "--output", p.toString(), "--articles", "2000", "--seed", "7",
          "--from", "2025-03-01", "--to", "2025-03-31", "--master", "local[2]")).isZero();
    }
    SparkSession spark = SparkSession.getDefaultSession().isDefined() ? SparkSession.getDefaultSession().get()
        : SparkSession.builder().master("local[2]").getOrCreate();
    List<Row> a = spark.read().parquet(corpus.toString()).orderBy("id", "source").collectAsList();
    List<Row> b = spark.read().parquet(again.toString()).orderBy("id", "source").collectAsList();
    assertThat(a).hasSize(2000).isEqualTo(b);
    assertThat(spark.read().parquet(corpus.toString()).schema().fieldNames())
        .containsExactly("id", "published", "title", "body", "source", "url", "lang");
    Row stats = spark.read().parquet(corpus.toString()).selectExpr("count(distinct source)", "min(published)",
        "max(published)", "avg(case when lang = 'ar' then 1.0 else 0.0 end)", "count(distinct id)").first();
    assertThat(stats.getLong(0)).isGreaterThanOrEqualTo(50);
    assertThat(stats.get(1).toString()).isGreaterThanOrEqualTo("2025-03-01");
    assertThat(stats.get(2).toString()).isLessThanOrEqualTo("2025-04-01"); // a syndicated copy may run a day late
    assertThat(stats.getDecimal(3).doubleValue()).isBetween(0.5, 0.7);
    assertThat(stats.getLong(4)).isLessThan(2000).isGreaterThan(1900); // ~1% exact duplicates

    Path out = dir.resolve("bench");
    stdout.reset();
    assertThat(main(stdout, "bench", "--input", corpus.toString(), "--output", out.toString(), "--master", "local[2]",
        "--set", "spark.shuffle-partitions=2")).isZero();
    String printed = stdout.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("score/scan", "baseline/score", "sentences/s/core", "MB/s/core");

    JsonNode j = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = j.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    assertThat(keys).startsWith("articles", "cores", "scan_s", "score_s", "baseline_s", "aggregate_s",
        "score_over_scan", "baseline_over_score");
    assertThat(j.get("articles").asLong()).isEqualTo(2000);
    assertThat(j.get("cores").asInt()).isEqualTo(2);
    for (String k : List.of("scan_s", "score_s", "baseline_s", "aggregate_s")) {
      assertThat(j.get(k).asDouble()).as(k).isPositive();
    }
    assertThat(j.get("score_over_scan").asDouble())
        .isCloseTo(j.get("score_s").asDouble() / j.get("scan_s").asDouble(), within(0.001));
    assertThat(j.get("baseline_over_score").asDouble())
        .isCloseTo(j.get("baseline_s").asDouble() / j.get("score_s").asDouble(), within(0.001));
    assertThat(j.get("sentences").asLong()).isPositive();
    for (String t : List.of("score/sentences", "score/mentions", "score/quarantine", "score/trends",
        "score/actor_trends", "baseline/predictions")) {
      assertThat(Files.isDirectory(out.resolve(t))).as(t).isTrue();
    }
    // the score output is real: mentions were found, trends made and the duplicates quarantined
    assertThat(spark.read().parquet(out.resolve("score/mentions").toString()).count()).isPositive();
    assertThat(spark.read().parquet(out.resolve("score/trends").toString()).count()).isPositive();
    assertThat(spark.read().parquet(out.resolve("score/quarantine").toString()).where("reason = 'DUPLICATE_ID'").count())
        .isPositive();
  }
}

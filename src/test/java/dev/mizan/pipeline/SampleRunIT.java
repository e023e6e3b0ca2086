package dev.mizan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.cli.Main;
import dev.mizan.io.TableIO;
import dev.mizan.io.Tables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local-mode end-to-end `run` (and `top`) on the sample corpus through the CLI entry point. */
class SampleRunIT {
  @TempDir
  static Path dir;

  static final Path SAMPLE = Path.of(System.getProperty("mizan.basedir", ".")).resolve("src/sample/articles.jsonl");

  @AfterAll
  static void stop() {
    dev.mizan.testutil.Cli.stopSpark();
  }

  static int main(ByteArrayOutputStream out, String... args) {
    return dev.mizan.testutil.Cli.main(out, args);
  }

  @Test
  void runOnTheSampleCorpusThenTop() throws Exception {
    assumeTrue(Files.exists(SAMPLE), "no sample corpus at " + SAMPLE);
    Path out = dir.resolve("sample");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    assertThat(main(stdout, "run", "--input", SAMPLE.toString(), "--input-format", "json", "--output", out.toString(),
        "--master", "local[2]", "--set", "spark.shuffle-partitions=2")).isZero();

    JsonNode m = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
    long lines = Files.readAllLines(SAMPLE).stream().filter(l -> !l.isBlank()).count();
    assertThat(m.get("rows_read").asLong() + m.get("rows_outside_range").asLong()).isEqualTo(lines);
    assertThat(m.get("rows_read").asLong()).isEqualTo(m.get("rows_scored").asLong() + m.get("rows_quarantined").asLong());
    assertThat(m.get("rows_quarantined").asLong()).isEqualTo(3);
    assertThat(m.get("quarantine_by_reason").toString())
        .isEqualTo("{\"BAD_DATE\":1,\"DUPLICATE_ID\":1,\"MISSING_BODY\":1}");
    for (String t : List.of(Tables.SENTENCES, Tables.MENTIONS, Tables.TRENDS, Tables.ACTOR_TRENDS, Tables.QUARANTINE)) {
      assertThat(out.resolve(t).resolve("_schema.json")).as(t).exists();
    }

    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    List<Row> q = TableIO.read(spark, out.resolve("quarantine").toString(), "parquet", Tables.QUARANTINE, null, null)
        .orderBy("reason").collectAsList();
    assertThat(q).extracting(r -> r.getString(1)).containsExactly("BAD_DATE", "DUPLICATE_ID", "MISSING_BODY");
    assertThat(q).allSatisfy(r -> assertThat(r.getString(3)).endsWith("articles.jsonl"));
    assertThat(TableIO.read(spark, out.resolve("sentences").toString(), "parquet", Tables.SENTENCES, null, null).count())
        .isEqualTo(m.get("tables").get("sentences").asLong());
    assertThat(TableIO.read(spark, out.resolve("mentions").toString(), "parquet", Tables.MENTIONS, null, null).count())
        .isEqualTo(m.get("tables").get("mentions").asLong());

    foundingArticleReadAsExpected(spark, out);

    ByteArrayOutputStream top = new ByteArrayOutputStream();
    assertThat(main(top, "top", "--output", out.toString())).isZero();
    assertThat(top.toString(StandardCharsets.UTF_8)).contains("dyad", "mentions", "mean_score", "score_7d");
  }

  /** The golden case: ../shared/fixtures/seed-article-expected.md, through the whole job and its tables. */
  private static void foundingArticleReadAsExpected(SparkSession spark, Path out) {
    org.apache.spark.sql.Dataset<Row> sentences =
        TableIO.read(spark, out.resolve("sentences").toString(), "parquet", Tables.SENTENCES, null, null)
            .filter("article_id = 'seed-ar-0001'");
    List<Row> rows = sentences.collectAsList();
    assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
    assertThat(rows).allSatisfy(r -> assertThat(r.getAs("date").toString()).isEqualTo("2025-08-07"));
    java.util.Set<String> dyads = new java.util.TreeSet<>();
    java.util.Set<String> actors = new java.util.TreeSet<>();
    for (Row r : rows) {
      dyads.addAll(r.<String>getList(r.fieldIndex("dyads")));
      actors.addAll(r.<String>getList(r.fieldIndex("actors")));
    }
    assertThat(dyads).containsExactly("RUS-USA");
    assertThat(actors).contains("kirill-dmitriev", "steve-witkoff", "vladimir-putin");
    assertThat(actors).filteredOn(a -> !a.equals("russian-direct-investment-fund"))
        .containsExactlyInAnyOrder("kirill-dmitriev", "steve-witkoff", "vladimir-putin");

    List<Row> mentions = TableIO.read(spark, out.resolve("mentions").toString(), "parquet", Tables.MENTIONS, null, null)
        .filter("article_id = 'seed-ar-0001'").collectAsList();
    assertThat(mentions).isNotEmpty().allSatisfy(r -> {
      assertThat((String) r.getAs("country_a")).isEqualTo("RUS");
      assertThat((String) r.getAs("country_b")).isEqualTo("USA");
      assertThat((String) r.getAs("stance")).isNotEqualTo("conflictual");
    });
    double mean = mentions.stream().mapToDouble(r -> r.<Double>getAs("score")).average().orElse(0);
    assertThat(mean).isGreaterThan(0.4);

    Row dmitriev = rows.stream().filter(r -> ((String) r.getAs("sentence")).startsWith("أوضح كيريل دميترييف")).findFirst()
        .orElseThrow();
    assertThat((String) dmitriev.getAs("speaker")).isEqualTo("kirill-dmitriev");
    assertThat((String) dmitriev.getAs("stance")).isEqualTo("cooperative");
    List<Row> evidence = dmitriev.getList(dmitriev.fieldIndex("evidence"));
    assertThat(evidence).extracting(e -> e.<String>getAs("text"))
        .anySatisfy(t -> assertThat(t).contains("تقدمًا واضحًا"))
        .anySatisfy(t -> assertThat(t).contains("القوى الإيجابية"));

    List<Row> trend = TableIO.read(spark, out.resolve("trends").toString(), "parquet", Tables.TRENDS, null, null)
        .filter("country_a = 'RUS' AND country_b = 'USA' AND date = DATE'2025-08-07'").collectAsList();
    assertThat(trend).hasSize(1);
    assertThat(trend.get(0).<Double>getAs("mean_score")).isGreaterThan(0);
  }
}

package dev.mizan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.analysis.Analyzer;
import dev.mizan.config.Settings;
import dev.mizan.config.SettingsLoader;
import dev.mizan.io.ArticleReader;
import dev.mizan.io.ArticleValidator;
import dev.mizan.io.Manifest;
import dev.mizan.io.SparkTest;
import dev.mizan.io.StagedCommit;
import dev.mizan.io.TableIO;
import dev.mizan.io.Tables;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** score stages the analysed rows once and reads every count and table from that copy. */
class ScoreJobTest extends SparkTest {
  @TempDir
  Path dir;

  // Our own sentences: 4 valid articles (one Arabic), one without a body, one repeated id.
  private static final List<String> ARTICLES = List.of(
      "{\"id\":\"k1\",\"published\":\"2025-09-01\",\"body\":\"France and Germany pledged joint support for the new rail link.\",\"source\":\"s1\"}",
      "{\"id\":\"k2\",\"published\":\"2025-09-01\",\"body\":\"India accused Pakistan of shelling border posts. The weather was mild.\",\"source\":\"s2\"}",
      "{\"id\":\"k3\",\"published\":\"2025-09-02\",\"body\":\"وقعت مصر والأردن اتفاقية للتعاون في مجال الطاقة.\",\"source\":\"s3\"}",
      "{\"id\":\"k4\",\"published\":\"2025-09-02\",\"body\":\"Brazil hosted a football match.\",\"source\":\"s1\"}",
      "{\"id\":\"k5\",\"published\":\"2025-09-03\",\"body\":\"\",\"source\":\"s2\"}",
      "{\"id\":\"k1\",\"published\":\"2025-09-03\",\"body\":\"A repeated id.\",\"source\":\"s2\"}");

  private Settings settings(Path in, Path out) {
    return SettingsLoader.load(new SettingsLoader.Overrides(List.of(),
        List.of("input.path=" + in, "input.format=json", "output.path=" + out), List.of()));
  }

  private static List<String> rows(Path out, String table) {
    return TableIO.read(spark, out.resolve(table).toString(), "parquet", table, null, null)
        .collectAsList().stream().map(Row::toString).sorted().toList();
  }

  @Test
  void analysesEveryInputRowExactlyOnceAcrossAllCountsAndTableWrites() throws IOException {
    Path in = write(dir, "in.jsonl", ARTICLES);
    Path out = dir.resolve("out");
    Settings s = settings(in, out);
    Broadcast<Analyzer> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(ScoreJob.analyzer(s));
    Dataset<Row> once = ScorePipeline.analyzeAll(
            ArticleValidator.precheck(ArticleReader.read(spark, s.input()), s.input(), s.range()), bc)
        .withColumnRenamed("article_id", "id");
    // counts how often the analysed rows are computed: 6 if staged once, 6 x (every action) if recomputed
    LongAccumulator computed = spark.sparkContext().longAccumulator("analysed rows computed");
    // the reader batch size the tasks see (Spark hands the session's SQL settings to its tasks)
    CollectionAccumulator<String> batchRows = spark.sparkContext().collectionAccumulator("batch rows");
    Dataset<Row> counted = once.map((MapFunction<Row, Row>) r -> {
      computed.add(1);
      batchRows.add(SQLConf.get().getConfString(ScoreJob.BATCH_ROWS_KEY, "unset"));
      return r;
    }, Encoders.row(once.schema()));
    Manifest manifest = new Manifest("score", s, List.of(in.toString()));
    Path staged = dir.resolve("scratch").resolve(ScoreJob.STAGED);

    ScoreJob.score(s, spark, new Phases(spark, "score", manifest), manifest, counted, staged.toString());

    assertThat(computed.value()).isEqualTo(ARTICLES.size());
    assertThat(batchRows.value()).as("staged reads use small batches").containsOnly("256");
    assertThat(spark.conf().contains(ScoreJob.BATCH_ROWS_KEY)).as("the session setting is restored").isFalse();
    assertThat(spark.sharedState().cacheManager().isEmpty()).as("the kept duplicate decisions are released").isTrue();
    assertThat(spark.read().parquet(staged.toString()).count()).as("staged rows = input rows").isEqualTo(6);
    manifest.write(spark, out.toString());
    JsonNode m = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
    assertThat(m.get("rows_read").asLong()).isEqualTo(6);
    assertThat(m.get("rows_scored").asLong()).isEqualTo(4);
    assertThat(m.get("quarantine_by_reason").toString()).isEqualTo("{\"DUPLICATE_ID\":1,\"MISSING_BODY\":1}");
    assertThat(rows(out, Tables.QUARANTINE)).hasSize(2);
    assertThat(rows(out, Tables.SENTENCES)).hasSize((int) m.get("tables").get("sentences").asLong()).isNotEmpty();
    assertThat(rows(out, Tables.MENTIONS)).hasSize((int) m.get("tables").get("mentions").asLong()).isNotEmpty();
  }

  @Test
  void runRemovesItsStagedRows() throws IOException {
    Path in = write(dir, "in.jsonl", ARTICLES);
    Path out = dir.resolve("out");
    spark.conf().set(ScoreJob.BATCH_ROWS_KEY, "1024"); // the user's own value is kept
    Manifest m;
    try {
      m = ScoreJob.run(settings(in, out), spark);
      assertThat(spark.conf().get(ScoreJob.BATCH_ROWS_KEY)).isEqualTo("1024");
    } finally {
      spark.conf().unset(ScoreJob.BATCH_ROWS_KEY);
    }
    assertThat(rows(out, Tables.SENTENCES)).isNotEmpty();
    assertThat(m.toJson()).contains("\"rows_read\" : 6");
    assertThat(out.resolve(StagedCommit.STAGING)).as("staging left behind").doesNotExist();
  }
}

package dev.mizan.pipeline;

import static dev.mizan.pipeline.ScorePipeline.seq;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.analysis.Analyzer;
import dev.mizan.analysis.AnalyzerOptions;
import dev.mizan.analysis.Evidence;
import dev.mizan.analysis.SentenceResult;
import dev.mizan.io.SparkTest;
import dev.mizan.io.Tables;
import java.sql.Date;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ScorePipelineTest extends SparkTest {
  private Dataset<Row> analyzed() {
    Row s1 = ScorePipeline.sentenceRow(new SentenceResult(0, 0, "Russia and the USA agreed.", "en", "cooperative", 0.6,
        0.8, "verbal_cooperation", List.of("RUS-USA"), "vladimir-putin", List.of("vladimir-putin"),
        List.of(new Evidence("agreed", 19, 25, 0.6)), List.of("RUS", "USA")), "en");
    Row s2 = ScorePipeline.sentenceRow(new SentenceResult(2, 1, "Turkey, Iran and Russia met.", "en", "neutral", 0.0,
        0.5, "verbal_cooperation", List.of("IRN-RUS", "IRN-TUR", "RUS-TUR"), null, List.of(), List.of(),
        List.of("IRN", "RUS", "TUR")), "en");
    Row s3 = ScorePipeline.sentenceRow(new SentenceResult(0, 0, "Only Egypt.", null, "neutral", 0.0, 0.3, "irrelevant",
        List.of(), null, List.of(), List.of(), List.of("EGY")), "ar");
    StructType schema = ScorePipeline.ANALYZED_SCHEMA;
    List<Row> rows = List.of(
        RowFactory.create("a1", 0, "s1", "en", "f", 5, null, seq(List.of(s1, s2))),
        RowFactory.create("a2", 0, "s2", "ar", "f", 3, null, seq(List.of(s3))),
        RowFactory.create("a3", 0, "s2", "en", "f", 0, "java.lang.IllegalStateException: boom", seq(List.of())));
    return spark.createDataFrame(rows, schema).drop("epoch_day")
        .withColumn("date", org.apache.spark.sql.functions.lit(Date.valueOf("2025-08-07")));
  }

  @Test
  void sentencesMentionsFailuresAndStats() {
    Dataset<Row> analyzed = analyzed();
    Dataset<Row> sentences = ScorePipeline.sentences(analyzed);
    assertThat(sentences.schema().fieldNames()).containsExactly(Tables.SENTENCES_SCHEMA.fieldNames());
    assertThat(sentences.count()).isEqualTo(3);
    Row first = sentences.where("article_id = 'a1' and sentence_idx = 0").first();
    assertThat(first.<String>getAs("speaker")).isEqualTo("vladimir-putin");
    Row ev = first.<Row>getList(first.fieldIndex("evidence")).get(0);
    assertThat(ev.getString(0)).isEqualTo("agreed");
    assertThat(ev.getInt(1)).isEqualTo(19);
    assertThat(sentences.where("article_id = 'a2'").first().<String>getAs("lang")).isEqualTo("ar");

    List<Row> mentions = ScorePipeline.mentions(sentences).orderBy("country_a", "country_b").collectAsList();
    assertThat(mentions).extracting(r -> r.getAs("country_a") + "-" + r.getAs("country_b"))
        .containsExactly("IRN-RUS", "IRN-TUR", "RUS-TUR", "RUS-USA");
    assertThat(mentions.get(0).schema().fieldNames()).containsExactly(Tables.MENTIONS_SCHEMA.fieldNames());

    Row failure = ScorePipeline.failures(analyzed).first();
    assertThat(failure.getString(0)).isEqualTo("a3");
    assertThat(failure.getString(1)).isEqualTo("ANALYSIS_FAILED");
    assertThat(failure.getString(2)).isEqualTo("the analyser failed: java.lang.IllegalStateException: boom");

    List<Row> stats = ScorePipeline.stats(analyzed).orderBy("lang").collectAsList();
    assertThat(stats).extracting(Row::toString).containsExactly("[ar,1,0,3,1,0]", "[en,2,1,5,2,4]");
  }

  @Test
  void analyzeAllRunsTheBroadcastAnalyzerOncePerCandidateAndPassesTheOthersThrough() {
    StructType in = new StructType().add("id", DataTypes.StringType).add("date", DataTypes.DateType)
        .add("title", DataTypes.StringType).add("body", DataTypes.StringType).add("source", DataTypes.StringType)
        .add("lang", DataTypes.StringType).add("source_file", DataTypes.StringType).add("row_no", DataTypes.LongType)
        .add("pre_ok", DataTypes.BooleanType).add("reason", DataTypes.StringType).add("detail", DataTypes.StringType);
    Dataset<Row> prechecked = spark.createDataFrame(List.of(
        RowFactory.create("a", Date.valueOf("2025-08-07"), "t", "التقى بوتين وترامب في ألاسكا.", "s", null, "f", 0L, true,
            null, null),
        RowFactory.create("b", Date.valueOf("2025-08-08"), null, "body", "s", "en", "f", 1L, true, null, null),
        RowFactory.create("c", null, null, "body", "s", "en", "f", 2L, false, "BAD_DATE", "bad")), in);
    var bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(Analyzer.create(AnalyzerOptions.defaults()));
    List<Row> out = ScorePipeline.analyzeAll(prechecked, bc).orderBy("article_id").collectAsList();
    assertThat(out).hasSize(3);
    assertThat(out.get(0).<Date>getAs("date")).isEqualTo(Date.valueOf("2025-08-07"));
    assertThat(out.get(0).<Integer>getAs("sentence_count")).isEqualTo(2); // the title and the body sentence
    assertThat(out.get(0).<String>getAs("lang")).isEqualTo("ar");
    assertThat(out.get(1).<Date>getAs("date")).isEqualTo(Date.valueOf("2025-08-08"));
    assertThat(out.get(0).<String>getAs("error")).isNull();
    // a row that failed the pre-checks is not analysed: no sentences, its reason kept
    assertThat(out.get(2).<Integer>getAs("sentence_count")).isZero();
    assertThat(out.get(2).<String>getAs("reason")).isEqualTo("BAD_DATE");
  }
}

package dev.mizan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.testutil.Cli;
import dev.mizan.testutil.Paths;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the CLI on the shared UN QuadClass data: the Arabic test split (942 rows by the fixed SHA-1
 * rule), and the report generated from that run cites its errors by row number without copying the UN text.
 */
class EvaluateUnQuadClassIT {
  @TempDir
  static Path dir;

  @AfterAll
  static void stop() {
    Cli.stopSpark();
  }

  @Test
  void arabicTestSplitEndToEnd() throws Exception {
    Path runs = dir.resolve("runs");
    Path out = runs.resolve("rules/un-ar-test");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int status = Cli.main(stdout, "evaluate", "--dataset", "un-quadclass", "--input",
        Paths.shared().resolve("data/un-quadclass-ar-en").toString(), "--lang", "ar", "--split", "test",
        "--output", out.toString(), "--master", "local[2]", "--set", "spark.shuffle-partitions=2");
    assertThat(status).isZero();

    JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertThat(m.path("rows").asLong()).isEqualTo(942);
    assertThat(m.path("quad").path("n").asLong()).isEqualTo(942);
    long[] support = new long[5];
    List<String> labels = List.of("irrelevant", "material_conflict", "material_cooperation", "verbal_conflict",
        "verbal_cooperation");
    for (int i = 0; i < 5; i++) {
      support[i] = m.path("quad").path("per_class").path(labels.get(i)).path("support").asLong();
    }
    // the gold distribution of the Arabic test rows under the fixed split
    assertThat(support).containsExactly(163, 226, 201, 152, 200);
    // rules alone measured 0.326 (5-way) and 0.459 (3-way) when written; a sane range, not a target
    assertThat(m.path("quad").path("macro_f1").asDouble()).isBetween(0.2, 0.95);
    assertThat(m.path("stance").path("macro_f1").asDouble()).isBetween(0.3, 0.95);
    assertThat(m.path("stance").path("n").asLong()).isEqualTo(942);
    assertThat(m.path("dyads").isNull()).isTrue();
    assertThat(m.path("errors").path("written").asLong()).isEqualTo(Math.min(200, m.path("errors")
        .path("misclassified").asLong()));

    // the report: an error cited by row number, its text (UN data) never copied
    List<String> errors = Files.readAllLines(out.resolve("errors.jsonl"), StandardCharsets.UTF_8);
    JsonNode e = new ObjectMapper().readTree(errors.get(0));
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("error-notes.tsv"),
        e.path("id").asText() + "\tun-ar-test\tdescribed in our own words\ta fix\n");
    assertThat(Cli.main(new ByteArrayOutputStream(), "evaluate", "--report", runs.toString(), "--output",
        docs.resolve("evaluation.md").toString())).isZero();
    String md = Files.readString(docs.resolve("evaluation.md"));
    assertThat(md).contains("**" + e.path("id").asText() + "** (UN QuadClass Arabic, test split, row "
        + e.path("row").asLong() + ")", "ConfliBERT 0.629", "AraBERT 0.510");
    for (String line : errors) {
      String text = new ObjectMapper().readTree(line).path("text").asText();
      assertThat(md).doesNotContain(text);
    }
  }
}

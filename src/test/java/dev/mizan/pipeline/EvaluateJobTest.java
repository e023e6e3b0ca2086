package dev.mizan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.analysis.Analyzer;
import dev.mizan.analysis.AnalyzerOptions;
import dev.mizan.analysis.SentenceResult;
import dev.mizan.eval.Metrics;
import dev.mizan.io.SparkTest;
import dev.mizan.testutil.Cli;
import dev.mizan.testutil.Paths;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mizan evaluate} on the development set, in process with a real SparkSession: the metrics.json layout, and
 * numbers equal to the rule scorer's own figures computed row by row here (as DevsetEvaluationTest does).
 */
class EvaluateJobTest extends SparkTest {
  @TempDir
  Path dir;

  /** The rules' figures on one devset split, computed without Spark. */
  static final class Expected {
    final Metrics.Confusion stance = new Metrics.Confusion(List.of("cooperative", "neutral", "conflictual"));
    final Metrics.SetScore dyads = new Metrics.SetScore();
    final Metrics.Exact speaker = new Metrics.Exact();
    final List<String> wrongIds = new ArrayList<>();
    int n;
  }

  static Expected expected(Path devset, String split) throws Exception {
    Analyzer a = Analyzer.create(AnalyzerOptions.defaults());
    ObjectMapper om = new ObjectMapper();
    Expected x = new Expected();
    for (String line : Files.readAllLines(devset, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode row = om.readTree(line);
      if (!split.equals("all") && !row.path("split").asText("train").equals(split)) {
        continue;
      }
      LocalDate date = LocalDate.parse(row.hasNonNull("date") ? row.get("date").asText() : "2025-08-01");
      SentenceResult r = a.analyzeUnit(row.get("text").asText(), row.get("lang").asText(), date);
      List<String> gold = new ArrayList<>();
      row.get("dyads").forEach(d -> gold.add(d.asText()));
      String goldSpeaker = row.hasNonNull("speaker") ? row.get("speaker").asText() : null;
      x.stance.add(row.get("stance").asText(), r.stance());
      x.dyads.add(gold, r.dyads());
      x.speaker.add(row.get("id").asText(), goldSpeaker, r.speaker());
      x.n++;
      if (!row.get("stance").asText().equals(r.stance()) || !new TreeSet<>(gold).equals(new TreeSet<>(r.dyads()))
          || !Objects.equals(goldSpeaker, r.speaker())
          || row.hasNonNull("quad") && !row.get("quad").asText().equals(r.quadClass())) {
        x.wrongIds.add(row.get("id").asText());
      }
    }
    return x;
  }

  @Test
  void evaluatesTheDevelopmentSetLikeTheRuleFigures() throws Exception {
    Path devset = Paths.basedir().resolve("src/sample/devset.jsonl");
    Path runs = dir.resolve("runs");
    for (String split : List.of("all", "dev")) {
      Path out = runs.resolve("rules").resolve("devset-" + split);
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      int status = Cli.main(stdout, "evaluate", "--input", devset.toString(), "--dataset", "jsonl", "--split", split,
          "--output", out.toString());
      assertThat(status).isZero();
      String printed = stdout.toString(StandardCharsets.UTF_8);
      assertThat(printed).contains("stance (3-way):", "dyads: precision", "speaker accuracy",
          "reliability of confidence (stance correct):", "confusion (rows gold, columns predicted):");

      JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
      List<String> keys = new ArrayList<>();
      m.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("metrics_version", "dataset", "input", "lang", "split", "rows", "model_mode",
          "config_digest", "version", "undated_as_of", "stance", "quad", "conflict", "stance_from_quad", "conflict_from_quad", "dyads", "speaker", "reliability",
          "baseline", "errors");
      // the quad_class views are for UN QuadClass and UNSCon only
      assertThat(m.path("stance_from_quad").isNull() && m.path("conflict_from_quad").isNull()).isTrue();
      assertThat(m.path("dataset").asText()).isEqualTo("jsonl");
      // undated rows are read at a fixed day (the model's feature date), so the figures do not drift with the calendar
      assertThat(m.path("undated_as_of").asText()).isEqualTo("2025-08-01");
      assertThat(m.path("split").asText()).isEqualTo(split);
      // every devset row carries a quad label: five classes, each row counted once
      assertThat(m.path("quad").path("labels")).hasSize(5);
      long quadCells = 0;
      for (JsonNode row : m.path("quad").path("confusion")) {
        for (JsonNode cell : row) {
          quadCells += cell.asLong();
        }
      }
      assertThat(quadCells).isEqualTo(m.path("rows").asLong());
      assertThat(m.path("baseline").isNull()).isTrue();

      Expected x = expected(devset, split);
      assertThat(m.path("rows").asLong()).isEqualTo(x.n);
      JsonNode stance = m.path("stance");
      assertThat(stance.path("labels").toString()).isEqualTo("[\"cooperative\",\"neutral\",\"conflictual\"]");
      assertThat(stance.path("macro_f1").asDouble()).isCloseTo(x.stance.macroF1(), within(1e-12));
      assertThat(stance.path("accuracy").asDouble()).isCloseTo(x.stance.accuracy(), within(1e-12));
      assertThat(stance.path("n").asLong()).isEqualTo(x.n);
      for (int g = 0; g < 3; g++) {
        for (int p = 0; p < 3; p++) {
          String gl = x.stance.labels().get(g);
          String pl = x.stance.labels().get(p);
          assertThat(stance.path("confusion").path(g).path(p).asLong()).as(gl + " → " + pl)
              .isEqualTo(x.stance.count(gl, pl));
        }
      }
      assertThat(stance.path("per_class").path("neutral").path("f1").asDouble())
          .isCloseTo(x.stance.f1("neutral"), within(1e-12));
      assertThat(m.path("dyads").path("precision").asDouble()).isCloseTo(x.dyads.precision(), within(1e-12));
      assertThat(m.path("dyads").path("recall").asDouble()).isCloseTo(x.dyads.recall(), within(1e-12));
      assertThat(m.path("dyads").path("tp").asLong()).isEqualTo(x.dyads.counts().get("tp"));
      assertThat(m.path("speaker").path("accuracy").asDouble()).isCloseTo(x.speaker.accuracy(), within(1e-12));
      assertThat(m.path("speaker").path("accuracy_on_gold").asDouble())
          .isCloseTo(x.speaker.accuracyOnGold(), within(1e-12));

      JsonNode rel = m.path("reliability");
      assertThat(rel.path("target").asText()).isEqualTo("stance");
      assertThat(rel.path("bins")).hasSize(10);
      long binned = 0;
      long correct = 0;
      for (JsonNode b : rel.path("bins")) {
        binned += b.path("count").asLong();
        correct += b.path("correct").asLong();
      }
      assertThat(binned).isEqualTo(x.n);
      assertThat(correct).isEqualTo(Math.round(x.stance.accuracy() * x.n));

      // errors.jsonl: every misclassified row (fewer than the 200 cap), with gold, prediction and evidence
      List<String> lines = Files.readAllLines(out.resolve("errors.jsonl"), StandardCharsets.UTF_8);
      assertThat(m.path("errors").path("misclassified").asLong()).isEqualTo(x.wrongIds.size());
      assertThat(lines).hasSize(x.wrongIds.size());
      List<String> ids = new ArrayList<>();
      for (String l : lines) {
        JsonNode e = new ObjectMapper().readTree(l);
        ids.add(e.path("id").asText());
        assertThat(e.path("wrong")).isNotEmpty();
        assertThat(e.has("confidence") && e.path("evidence").isArray() && e.path("gold").has("dyads")).isTrue();
      }
      assertThat(ids).containsExactlyInAnyOrderElementsOf(x.wrongIds);
      assertThat(Files.readString(out.resolve("metrics.txt"))).contains(
          String.format(java.util.Locale.ROOT, "macro-F1 %.3f", x.stance.macroF1()));
    }

    // the report generator over these runs, with a note on one devset error and one on a run that is absent
    JsonNode anError = new ObjectMapper().readTree(
        Files.readAllLines(runs.resolve("rules/devset-all/errors.jsonl")).get(0));
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(docs.resolve("error-notes.tsv"), "# id\trun\twhat\tfix\n"
        + anError.path("id").asText() + "\tdevset-all\tit does something\tsomething would fix it\n"
        + "un-quadclass-ar-7\tun-ar-test\ta row described in our words\ta fix\n");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    assertThat(Cli.main(stdout, "evaluate", "--report", runs.toString(), "--output",
        docs.resolve("evaluation.md").toString())).isZero();
    String md = Files.readString(docs.resolve("evaluation.md"));
    JsonNode all = new ObjectMapper().readTree(runs.resolve("rules/devset-all/metrics.json").toFile());
    assertThat(md).contains("| benchmark | published | rules |",
        String.format(java.util.Locale.ROOT, "| development set, all rows: stance macro-F1 | — | %.3f |",
            all.path("stance").path("macro_f1").asDouble()),
        String.format(java.util.Locale.ROOT, "| development set, dev split (held out): dyad F1 | — | %.3f |",
            new ObjectMapper().readTree(runs.resolve("rules/devset-dev/metrics.json").toFile())
                .path("dyads").path("f1").asDouble()),
        "**" + anError.path("id").asText() + "** (development set, all rows, row " + anError.path("row").asLong() + ")",
        "> " + anError.path("text").asText(), "*What would fix it:* something would fix it",
        "**un-quadclass-ar-7** (UN QuadClass Arabic, test split) — not among this report's error samples",
        "## Reliability of `confidence`", "`metrics_version`");

    // a note with mode hybrid (5th column) is looked up in the hybrid run, not the rules run, and rendered under the
    // hybrid subsection: a hybrid run whose only error is the same row with a distinctive score
    Path runs2 = dir.resolve("runs2");
    Path hyb = Files.createDirectories(runs2.resolve("hybrid/devset-all"));
    Files.copy(runs.resolve("rules/devset-all/metrics.json"), hyb.resolve("metrics.json"));
    ((com.fasterxml.jackson.databind.node.ObjectNode) anError).put("score", 0.4242);
    Files.writeString(hyb.resolve("errors.jsonl"), new ObjectMapper().writeValueAsString(anError) + "\n");
    Files.writeString(docs.resolve("error-notes.tsv"), "# id\trun\twhat\tfix\tmode\n"
        + "un-quadclass-ar-7\tun-ar-test\ta rules row\ta rules fix\n"
        + anError.path("id").asText() + "\tdevset-all\tthe hybrid gets it wrong\ta hybrid fix\thybrid\n");
    assertThat(Cli.main(stdout, "evaluate", "--report", runs2.toString(), "--output",
        docs.resolve("evaluation.md").toString())).isZero();
    String md2 = Files.readString(docs.resolve("evaluation.md"));
    int rulesHeading = md2.indexOf("### Errors of the rules");
    int hybridHeading = md2.indexOf("### Errors of the hybrid scorer (the default)");
    assertThat(rulesHeading).isPositive();
    assertThat(hybridHeading).isGreaterThan(rulesHeading);
    assertThat(md2.indexOf("a rules row")).isBetween(rulesHeading, hybridHeading);
    assertThat(md2.substring(hybridHeading)).contains(
        "**" + anError.path("id").asText() + "** (development set, all rows, row " + anError.path("row").asLong()
            + ") — gold ", "; hybrid predicted ", "(score 0.42, ", "*What it does:* the hybrid gets it wrong");
  }
}

package dev.mizan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses and messages that need no Spark job (usage and configuration errors stop before Spark starts). */
class MainTest {
  @TempDir
  Path dir;

  record Result(int status, String out, String err) {}

  static Result main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void globalAndCommandHelp() {
    Result global = main("--help");
    assertThat(global.status()).isZero();
    assertThat(global.out()).contains("Usage: mizan COMMAND [OPTIONS]", "run", "score", "aggregate", "classify", "top",
        "Exit status: 0 success; 2 usage or configuration error; 1 any other failure.");
    for (String command : List.of("run", "score", "aggregate", "classify", "top", "train", "evaluate", "generate", "bench")) {
      Result r = main(command, "--help");
      assertThat(r.status()).as(command).isZero();
      assertThat(r.out()).as(command).startsWith("Usage: mizan " + command + " [OPTIONS]")
          .contains("--input PATH", "--output DIR", "--input-format FORMAT", "--output-format FORMAT", "--from DATE",
              "--to DATE", "--conf FILE", "--set KEY=VALUE", "[mizan.input.format; default parquet]",
              "[mizan.output.format; default parquet]");
    }
  }

  @Test
  void usageErrorsExitTwoWithAMessage() {
    assertThat(main()).isEqualTo(new Result(2, "",
        "mizan: no command given; commands: run, score, aggregate, classify, top, report, train, evaluate, generate, bench"
            + " (see mizan --help)\n"));
    assertThat(main("scroe").err()).isEqualTo("mizan: unknown command 'scroe'; did you mean score?; commands: run,"
        + " score, aggregate, classify, top, report, train, evaluate, generate, bench\n");
    assertThat(main("run", "--inptu", "x")).isEqualTo(new Result(2, "",
        "mizan run: unknown option --inptu; did you mean --input?; see mizan run --help\n"));
    assertThat(main("run", "--output")).isEqualTo(new Result(2, "", "mizan run: option --output needs a value (DIR)\n"));
    assertThat(main("run", "--output", "o")).isEqualTo(new Result(2, "",
        "mizan run: --input is required (or set mizan.input.path)\n"));
    assertThat(main("top", "--output", "o", "--limit", "0")).isEqualTo(new Result(2, "",
        "mizan top: option --limit = \"0\" is not a positive integer\n"));
  }

  @Test
  void trainNeedsAnOutputAndNamesABadModelSetting() {
    assertThat(main("train")).isEqualTo(new Result(2, "", "mizan train: --output is required (or set mizan.output.path)\n"));
    assertThat(main("train", "--output", "o", "--set", "model.mode=bayes")).isEqualTo(new Result(2, "",
        "mizan train: mizan.model.mode = \"bayes\" (from --set) is not one of \"hybrid\", \"rules\", \"model\"\n"));
  }

  @Test
  void generateAndBenchCheckTheirOptionsBeforeSparkStarts() {
    assertThat(main("generate", "--output", "o")).isEqualTo(new Result(2, "", "mizan generate: --articles N is required\n"));
    assertThat(main("generate", "--output", "o", "--articles", "x1")).isEqualTo(new Result(2, "",
        "mizan generate: option --articles = \"x1\" is not an integer\n"));
    assertThat(main("generate", "--output", "o", "--articles", "10", "--ar-share", "2")).isEqualTo(new Result(2, "",
        "mizan generate: --ar-share must be in [0, 1], got 2.0\n"));
    assertThat(main("bench", "--output", "o")).isEqualTo(new Result(2, "",
        "mizan bench: --input is required (or set mizan.input.path)\n"));
    assertThat(main("score", "--input", "i", "--output", "o", "--articles", "3").status()).isEqualTo(2);
  }

  @Test
  void evaluateChecksDatasetSplitAndFilesBeforeSparkStarts() throws Exception {
    Path devset = dev.mizan.testutil.Paths.basedir().resolve("src/sample/devset.jsonl");
    assertThat(main("evaluate", "--input", devset.toString(), "--dataset", "csv", "--output", "o")).isEqualTo(
        new Result(2, "", "mizan evaluate: mizan.evaluate.dataset = \"csv\" (from --dataset) is not one of"
            + " \"un-quadclass\", \"unscon\", \"jsonl\"\n"));
    assertThat(main("evaluate", "--input", devset.toString(), "--output", "o")).isEqualTo(new Result(2, "",
        "mizan evaluate: --dataset is required: one of un-quadclass, unscon, jsonl (or set mizan.evaluate.dataset)\n"));
    assertThat(main("evaluate", "--dataset", "jsonl", "--output", "o")).isEqualTo(new Result(2, "",
        "mizan evaluate: --input is required (or set mizan.input.path)\n"));
    Path missing = dir.resolve("missing.jsonl");
    assertThat(main("evaluate", "--input", missing.toString(), "--dataset", "jsonl", "--output", "o")).isEqualTo(
        new Result(2, "", "mizan evaluate: --input " + missing + ": no such file or directory (resolved to " + missing
            + ")\n"));
    assertThat(main("evaluate", "--input", devset.toString(), "--dataset", "jsonl", "--split", "dve", "--output", "o"))
        .isEqualTo(new Result(2, "", "mizan evaluate: --split \"dve\" is not a split of " + devset
            + ": its splits are [dev, train] (or use all)\n"));
    assertThat(main("evaluate", "--input", devset.toString(), "--dataset", "jsonl", "--lang", "fr", "--output", "o")
        .err()).isEqualTo("mizan evaluate: mizan.evaluate.lang = \"fr\" (from --lang) is not one of \"ar\", \"en\"\n");
    assertThat(main("score", "--input", "i", "--output", "o", "--report", "r")).isEqualTo(new Result(2, "",
        "mizan score: option --report belongs to evaluate; see mizan score --help\n"));
    assertThat(main("evaluate", "--report", dir.resolve("no-runs").toString(), "--output", "o")).isEqualTo(
        new Result(2, "", "mizan evaluate: --report " + dir.resolve("no-runs")
            + ": no such directory (run jobs/evaluate-all.sh first)\n"));
    assertThat(main("evaluate", "--help").out()).contains("--dataset NAME", "--split SPLIT", "--report RUNS_DIR",
        "[mizan.evaluate.dataset; default none]");
    assertThat(main("run", "--help").out()).doesNotContain("--dataset");
  }

  @Test
  void configurationErrorsExitTwoNamingKeyValueAndOrigin() throws Exception {
    Path conf = dir.resolve("x.conf");
    Files.writeString(conf, "mizan.stance.cooperative-threshold = 1.5\n");
    assertThat(main("score", "--input", "in", "--output", "out", "--conf", conf.toString())).isEqualTo(new Result(2, "",
        "mizan score: mizan.stance.cooperative-threshold = 1.5 (from " + conf + ": 1) is out of range: expected a"
            + " number in [0, 1]\n"));
    assertThat(main("run", "--input", "in", "--output", "out", "--input-format", "xml")).isEqualTo(new Result(2, "",
        "mizan run: mizan.input.format = \"xml\" (from --input-format) is not one of \"parquet\", \"json\", \"csv\"\n"));
    assertThat(main("run", "--input", "in", "--output", "out", "--from", "2025-08-10", "--to", "2025-08-01").err())
        .isEqualTo("mizan run: mizan.range.from = \"2025-08-10\" (from --from) is after mizan.range.to ="
            + " \"2025-08-01\" (from --to)\n");
    assertThat(main("run", "--input", "in", "--output", "out", "--set", "aggregate.window-days=0").err())
        .isEqualTo("mizan run: mizan.aggregate.window-days = \"0\" (from --set) is out of range: expected an integer"
            + " in [1, 366]\n");
    assertThat(main("run", "--input", "in", "--output", "out", "--conf", dir.resolve("missing.conf").toString()).err())
        .isEqualTo("mizan run: --conf " + dir.resolve("missing.conf") + ": no such file (resolved to "
            + dir.resolve("missing.conf") + ")\n");
  }

  @Test
  void sparkSettingsGoToTheSparkConfMap() {
    CommandLine.Parsed p = CommandLine.parse(new String[] {"run", "--conf", "spark.executor.memory=4g",
        "--conf=spark.sql.adaptive.enabled=false", "--master", "local[2]"});
    var s = dev.mizan.config.SettingsLoader.load(p.overrides());
    assertThat(s.spark().conf()).containsEntry("spark.executor.memory", "4g")
        .containsEntry("spark.sql.adaptive.enabled", "false");
    assertThat(s.spark().master()).isEqualTo("local[2]");
  }
}

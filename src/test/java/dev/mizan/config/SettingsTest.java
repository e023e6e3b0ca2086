package dev.mizan.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
  @TempDir
  Path dir;

  private static Settings load(List<Path> files, List<String> sets, List<SettingsLoader.OptionValue> options) {
    return SettingsLoader.load(new SettingsLoader.Overrides(files, sets, options));
  }

  private static Settings sets(String... sets) {
    return load(List.of(), List.of(sets), List.of());
  }

  private static SettingsLoader.OptionValue opt(String key, String value, String origin) {
    return new SettingsLoader.OptionValue(key, value, origin);
  }

  private Path conf(String name, String... lines) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, List.of(lines), StandardCharsets.UTF_8);
    return p;
  }

  private static String message(Runnable r) {
    try {
      r.run();
    } catch (ConfigError e) {
      return e.getMessage();
    }
    throw new AssertionError("no ConfigError");
  }

  @Test
  void defaultsComeFromReferenceConf() {
    Settings s = Settings.defaults();
    assertThat(s.input().format()).isEqualTo("parquet");
    assertThat(s.input().columns().published()).isEqualTo("published");
    assertThat(s.input().dateFormats()).containsExactly("yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX]", "dd/MM/yyyy");
    assertThat(s.input().timeZone()).isEqualTo("UTC");
    assertThat(s.output().format()).isEqualTo("parquet");
    assertThat(s.output().codec()).isEqualTo("snappy");
    assertThat(s.range().from()).isNull();
    assertThat(s.range().to()).isNull();
    assertThat(s.spark().master()).isEqualTo("local[*]");
    assertThat(s.spark().conf()).isEmpty();
    assertThat(s.stance().cooperativeThreshold()).isEqualTo(0.15);
    assertThat(s.stance().conflictualThreshold()).isEqualTo(-0.15);
    assertThat(s.relation().paragraphContext()).isTrue();
    assertThat(s.aggregate().windowDays()).isEqualTo(7);
    assertThat(s.aggregate().ciLevel()).isEqualTo(0.95);
    assertThat(s.digest()).hasSize(64);
    assertThat(s.analyzerOptions().cooperativeThreshold()).isEqualTo(0.15);
  }

  @Test
  void layersFileThenSetThenOptions() throws IOException {
    Path f = conf("a.conf", "mizan.stance.cooperative-threshold = 0.3", "mizan.output.format = json",
        "mizan.spark.conf { \"spark.executor.memory\" = 4g }");
    Settings s = load(List.of(f), List.of("output.format=parquet", "mizan.input.format=csv", "range.from=2025-08-01"),
        List.of(opt("input.format", "json", "--input-format"), opt("input.path", "/data/x", "--input")));
    assertThat(s.stance().cooperativeThreshold()).isEqualTo(0.3);
    assertThat(s.output().format()).isEqualTo("parquet");
    assertThat(s.input().format()).isEqualTo("json");
    assertThat(s.input().path()).isEqualTo("/data/x");
    assertThat(s.range().from()).isEqualTo(LocalDate.of(2025, 8, 1));
    assertThat(s.spark().conf()).containsEntry("spark.executor.memory", "4g");
  }

  @Test
  void setAcceptsHoconListsAndPlainStrings() {
    Settings s = sets("input.date-formats=[\"dd.MM.yyyy\", \"yyyy-MM-dd\"]", "input.path=s3a://bucket/news/*.parquet");
    assertThat(s.input().dateFormats()).containsExactly("dd.MM.yyyy", "yyyy-MM-dd");
    assertThat(s.input().path()).isEqualTo("s3a://bucket/news/*.parquet");
  }

  @Test
  void digestIsStableAndFollowsTheValues() {
    assertThat(Settings.defaults().digest()).isEqualTo(Settings.defaults().digest());
    assertThat(sets("stance.cooperative-threshold=0.2").digest()).isNotEqualTo(Settings.defaults().digest());
    assertThat(Settings.defaults().json()).startsWith("{\"aggregate\":{\"ci-level\":0.95,\"window-days\":7},");
  }

  @Test
  void unknownKeyNamesTheFileLineAndSuggestsTheClosestKey() throws IOException {
    Path f = conf("x.conf", "mizan {", "  stance {", "    cooperativ-threshold = 0.3", "  }", "}");
    assertThat(message(() -> load(List.of(f), List.of(), List.of()))).isEqualTo(
        "mizan.stance.cooperativ-threshold = 0.3 (from " + f + ": 3) is not a known setting;"
            + " did you mean mizan.stance.cooperative-threshold?");
  }

  @Test
  void unknownKeyInTheWrongSectionSuggestsTheKeyWithThatName() {
    assertThat(message(() -> sets("window-days=3"))).isEqualTo(
        "mizan.window-days = \"3\" (from --set) is not a known setting; did you mean mizan.aggregate.window-days?");
  }

  @Test
  void wrongType() {
    assertThat(message(() -> sets("stance.cooperative-threshold=high"))).isEqualTo(
        "mizan.stance.cooperative-threshold = \"high\" (from --set) has the wrong type: expected a number");
    assertThat(message(() -> sets("relation.paragraph-context=maybe"))).isEqualTo(
        "mizan.relation.paragraph-context = \"maybe\" (from --set) has the wrong type: expected a boolean (true or false)");
  }

  @Test
  void outOfRangeNamesTheFileAndLine() throws IOException {
    Path f = conf("x.conf", "# thresholds", "mizan.stance {", "  cooperative-threshold = 1.5", "}");
    assertThat(message(() -> load(List.of(f), List.of(), List.of()))).isEqualTo(
        "mizan.stance.cooperative-threshold = 1.5 (from " + f + ": 3) is out of range: expected a number in [0, 1]");
  }

  @Test
  void cooperativeMustBeAboveConflictual() {
    assertThat(message(() -> sets("stance.cooperative-threshold=0", "stance.conflictual-threshold=0"))).isEqualTo(
        "mizan.stance.cooperative-threshold = \"0\" (from --set) must be greater than"
            + " mizan.stance.conflictual-threshold = \"0\" (from --set)");
  }

  @Test
  void shufflePartitionsAtLeastOne() {
    assertThat(message(() -> sets("spark.shuffle-partitions=0"))).isEqualTo(
        "mizan.spark.shuffle-partitions = \"0\" (from --set) is out of range: expected an integer >= 1");
  }

  @Test
  void unknownFormatNamesTheOption() {
    assertThat(message(() -> load(List.of(), List.of(), List.of(opt("input.format", "xml", "--input-format")))))
        .isEqualTo("mizan.input.format = \"xml\" (from --input-format) is not one of \"parquet\", \"json\", \"csv\"");
    assertThat(message(() -> sets("output.format=csv"))).isEqualTo(
        "mizan.output.format = \"csv\" (from --set) is not one of \"parquet\", \"json\"");
  }

  @Test
  void badDateAndReversedRange() {
    assertThat(message(() -> load(List.of(), List.of(), List.of(opt("range.from", "2025-13-01", "--from")))))
        .isEqualTo("mizan.range.from = \"2025-13-01\" (from --from) is not a date: expected yyyy-MM-dd");
    assertThat(message(() -> load(List.of(), List.of(),
        List.of(opt("range.from", "2025-08-10", "--from"), opt("range.to", "2025-08-01", "--to")))))
        .isEqualTo("mizan.range.from = \"2025-08-10\" (from --from) is after mizan.range.to = \"2025-08-01\" (from --to)");
  }

  @Test
  void badDatePattern() throws IOException {
    Path f = conf("p.conf", "mizan.input.date-formats = [\"yyyy-MM-dd\", \"dd/MM/yyyy bb\"]");
    assertThat(message(() -> load(List.of(f), List.of(), List.of()))).isEqualTo(
        "mizan.input.date-formats[1] = \"dd/MM/yyyy bb\" (from " + f + ": 1) is not a valid date pattern:"
            + " Unknown pattern letter: b");
    assertThat(message(() -> sets("input.date-formats=[\"YYYY-ww\"]"))).isEqualTo(
        "mizan.input.date-formats[0] = \"YYYY-ww\" (from --set) is not a valid date pattern:"
            + " Spark cannot parse the week-based letters 'Yw'");
  }

  @Test
  void missingExtraActorFile() {
    Path missing = dir.resolve("nope.tsv");
    assertThat(message(() -> sets("gazetteer.extra-actor-files=[\"" + missing + "\"]"))).isEqualTo(
        "mizan.gazetteer.extra-actor-files[0] = \"" + missing + "\" (from --set) does not exist (resolved to "
            + missing + ")");
  }

  @Test
  void extraActorFilesAreReadOnTheDriver() throws IOException {
    Path f = conf("actors.tsv", "slug\tcountry", "jane-doe\tXYZ");
    Settings s = sets("gazetteer.extra-actor-files=[\"" + f + "\"]");
    assertThat(s.analyzerOptions().extraActorFiles()).containsExactly("slug\tcountry\njane-doe\tXYZ\n");
  }

  @Test
  void badTimeZoneAndSparkConfKey() {
    assertThat(message(() -> sets("input.time-zone=Mars/Olympus"))).isEqualTo(
        "mizan.input.time-zone = \"Mars/Olympus\" (from --set) is not a time zone: expected a region id such as"
            + " \"UTC\" or \"Asia/Riyadh\", or an offset such as \"+03:00\"");
    assertThat(message(() -> sets("spark.conf.executor=4g"))).isEqualTo(
        "mizan.spark.conf.\"executor\" = \"4g\" (from --set) is not a Spark setting: keys must start with \"spark.\""
            + " and be quoted, e.g. conf { \"spark.executor.memory\" = \"4g\" }");
  }

  @Test
  void severalProblemsAreReportedTogether() {
    ConfigError e = org.junit.jupiter.api.Assertions.assertThrows(ConfigError.class,
        () -> sets("output.format=xml", "aggregate.ci-level=1"));
    assertThat(e.problems()).containsExactly(
        "mizan.output.format = \"xml\" (from --set) is not one of \"parquet\", \"json\"",
        "mizan.aggregate.ci-level = \"1\" (from --set) is out of range: expected a number in (0, 1)");
  }

  @Test
  void missingConfFileAndBadSetSyntax() {
    Path missing = dir.resolve("missing.conf");
    assertThat(message(() -> load(List.of(missing), List.of(), List.of()))).isEqualTo(
        "--conf " + missing + ": no such file (resolved to " + missing + ")");
    assertThat(message(() -> sets("stance.cooperative-threshold"))).isEqualTo(
        "--set stance.cooperative-threshold: expected key=value (for example --set stance.cooperative-threshold=0.2)");
  }

  @Test
  void shippedOverrideFilesAreValidAndTakePathsFromTheEnvironment() {
    Path root = Path.of(System.getProperty("mizan.basedir", "."));
    for (String name : List.of("conf/local.conf", "conf/cluster.conf")) {
      Settings s = load(List.of(root.resolve(name)), List.of(), List.of());
      assertThat(s.digest()).as(name).hasSize(64);
    }
  }

  @Test
  void everyReferenceKeyIsCommented() throws IOException {
    List<String> lines;
    try (var in = SettingsLoader.class.getClassLoader().getResourceAsStream("reference.conf")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i).trim();
      if (l.matches("[a-z-]+ = .*")) {
        assertThat(lines.get(i - 1).trim()).as("comment above: " + l).startsWith("#");
      }
    }
  }

  @Test
  void evaluateSettingsDefaultsAndChecks() {
    Settings.Evaluate e = Settings.defaults().evaluate();
    assertThat(e).isEqualTo(new Settings.Evaluate("", "", "", 200, 10));
    assertThat(sets("evaluate.dataset=unscon", "evaluate.split= dev ").evaluate())
        .isEqualTo(new Settings.Evaluate("unscon", "", "dev", 200, 10));
    assertThat(message(() -> sets("evaluate.dataset=tsv"))).isEqualTo(
        "mizan.evaluate.dataset = \"tsv\" (from --set) is not one of \"un-quadclass\", \"unscon\", \"jsonl\"");
    assertThat(message(() -> sets("evaluate.reliability-bins=1"))).isEqualTo(
        "mizan.evaluate.reliability-bins = \"1\" (from --set) is out of range: expected an integer in [2, 100]");
    assertThat(message(() -> sets("evaluate.max-errors=-1"))).isEqualTo(
        "mizan.evaluate.max-errors = \"-1\" (from --set) is out of range: expected an integer in [0, 100000]");
  }

  @Test
  void configErrorsAreNotThrownForValidEnvSubstitution() {
    assertThatThrownBy(() -> sets("spark.app-name="))
        .isInstanceOf(ConfigError.class)
        .hasMessage("mizan.spark.app-name = \"\" (from --set) is empty: expected a non-empty string");
  }
  @Test
  void modelSettingsAreValidatedNamingKeyAndValue() throws IOException {
    assertThat(message(() -> sets("model.mode=neural"))).isEqualTo(
        "mizan.model.mode = \"neural\" (from --set) is not one of \"hybrid\", \"rules\", \"model\"");
    Path missing = dir.resolve("no-model.bin");
    assertThat(message(() -> sets("model.path=\"" + missing + "\""))).isEqualTo(
        "mizan.model.path = \"" + missing + "\" (from --set): cannot read the model at " + missing + ": no such file");
    Path junk = conf("junk.bin", "not a model");
    assertThat(message(() -> sets("model.path=\"" + junk + "\""))).startsWith(
        "mizan.model.path = \"" + junk + "\" (from --set): cannot read the model at " + junk + ": not a Mizan model file");
    assertThat(message(() -> sets("model.rule-confidence=1.5"))).isEqualTo(
        "mizan.model.rule-confidence = \"1.5\" (from --set) is out of range: expected a number in [0, 1]");
    assertThat(message(() -> sets("model.neutral-without-pair=sometimes"))).startsWith(
        "mizan.model.neutral-without-pair = \"sometimes\" (from --set)");
    assertThat(sets("model.neutral-without-pair=false").analyzerOptions().neutralWithoutPair()).isFalse();
    assertThat(Settings.defaults().analyzerOptions().neutralWithoutPair()).isTrue();
    assertThat(message(() -> sets("train.stance-own-weight=0"))).isEqualTo(
        "mizan.train.stance-own-weight = \"0\" (from --set) is out of range: expected a number in [0.01, 100]");
    assertThat(sets("train.stance-own-weight=6").train().stanceOwnWeight()).isEqualTo(6.0);
    // quad decision offsets: measured by train always, carried by the model only when on (off by default)
    assertThat(sets().train().quadOffsets()).isFalse();
    assertThat(sets("train.quad-offsets=true").train().quadOffsets()).isTrue();
    assertThat(message(() -> sets("train.quad-offsets=maybe"))).startsWith("mizan.train.quad-offsets = \"maybe\"");
    assertThat(message(() -> sets("train.num-features=1000"))).isEqualTo(
        "mizan.train.num-features = \"1000\" (from --set) is not a power of two >= 1024 (e.g. 131072 = 2^17)");
    // rules mode reads no model at all, even from a bad path
    Settings rules = sets("model.mode=rules", "model.path=\"" + missing + "\"");
    assertThat(rules.model().loaded()).isNull();
    assertThat(rules.analyzerOptions().model()).isNull();
  }

  @Test
  void theDefaultIsTheHybridScorerWithTheBundledModel() {
    Settings s = Settings.defaults();
    assertThat(s.model().mode()).isEqualTo("hybrid");
    assertThat(s.model().loaded()).isNotNull();
    assertThat(s.analyzerOptions().model()).isSameAs(s.model().loaded());
    assertThat(s.model().loaded().features().numFeatures()).isEqualTo(s.train().numFeatures());
  }
}

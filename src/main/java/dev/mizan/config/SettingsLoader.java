package dev.mizan.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigOriginFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Builds {@link Settings}: {@code reference.conf} < {@code --conf} files (in order) < {@code --set}s < options,
 * then resolves substitutions (environment variables included) and validates every key eagerly.
 */
public final class SettingsLoader {
  private static final String ROOT = "mizan";

  private SettingsLoader() {}

  /**
   * What the command line contributes.
   *
   * @param confFiles HOCON files, later ones win
   * @param sets      {@code key=value} strings, later ones win; the {@code mizan.} prefix is optional
   * @param options   values from command-line options
   */
  public record Overrides(List<Path> confFiles, List<String> sets, List<OptionValue> options) {
    public Overrides {
      confFiles = List.copyOf(confFiles);
      sets = List.copyOf(sets);
      options = List.copyOf(options);
    }
  }

  /**
   * A command-line option's value for a key.
   *
   * @param key    path under {@code mizan} (e.g. {@code input.path})
   * @param value  the raw string
   * @param origin how it was given (e.g. {@code --input}); shown in error messages
   */
  public record OptionValue(String key, String value, String origin) {}

  public static Settings load(Overrides overrides) {
    Config reference = ConfigFactory.parseResources(
        SettingsLoader.class.getClassLoader(), "reference.conf", ConfigParseOptions.defaults().setAllowMissing(false));

    Config files = ConfigFactory.empty();
    for (Path file : overrides.confFiles()) {
      if (!Files.isRegularFile(file)) {
        throw new ConfigError("--conf " + file + ": no such file (resolved to " + file.toAbsolutePath().normalize() + ")");
      }
      try {
        Config parsed = ConfigFactory.parseFile(file.toFile(),
            ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false));
        files = parsed.withFallback(files);
      } catch (ConfigException e) {
        throw new ConfigError("--conf " + file + ": " + e.getMessage());
      }
    }

    Config sets = ConfigFactory.empty();
    for (String set : overrides.sets()) {
      sets = parseSet(set).withFallback(sets);
    }

    Config options = ConfigFactory.empty();
    for (OptionValue o : overrides.options()) {
      options = options.withValue(path(o.key(), o.origin() + " " + o.value()),
          ConfigValueFactory.fromAnyRef(o.value(), o.origin()));
    }

    Config merged = options.withFallback(sets).withFallback(files).withFallback(reference);
    Config resolved;
    try {
      resolved = merged.resolve(ConfigResolveOptions.defaults());
    } catch (ConfigException e) {
      throw new ConfigError(e.getMessage());
    }
    return new Validator(resolved, reference).settings();
  }

  private static String path(String key, String what) {
    String k = key.startsWith(ROOT + ".") ? key : ROOT + "." + key;
    try {
      ConfigUtil.splitPath(k);
    } catch (ConfigException e) {
      throw new ConfigError(what + ": '" + key + "' is not a valid key path: " + e.getMessage());
    }
    return k;
  }

  /** {@code key=value}; the value is a HOCON list/object/quoted string when it starts with [ { or ", else a plain string. */
  static Config parseSet(String set) {
    int eq = set.indexOf('=');
    if (eq <= 0) {
      throw new ConfigError("--set " + set + ": expected key=value (for example --set stance.cooperative-threshold=0.2)");
    }
    String key = set.substring(0, eq).trim();
    String raw = set.substring(eq + 1).trim();
    String path = path(key, "--set " + set);
    ConfigOrigin origin = ConfigOriginFactory.newSimple("--set");
    ConfigValue value;
    if (raw.startsWith("[") || raw.startsWith("{") || raw.startsWith("\"")) {
      try {
        value = ConfigFactory.parseString("v = " + raw, ConfigParseOptions.defaults().setOriginDescription("--set"))
            .getValue("v").withOrigin(origin);
      } catch (ConfigException e) {
        throw new ConfigError("--set " + set + ": the value is not valid HOCON: " + e.getMessage());
      }
    } else {
      value = ConfigValueFactory.fromAnyRef(raw, "--set");
    }
    return ConfigFactory.empty().withValue(path, value);
  }

  /** "file: line" for files and resources, the description otherwise (e.g. "--set", "--input-format"). */
  static String origin(ConfigOrigin o) {
    if (o == null) {
      return "unknown";
    }
    if (o.filename() != null) {
      return o.lineNumber() > 0 ? o.filename() + ": " + o.lineNumber() : o.filename();
    }
    if (o.resource() != null) {
      return o.lineNumber() > 0 ? o.resource() + ": " + o.lineNumber() : o.resource();
    }
    String d = o.description();
    // command-line origins ("--set", "--from") carry no useful line number
    return d.startsWith("--") && d.matches(".*: \\d+$") ? d.substring(0, d.lastIndexOf(": ")) : d;
  }

  /** Reads every key, collecting all problems before failing. */
  private static final class Validator {
    private final Config config;
    private final Config reference;
    private final List<String> problems = new ArrayList<>();

    Validator(Config config, Config reference) {
      this.config = config;
      this.reference = reference;
    }

    Settings settings() {
      checkUnknownKeys();

      Settings.Columns columns = new Settings.Columns(
          column("id"), column("published"), column("body"), column("title"),
          column("source"), column("lang"), column("url"));
      Settings.Csv csv = new Settings.Csv(
          bool("input.csv.header"),
          nonEmpty("input.csv.sep"),
          oneChar("input.csv.quote"),
          oneChar("input.csv.escape"),
          bool("input.csv.multiline"));
      Settings.Input input = new Settings.Input(
          str("input.path"),
          oneOf("input.format", Settings.INPUT_FORMATS),
          columns,
          datePatterns("input.date-formats"),
          timeZone("input.time-zone"),
          csv,
          intAtLeast("input.max-body-chars", 1));
      Settings.Output output = new Settings.Output(
          str("output.path"),
          oneOf("output.format", Settings.OUTPUT_FORMATS),
          oneOf("output.compression", Settings.COMPRESSIONS));
      Settings.Range range = range();
      Settings.Spark spark = new Settings.Spark(
          nonEmpty("spark.master"),
          nonEmpty("spark.app-name"),
          intAtLeast("spark.shuffle-partitions", 1),
          sparkConf());
      Settings.Gazetteer gazetteer = gazetteer();
      Settings.Stance stance = stance();
      Settings.Relation relation = new Settings.Relation(bool("relation.paragraph-context"));
      Settings.Aggregate aggregate = new Settings.Aggregate(
          intIn("aggregate.window-days", 1, 366),
          ciLevel("aggregate.ci-level"));
      Settings.Report report = new Settings.Report(
          bool("report.enabled"),
          intIn("report.days", 7, 366),
          intIn("report.top-dyads", 1, 50),
          intIn("report.top-movers", 1, 100),
          intIn("report.top-actors", 1, 100),
          intIn("report.evidence-per-day", 1, 100));
      Settings.Evaluate evaluate = new Settings.Evaluate(
          oneOfOrEmpty("evaluate.dataset", Settings.EVAL_DATASETS),
          oneOfOrEmpty("evaluate.lang", Settings.EVAL_LANGS),
          str("evaluate.split").trim(),
          intIn("evaluate.max-errors", 0, 100_000),
          intIn("evaluate.reliability-bins", 2, 100));

      Settings.Train train = new Settings.Train(
          str("train.un-quadclass-dir"),
          read("train.seed", "an integer", 0L, () -> config.getLong(ROOT + ".train.seed")),
          intIn("train.folds", 2, 10),
          powerOfTwo("train.num-features"),
          intIn("train.char-ngram-min", 1, 8),
          intIn("train.char-ngram-max", 1, 8),
          intIn("train.word-ngram-max", 0, 3),
          bool("train.rule-features"),
          intIn("train.max-iter", 1, 10000),
          numberList("train.reg-params", 0, 10),
          numberList("train.elastic-net-params", 0, 1),
          numberIn("train.svc-reg-param", 0, 10),
          intIn("train.svc-max-iter", 1, 10000),
          numberIn("train.nb-smoothing", 0, 100),
          numberIn("train.own-weight", 0.01, 100),
          numberIn("train.stance-own-weight", 0.01, 100),
          bool("train.quad-offsets"));
      if (isValid("train.char-ngram-min") && isValid("train.char-ngram-max")
          && train.charNgramMin() > train.charNgramMax()) {
        problems.add(where("train.char-ngram-min") + " is greater than " + where("train.char-ngram-max"));
      }
      if (!problems.isEmpty()) {
        throw new ConfigError(problems);
      }
      // the model is read last, once every other setting is valid (it takes a moment)
      Settings.Model model = model();
      if (!problems.isEmpty()) {
        throw new ConfigError(problems);
      }
      String json = json();
      return new Settings(input, output, range, spark, gazetteer, stance, relation, aggregate, report, evaluate, model, train,
          sha256(json), json);
    }

    // ---- unknown keys ----

    private void checkUnknownKeys() {
      Set<String> known = new TreeSet<>();
      reference.getConfig(ROOT).entrySet().forEach(e -> known.add(e.getKey()));
      Config mine;
      try {
        mine = config.getConfig(ROOT);
      } catch (ConfigException e) {
        problems.add(e.getMessage());
        return;
      }
      for (Map.Entry<String, ConfigValue> e : new TreeMap<>(toMap(mine)).entrySet()) {
        String key = e.getKey();
        if (known.contains(key) || key.startsWith("spark.conf.")) {
          continue;
        }
        String msg = ROOT + "." + key + " = " + render(e.getValue()) + " (from " + origin(e.getValue().origin())
            + ") is not a known setting";
        String suggestion = closest(key, known);
        if (suggestion != null) {
          msg += "; did you mean " + ROOT + "." + suggestion + "?";
        }
        problems.add(msg);
      }
    }

    private static Map<String, ConfigValue> toMap(Config c) {
      Map<String, ConfigValue> m = new LinkedHashMap<>();
      c.entrySet().forEach(e -> m.put(e.getKey(), e.getValue()));
      return m;
    }

    /** The known key with the same last segment, else the nearest by edit distance (when reasonably near). */
    static String closest(String key, Set<String> known) {
      String last = key.substring(key.lastIndexOf('.') + 1);
      List<String> sameLast = known.stream().filter(k -> k.endsWith("." + last) || k.equals(last)).toList();
      if (sameLast.size() == 1) {
        return sameLast.get(0);
      }
      return Suggest.nearest(key, known);
    }

    // ---- typed readers; each returns a placeholder and records a problem on failure ----

    private ConfigValue value(String key) {
      return config.getValue(ROOT + "." + key);
    }

    private String where(String key) {
      try {
        ConfigValue v = value(key);
        return ROOT + "." + key + " = " + render(v) + " (from " + origin(v.origin()) + ")";
      } catch (ConfigException e) {
        return ROOT + "." + key;
      }
    }

    private static String render(ConfigValue v) {
      return v.render(ConfigRenderOptions.concise());
    }

    private <T> T read(String key, String expected, T fallback, Supplier<T> getter) {
      try {
        return getter.get();
      } catch (ConfigException.Missing e) {
        problems.add(ROOT + "." + key + " is missing (" + e.getMessage() + ")");
      } catch (ConfigException e) {
        problems.add(where(key) + " has the wrong type: expected " + expected);
      }
      return fallback;
    }

    private String str(String key) {
      String s = read(key, "a string", "", () -> {
        ConfigValueType t = value(key).valueType();
        if (t == ConfigValueType.LIST || t == ConfigValueType.OBJECT || t == ConfigValueType.NULL) {
          throw new ConfigException.WrongType(value(key).origin(), key, "STRING", t.name());
        }
        return config.getString(ROOT + "." + key);
      });
      return s;
    }

    private String nonEmpty(String key) {
      String s = str(key);
      if (s.isBlank() && isValid(key)) {
        problems.add(where(key) + " is empty: expected a non-empty string");
      }
      return s;
    }

    private boolean isValid(String key) {
      String prefix = ROOT + "." + key + " ";
      return problems.stream().noneMatch(p -> p.startsWith(prefix));
    }

    private String column(String field) {
      return nonEmpty("input.columns." + field);
    }

    private String oneChar(String key) {
      String s = str(key);
      if (s.length() != 1 && isValid(key)) {
        problems.add(where(key) + " is not a single character");
      }
      return s;
    }

    private boolean bool(String key) {
      return read(key, "a boolean (true or false)", false, () -> config.getBoolean(ROOT + "." + key));
    }

    private double number(String key) {
      return read(key, "a number", 0.0, () -> config.getDouble(ROOT + "." + key));
    }

    private int integer(String key) {
      return read(key, "an integer", 0, () -> config.getInt(ROOT + "." + key));
    }

    private int intAtLeast(String key, int min) {
      int v = integer(key);
      if (isValid(key) && v < min) {
        problems.add(where(key) + " is out of range: expected an integer >= " + min);
      }
      return v;
    }

    private int intIn(String key, int min, int max) {
      int v = integer(key);
      if (isValid(key) && (v < min || v > max)) {
        problems.add(where(key) + " is out of range: expected an integer in [" + min + ", " + max + "]");
      }
      return v;
    }

    private double numberIn(String key, double min, double max) {
      double v = number(key);
      if (isValid(key) && (Double.isNaN(v) || v < min || v > max)) {
        problems.add(where(key) + " is out of range: expected a number in [" + fmt(min) + ", " + fmt(max) + "]");
      }
      return v;
    }

    private double ciLevel(String key) {
      double v = number(key);
      if (isValid(key) && !(v > 0 && v < 1)) {
        problems.add(where(key) + " is out of range: expected a number in (0, 1)");
      }
      return v;
    }

    private static String fmt(double d) {
      return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private String oneOf(String key, List<String> allowed) {
      String s = str(key);
      if (isValid(key) && !allowed.contains(s)) {
        problems.add(where(key) + " is not one of " + String.join(", ", allowed.stream().map(a -> "\"" + a + "\"").toList()));
      }
      return s;
    }

    /** "" (not set) or one of the allowed values. */
    private String oneOfOrEmpty(String key, List<String> allowed) {
      String s = str(key).trim();
      if (isValid(key) && !s.isEmpty() && !allowed.contains(s)) {
        problems.add(where(key) + " is not one of " + String.join(", ", allowed.stream().map(a -> "\"" + a + "\"").toList()));
      }
      return s;
    }

    private List<String> stringList(String key) {
      return read(key, "a list of strings", List.of(), () -> config.getStringList(ROOT + "." + key));
    }

    private List<String> datePatterns(String key) {
      List<String> patterns = stringList(key);
      if (!isValid(key)) {
        return patterns;
      }
      if (patterns.isEmpty()) {
        problems.add(where(key) + " is empty: expected at least one date pattern");
      }
      List<? extends ConfigValue> values = config.getList(ROOT + "." + key);
      for (int i = 0; i < patterns.size(); i++) {
        String p = patterns.get(i);
        String at = ROOT + "." + key + "[" + i + "] = " + render(values.get(i)) + " (from " + origin(values.get(i).origin()) + ")";
        try {
          DateTimeFormatter.ofPattern(p);
        } catch (IllegalArgumentException e) {
          problems.add(at + " is not a valid date pattern: " + e.getMessage());
          continue;
        }
        String unsupported = unsupportedLetters(p);
        if (!unsupported.isEmpty()) {
          problems.add(at + " is not a valid date pattern: Spark cannot parse the week-based letters '" + unsupported + "'");
        } else if (!p.contains("y")) {
          problems.add(at + " is not a valid date pattern: it has no year (y)");
        }
      }
      return patterns;
    }

    /** Letters outside quotes that Spark's parser rejects (week-based fields). */
    private static String unsupportedLetters(String p) {
      StringBuilder bad = new StringBuilder();
      boolean quoted = false;
      for (char c : p.toCharArray()) {
        if (c == '\'') {
          quoted = !quoted;
        } else if (!quoted && "YwWuec".indexOf(c) >= 0 && bad.indexOf(String.valueOf(c)) < 0) {
          bad.append(c);
        }
      }
      return bad.toString();
    }

    private String timeZone(String key) {
      String s = str(key);
      if (isValid(key)) {
        try {
          ZoneId.of(s);
        } catch (DateTimeException e) {
          problems.add(where(key) + " is not a time zone: expected a region id such as \"UTC\" or \"Asia/Riyadh\", "
              + "or an offset such as \"+03:00\"");
        }
      }
      return s;
    }

    private LocalDate date(String key) {
      String s = str(key).trim();
      if (s.isEmpty() || !isValid(key)) {
        return null;
      }
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        problems.add(where(key) + " is not a date: expected yyyy-MM-dd");
        return null;
      }
    }

    private Settings.Range range() {
      LocalDate from = date("range.from");
      LocalDate to = date("range.to");
      if (from != null && to != null && from.isAfter(to)) {
        problems.add(where("range.from") + " is after " + where("range.to"));
      }
      return new Settings.Range(from, to);
    }

    private Map<String, String> sparkConf() {
      String key = "spark.conf";
      Config c = read(key, "an object of Spark settings, e.g. { \"spark.executor.memory\" = \"4g\" }",
          ConfigFactory.empty(), () -> config.getConfig(ROOT + "." + key));
      Map<String, String> out = new TreeMap<>();
      for (Map.Entry<String, ConfigValue> e : c.root().entrySet()) {
        String name = e.getKey();
        ConfigValue v = e.getValue();
        String at = ROOT + "." + key + "." + ConfigUtil.quoteString(name) + " = " + render(v)
            + " (from " + origin(v.origin()) + ")";
        if (!name.startsWith("spark.")) {
          problems.add(at + " is not a Spark setting: keys must start with \"spark.\" and be quoted, "
              + "e.g. conf { \"spark.executor.memory\" = \"4g\" }");
        } else if (v.valueType() == ConfigValueType.OBJECT || v.valueType() == ConfigValueType.LIST
            || v.valueType() == ConfigValueType.NULL) {
          problems.add(at + " has the wrong type: expected a string, number or boolean");
        } else {
          out.put(name, String.valueOf(v.unwrapped()));
        }
      }
      return out;
    }

    private Settings.Gazetteer gazetteer() {
      String key = "gazetteer.extra-actor-files";
      List<String> files = stringList(key);
      List<String> contents = new ArrayList<>();
      if (!isValid(key)) {
        return new Settings.Gazetteer(files, contents);
      }
      List<? extends ConfigValue> values = config.getList(ROOT + "." + key);
      for (int i = 0; i < files.size(); i++) {
        Path p = Path.of(files.get(i));
        String at = ROOT + "." + key + "[" + i + "] = " + render(values.get(i)) + " (from " + origin(values.get(i).origin()) + ")";
        if (!Files.isRegularFile(p)) {
          problems.add(at + " does not exist (resolved to " + p.toAbsolutePath().normalize() + ")");
          continue;
        }
        try {
          contents.add(Files.readString(p, StandardCharsets.UTF_8));
        } catch (IOException e) {
          problems.add(at + " cannot be read: " + e);
        }
      }
      return new Settings.Gazetteer(files, contents);
    }

    private Settings.Stance stance() {
      double coop = numberIn("stance.cooperative-threshold", 0, 1);
      double conf = numberIn("stance.conflictual-threshold", -1, 0);
      if (isValid("stance.cooperative-threshold") && isValid("stance.conflictual-threshold") && coop <= conf) {
        problems.add(where("stance.cooperative-threshold") + " must be greater than " + where("stance.conflictual-threshold"));
      }
      return new Settings.Stance(coop, conf);
    }

    private int powerOfTwo(String key) {
      int v = integer(key);
      if (isValid(key) && (v < 1024 || Integer.bitCount(v) != 1)) {
        problems.add(where(key) + " is not a power of two >= 1024 (e.g. 131072 = 2^17)");
      }
      return v;
    }

    private List<Double> numberList(String key, double min, double max) {
      List<Double> l = read(key, "a list of numbers", List.of(), () -> config.getDoubleList(ROOT + "." + key));
      if (isValid(key)) {
        if (l.isEmpty()) {
          problems.add(where(key) + " is empty: expected at least one number");
        }
        for (double d : l) {
          if (Double.isNaN(d) || d < min || d > max) {
            problems.add(where(key) + " holds " + fmt(d) + ", out of range: expected numbers in [" + fmt(min) + ", "
                + fmt(max) + "]");
          }
        }
      }
      return l;
    }

    private Settings.Model model() {
      String mode = oneOf("model.mode", dev.mizan.analysis.AnalyzerOptions.MODES);
      String path = str("model.path");
      double ruleConfidence = numberIn("model.rule-confidence", 0, 1);
      boolean neutralWithoutPair = bool("model.neutral-without-pair");
      dev.mizan.model.LinearTextModel loaded = null;
      if (problems.isEmpty() && !mode.equals(dev.mizan.analysis.AnalyzerOptions.RULES)) {
        if (path.isBlank()) {
          try {
            loaded = dev.mizan.model.LinearTextModel.loadDefault();
          } catch (RuntimeException e) {
            problems.add(where("model.path") + ": the bundled model cannot be read: " + e.getMessage());
          }
        } else {
          Path p = Path.of(path);
          try {
            loaded = dev.mizan.model.LinearTextModel.load(p);
          } catch (IOException | RuntimeException e) {
            problems.add(where("model.path") + ": cannot read the model at " + p.toAbsolutePath().normalize() + ": "
                + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
          }
        }
      }
      return new Settings.Model(mode, path, ruleConfidence, neutralWithoutPair, loaded);
    }

    // ---- digest ----

    private String json() {
      Object tree = sorted(config.getConfig(ROOT).root().unwrapped());
      try {
        return new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true).writeValueAsString(tree);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot render the configuration as JSON", e);
      }
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object o) {
      if (o instanceof Map<?, ?> m) {
        Map<String, Object> t = new TreeMap<>();
        ((Map<String, Object>) m).forEach((k, v) -> t.put(k, sorted(v)));
        return t;
      }
      if (o instanceof List<?> l) {
        return l.stream().map(Validator::sorted).toList();
      }
      return o;
    }

    private static String sha256(String s) {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}

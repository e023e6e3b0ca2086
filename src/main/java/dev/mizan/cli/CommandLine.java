package dev.mizan.cli;

import dev.mizan.config.ConfigError;
import dev.mizan.config.Settings;
import dev.mizan.config.SettingsLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses {@code COMMAND [OPTIONS]} and renders the usage texts. No Spark here. */
public final class CommandLine {
  /** The commands of the contract plus {@code top}, with their one-line descriptions. */
  static final Map<String, String> COMMANDS = new LinkedHashMap<>();
  /** Commands the contract reserves that do not exist yet. */
  static {
    COMMANDS.put("run", "score then aggregate: the daily job (articles -> sentences, mentions, quarantine, trends, actor_trends)");
    COMMANDS.put("score", "articles -> sentences, mentions, quarantine tables");
    COMMANDS.put("aggregate", "mentions -> trends, actor_trends tables");
    COMMANDS.put("classify", "each input row is ONE text unit (no sentence splitting) -> predictions table");
    COMMANDS.put("top", "print the dyads with the most mentions in <output>/trends");
    COMMANDS.put("report", "write the daily visual report <output>/report/index.html from the tables (run does it too)");
    COMMANDS.put("train", "labelled data (UN QuadClass train split, own JSONL) -> DIR/pipeline, DIR/mizan-model.bin, DIR/training-report.json");
    COMMANDS.put("evaluate", "labelled data -> metrics (per-class P/R/F1, macro-F1, confusion, reliability; dyads, speaker)");
    COMMANDS.put("generate", "synthetic corpus of N articles (Parquet), deterministic by seed");
    COMMANDS.put("bench", "side-by-side timings and ratios on one corpus: scan, score, MLlib baseline, aggregate");
  }

  private static final Pattern SPARK_SETTING = Pattern.compile("spark\\.[^=\\s]+=.*", Pattern.DOTALL);

  /** An option: its name, argument placeholder, the settings key it sets (or null) and its help line. */
  record Option(String name, String arg, String key, String help) {}

  static final List<Option> OPTIONS = List.of(
      new Option("--input", "PATH", "input.path",
          "articles to read: a file, directory or glob, any Hadoop URI (for aggregate: a mentions table; default <output>/mentions)"),
      new Option("--input-format", "FORMAT", "input.format", "parquet | json (JSON lines) | csv"),
      new Option("--output", "DIR", "output.path", "output directory: tables under DIR/<table>, DIR/_manifest.json"),
      new Option("--output-format", "FORMAT", "output.format", "parquet | json"),
      new Option("--from", "DATE", "range.from", "first publication date, inclusive, yyyy-MM-dd (empty: unbounded)"),
      new Option("--to", "DATE", "range.to", "last publication date, inclusive, yyyy-MM-dd (empty: unbounded)"),
      new Option("--conf", "FILE", null, "HOCON file layered over reference.conf (repeatable; later files win)"),
      new Option("--conf", "spark.KEY=VALUE", null,
          "a Spark setting (embedded mode; with SPARK_HOME jobs/mizan hands it to spark-submit)"),
      new Option("--set", "KEY=VALUE", null,
          "any setting, the mizan. prefix optional, e.g. --set stance.cooperative-threshold=0.2 (repeatable)"),
      new Option("--master", "URL", "spark.master", "Spark master in embedded mode (ignored under spark-submit)"),
      new Option("--limit", "N", null, "top: how many dyads to print (default 10)"),
      new Option("--articles", "N", null, "generate: how many articles (required)"),
      new Option("--seed", "S", null, "generate: random seed; the same seed gives the same rows (default 42)"),
      new Option("--ar-share", "X", null, "generate: share of Arabic articles, in [0, 1] (default 0.6)"),
      new Option("--relevant-share", "X", null,
          "generate: share of sentences naming a country or actor, in [0, 1] (default 0.3)"),
      new Option("--sources", "N", null, "generate: number of news sources (default 60)"),
      new Option("--dataset", "NAME", "evaluate.dataset",
          "evaluate: un-quadclass | unscon | jsonl (the reader for --input)"),
      new Option("--lang", "LANG", "evaluate.lang",
          "evaluate: ar | en (un-quadclass: which column, default ar; jsonl: keep rows of that lang)"),
      new Option("--split", "SPLIT", "evaluate.split",
          "evaluate: un-quadclass test | train | all (default test); jsonl: all (default) or a split value"),
      new Option("--report", "RUNS_DIR", null,
          "evaluate: instead of evaluating, write the markdown report (--output FILE) from RUNS_DIR/<mode>/<name>/metrics.json"),
      new Option("--help", null, null, "this help (also -h)"));

  /** The parsed command line. */
  record Parsed(String command, boolean help, SettingsLoader.Overrides overrides, int limit, Map<String, String> extra) {}

  /** Options that belong to one command only (generate), handed to it as given. */
  static final List<String> GENERATE_OPTIONS = List.of("--articles", "--seed", "--ar-share", "--relevant-share", "--sources");
  /** Options shown in evaluate's help only. */
  static final List<String> EVALUATE_OPTIONS = List.of("--dataset", "--lang", "--split", "--report");

  private CommandLine() {}

  /** A usage error: exit 2. */
  static final class UsageError extends ConfigError {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message);
    }
  }

  static Parsed parse(String[] args) {
    if (args.length == 0) {
      throw new UsageError("no command given; commands: " + String.join(", ", COMMANDS.keySet())
          + " (see mizan --help)");
    }
    String command = args[0];
    if (command.equals("--help") || command.equals("-h") || command.equals("help")) {
      return new Parsed(null, true, new SettingsLoader.Overrides(List.of(), List.of(), List.of()), 10, Map.of());
    }
    if (!COMMANDS.containsKey(command)) {
      String hint = command.startsWith("-") ? "the command comes first: mizan COMMAND [OPTIONS]"
          : "unknown command '" + command + "'" + suggest(command, new ArrayList<>(COMMANDS.keySet()), "");
      throw new UsageError(hint + "; commands: " + String.join(", ", COMMANDS.keySet()));
    }
    List<Path> confFiles = new ArrayList<>();
    List<String> sets = new ArrayList<>();
    List<SettingsLoader.OptionValue> options = new ArrayList<>();
    boolean help = false;
    int limit = 10;
    Map<String, String> extra = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      String name = a;
      String value = null;
      if (a.startsWith("--") && a.contains("=")) {
        name = a.substring(0, a.indexOf('='));
        value = a.substring(a.indexOf('=') + 1);
      }
      if (name.equals("--help") || name.equals("-h")) {
        help = true;
        continue;
      }
      final String optName = name;
      Option opt = OPTIONS.stream().filter(o -> o.name().equals(optName)).findFirst().orElse(null);
      if (opt == null) {
        List<String> names = OPTIONS.stream().map(Option::name).distinct().toList();
        String msg = a.startsWith("-") ? "unknown option " + name + suggest(name, names, "")
            : "unexpected argument '" + a + "' (options take the form --name VALUE)";
        throw new UsageError(msg + "; see mizan " + command + " --help");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageError("option " + name + " needs a value (" + opt.arg() + ")");
        }
        value = args[++i];
      }
      switch (name) {
        case "--conf" -> {
          if (SPARK_SETTING.matcher(value).matches()) {
            int eq = value.indexOf('=');
            options.add(new SettingsLoader.OptionValue(
                "spark.conf." + com.typesafe.config.ConfigUtil.quoteString(value.substring(0, eq)),
                value.substring(eq + 1), "--conf " + value.substring(0, eq)));
          } else {
            confFiles.add(Path.of(value));
          }
        }
        case "--set" -> sets.add(value);
        case "--articles", "--seed", "--ar-share", "--relevant-share", "--sources" -> {
          if (!command.equals("generate")) {
            throw new UsageError("option " + name + " belongs to generate; see mizan " + command + " --help");
          }
          extra.put(name, value);
        }
        case "--report" -> {
          if (!command.equals("evaluate")) {
            throw new UsageError("option --report belongs to evaluate; see mizan " + command + " --help");
          }
          extra.put(name, value);
        }
        case "--limit" -> {
          try {
            limit = Integer.parseInt(value.trim());
          } catch (NumberFormatException e) {
            limit = -1;
          }
          if (limit < 1) {
            throw new UsageError("option --limit = \"" + value + "\" is not a positive integer");
          }
        }
        default -> options.add(new SettingsLoader.OptionValue(opt.key(), value, name));
      }
    }
    return new Parsed(command, help, new SettingsLoader.Overrides(confFiles, sets, options), limit, extra);
  }

  static String suggest(String given, List<String> candidates, String prefix) {
    String best = dev.mizan.config.Suggest.nearest(given, candidates);
    return best != null ? "; did you mean " + prefix + best + "?" : "";
  }

  static String globalUsage() {
    StringBuilder sb = new StringBuilder();
    sb.append("Usage: mizan COMMAND [OPTIONS]        (launcher: jobs/mizan COMMAND [OPTIONS])\n\n");
    sb.append("Mizan: stance on bilateral relations in Arabic and English news, on Apache Spark.\n\n");
    sb.append("Commands:\n");
    COMMANDS.forEach((c, d) -> sb.append(String.format("  %-10s %s%n", c, d)));
    sb.append("\nRun `mizan COMMAND --help` for the options of a command.\n");
    sb.append("Configuration: reference.conf (built in) < --conf FILE < --set KEY=VALUE < options.\n");
    sb.append("Exit status: 0 success; 2 usage or configuration error; 1 any other failure.\n");
    return sb.toString();
  }

  static String commandUsage(String command) {
    Settings d = Settings.defaults();
    Map<String, String> defaults = Map.of(
        "evaluate.dataset", "none",
        "evaluate.lang", "per dataset",
        "evaluate.split", "per dataset",
        "input.path", "none",
        "input.format", d.input().format(),
        "output.path", "none",
        "output.format", d.output().format(),
        "range.from", "unbounded",
        "range.to", "unbounded",
        "spark.master", d.spark().master());
    StringBuilder sb = new StringBuilder();
    sb.append("Usage: mizan ").append(command).append(" [OPTIONS]\n\n");
    sb.append(COMMANDS.get(command)).append("\n\n");
    sb.append(switch (command) {
      case "run", "score" -> "Required: --input PATH and --output DIR.\n\n";
      case "classify" -> "Required: --input PATH and --output DIR. Input rows: {id, body or text, lang?, published?}.\n\n";
      case "aggregate" -> "Required: --output DIR. Reads DIR/mentions unless --input names a mentions table.\n\n";
      case "top" -> "Required: --output DIR (a directory written by run or aggregate).\n\n";
      case "report" -> "Required: --output DIR (a directory written by run). --to DATE: the report's last day "
          + "(default: the latest date in trends).\n\n";
      case "generate" -> "Required: --output DIR and --articles N. Dates: --from/--to (default 2025-01-01 .. 2025-12-31).\n\n";
      case "evaluate" -> "Required: --input PATH, --dataset NAME and --output DIR (writes DIR/metrics.json, "
          + "DIR/metrics.txt, DIR/errors.jsonl).\n"
          + "  --dataset un-quadclass: --input the UN QuadClass folder (or its quad TSV); --lang ar|en; --split test|train|all\n"
          + "  --dataset unscon: --input UNSCon's folder or conflict_annotations_sentences.csv (conflict vs none)\n"
          + "  --dataset jsonl: --input JSON lines {id, text, lang?, dyads?, stance?, quad?, speaker?, date?, split?}\n"
          + "Report: mizan evaluate --report RUNS_DIR --output docs/evaluation.md (no Spark; see jobs/evaluate-all.sh).\n\n";
      case "train" -> "Required: --output DIR. Data: mizan.train.un-quadclass-dir (UN QuadClass, train split only) and/or "
          + "--input own.jsonl[,more.jsonl] ({id, lang, text, stance, quad?, split}; only split \"train\" rows are "
          + "trained on). Use the model: --set model.path=DIR.\n\n";
      case "bench" -> "Required: --input CORPUS (articles, e.g. from generate) and --output DIR (tables, DIR/bench.json).\n\n";
      default -> "";
    });
    sb.append("Options:\n");
    for (Option o : OPTIONS) {
      if ((o.name().equals("--limit") && !command.equals("top"))
          || (GENERATE_OPTIONS.contains(o.name()) && !command.equals("generate"))
          || (EVALUATE_OPTIONS.contains(o.name()) && !command.equals("evaluate"))) {
        continue;
      }
      String left = o.arg() == null ? o.name() : o.name() + " " + o.arg();
      String help = o.help();
      if (o.key() != null) {
        help += " [mizan." + o.key() + "; default " + defaults.getOrDefault(o.key(), "see reference.conf") + "]";
      }
      sb.append(String.format("  %-26s %s%n", left, help));
    }
    sb.append("\nEvery setting, its meaning and default: reference.conf (src/main/resources/reference.conf).\n");
    sb.append("Exit status: 0 success; 2 usage or configuration error; 1 any other failure.\n");
    return sb.toString();
  }
}

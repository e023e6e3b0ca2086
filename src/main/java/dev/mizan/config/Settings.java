package dev.mizan.config;

import dev.mizan.analysis.AnalyzerOptions;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolved and validated configuration: an immutable record tree read eagerly at start-up from
 * {@code reference.conf} layered under {@code --conf FILE}s, {@code --set key=value}s and command-line options
 * (see {@link SettingsLoader}). Every default lives in {@code reference.conf}; nothing here has defaults of its own.
 *
 * @param digest     SHA-256 (hex) of {@link #json}
 * @param json       the resolved {@code mizan} configuration as concise JSON with sorted keys
 */
public record Settings(
    Input input,
    Output output,
    Range range,
    Spark spark,
    Gazetteer gazetteer,
    Stance stance,
    Relation relation,
    Aggregate aggregate,
    Report report,
    Evaluate evaluate,
    Model model,
    Train train,
    String digest,
    String json) {

  /** Allowed values of {@code input.format}. */
  public static final List<String> INPUT_FORMATS = List.of("parquet", "json", "csv");
  /** Allowed values of {@code output.format}. */
  public static final List<String> OUTPUT_FORMATS = List.of("parquet", "json");
  /** Allowed values of {@code output.compression}. */
  public static final List<String> COMPRESSIONS = List.of("default", "none", "snappy", "gzip", "zstd", "lz4");

  /** Allowed values of {@code evaluate.dataset} (besides "" = not set). */
  public static final List<String> EVAL_DATASETS = List.of("un-quadclass", "unscon", "jsonl");
  /** Allowed values of {@code evaluate.lang} (besides "" = the dataset's default). */
  public static final List<String> EVAL_LANGS = List.of("ar", "en");

  /** Settings from {@code reference.conf} alone (no overrides). */
  public static Settings defaults() {
    return SettingsLoader.load(new SettingsLoader.Overrides(List.of(), List.of(), List.of()));
  }

  /** {@code input}: where the articles are and how to read them. */
  public record Input(
      String path,
      String format,
      Columns columns,
      List<String> dateFormats,
      String timeZone,
      Csv csv,
      int maxBodyChars) {
    public Input {
      dateFormats = List.copyOf(dateFormats);
    }

    public Input withPath(String newPath) {
      return new Input(newPath, format, columns, dateFormats, timeZone, csv, maxBodyChars);
    }

    public Input withFormat(String newFormat) {
      return new Input(path, newFormat, columns, dateFormats, timeZone, csv, maxBodyChars);
    }
  }

  /** {@code input.columns}: the input column name of each logical field. */
  public record Columns(String id, String published, String body, String title, String source, String lang, String url) {
    /** Logical field → configured column, in contract order. */
    public Map<String, String> asMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("published", published);
      m.put("body", body);
      m.put("title", title);
      m.put("source", source);
      m.put("lang", lang);
      m.put("url", url);
      return m;
    }
  }

  /** {@code input.csv}. */
  public record Csv(boolean header, String sep, String quote, String escape, boolean multiline) {}

  /** {@code output}. */
  public record Output(String path, String format, String compression) {
    /** The codec to pass to the writer for this format. */
    public String codec() {
      if (compression.equals("default")) {
        return format.equals("parquet") ? "snappy" : "none";
      }
      return compression;
    }
  }

  /** {@code range}: inclusive publication-date bounds; null = unbounded. */
  public record Range(LocalDate from, LocalDate to) {
    public boolean bounded() {
      return from != null || to != null;
    }

    public boolean contains(LocalDate d) {
      return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }

    @Override
    public String toString() {
      return "[" + (from == null ? "-inf" : from) + ", " + (to == null ? "+inf" : to) + "]";
    }
  }

  /** {@code spark}. {@code conf} keys are full Spark keys ({@code spark.*}). */
  public record Spark(String master, String appName, int shufflePartitions, Map<String, String> conf) {
    public Spark {
      conf = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(conf));
    }
  }

  /** {@code gazetteer}: the configured extra actor file paths and their contents (read on the driver). */
  public record Gazetteer(List<String> extraActorFiles, List<String> extraActorContents) {
    public Gazetteer {
      extraActorFiles = List.copyOf(extraActorFiles);
      extraActorContents = List.copyOf(extraActorContents);
    }
  }

  /** {@code stance}. */
  public record Stance(double cooperativeThreshold, double conflictualThreshold) {}

  /** {@code relation}. */
  public record Relation(boolean paragraphContext) {}

  /** {@code aggregate}. */
  public record Aggregate(int windowDays, double ciLevel) {}

  /** {@code report}: the daily visual report under {@code <output>/report/}. */
  public record Report(boolean enabled, int days, int topDyads, int topMovers, int topActors, int evidencePerDay) {}

  /**
   * {@code evaluate}: the labelled data's reader, language and split ("" = not set / the dataset's default), the cap
   * on errors.jsonl rows and the number of confidence bins of the reliability table.
   */
  public record Evaluate(String dataset, String lang, String split, int maxErrors, int reliabilityBins) {}

  /**
   * {@code model}: how score, run and classify use the learned model.
   *
   * @param mode           hybrid | rules | model
   * @param path           "" = the bundled default, else a model file or a train output directory
   * @param ruleConfidence hybrid: rule confidence at or above which a non-neutral rule stance is kept
   * @param neutralWithoutPair hybrid and model: a unit relating no country pair is neutral (score 0)
   * @param loaded         the model read at start-up (null in rules mode)
   */
  public record Model(String mode, String path, double ruleConfidence, boolean neutralWithoutPair,
      dev.mizan.model.LinearTextModel loaded) {}

  /** {@code train}: the training data and the model search (see reference.conf). */
  public record Train(
      String unQuadclassDir,
      long seed,
      int folds,
      int numFeatures,
      int charNgramMin,
      int charNgramMax,
      int wordNgramMax,
      boolean ruleFeatures,
      int maxIter,
      List<Double> regParams,
      List<Double> elasticNetParams,
      double svcRegParam,
      int svcMaxIter,
      double nbSmoothing,
      double ownWeight,
      double stanceOwnWeight,
      boolean quadOffsets) {
    public Train {
      regParams = List.copyOf(regParams);
      elasticNetParams = List.copyOf(elasticNetParams);
    }
  }

  /** What the analysis core needs. */
  public AnalyzerOptions analyzerOptions() {
    return new AnalyzerOptions(
        gazetteer.extraActorContents(),
        stance.cooperativeThreshold(),
        stance.conflictualThreshold(),
        relation.paragraphContext(),
        model.mode(),
        model.path(),
        model.ruleConfidence(),
        model.neutralWithoutPair(),
        model.loaded());
  }

  public Settings withInput(Input newInput) {
    return new Settings(newInput, output, range, spark, gazetteer, stance, relation, aggregate, report, evaluate, model, train,
        digest, json);
  }

  public Settings withOutput(Output newOutput) {
    return new Settings(input, newOutput, range, spark, gazetteer, stance, relation, aggregate, report, evaluate, model, train,
        digest, json);
  }
}

package dev.mizan.bench.jmh;

import dev.mizan.analysis.Analyzer;
import dev.mizan.analysis.AnalyzerOptions;
import dev.mizan.analysis.ArticleResult;
import dev.mizan.analysis.SentenceResult;
import dev.mizan.bench.CorpusGenerator;
import dev.mizan.config.Settings;
import dev.mizan.lexicon.Sentence;
import dev.mizan.model.LinearTextModel;
import dev.mizan.text.Segmenter;
import dev.mizan.text.TextCleaner;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH benchmarks of the per-sentence core on generated news text (the generate command's templates, seed 11,
 * 40 articles of the chosen language): {@code article} = the whole reading of an article as score does it (clean,
 * detect, segment, normalise + tokenise, match gazetteer and lexicon, dyads, speaker, stance); {@code unit} = the
 * same per pre-split sentence (analyzeUnit); {@code tokenize} = segment + Sentence (normalise, tokenise, keys) only.
 * One operation = the whole batch; {@link #main} converts the batch time into ns/sentence and MB/s of UTF-8 text
 * (one thread = one core). Run with {@code jobs/jmh} (see README.md, "Performance").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class CoreBench {
  @Param({"ar"})
  public String lang;

  /** Scorer mode (model.mode): hybrid (the default: rules + the bundled model) or rules; article in both = the model's cost. */
  @Param({"hybrid", "rules"})
  public String mode;

  Analyzer analyzer;
  List<CorpusGenerator.Article> articles;
  List<String> sentences;
  long bytes;

  @Setup(Level.Trial)
  public void setup() {
    Batch b = batch(lang, mode);
    analyzer = b.analyzer;
    articles = b.articles;
    sentences = b.sentences;
    bytes = b.bytes;
  }

  /** The benchmark input: 40 generated articles, their sentences and UTF-8 size. */
  public record Batch(Analyzer analyzer, List<CorpusGenerator.Article> articles, List<String> sentences, long bytes) {}

  /**
   * The default analyser options with model.mode = {@code mode} (hybrid, rules or model). The system property
   * {@value #MODEL_PROPERTY} (a model file or a train output directory) replaces the bundled model, e.g. to time a model
   * trained with another feature space (ProfileLoop, AbLoop, JMH).
   */
  public static AnalyzerOptions options(String mode) {
    AnalyzerOptions o = Settings.defaults().analyzerOptions();
    if (mode.equals(AnalyzerOptions.RULES)) {
      return o.rulesOnly();
    }
    String path = System.getProperty(MODEL_PROPERTY, "");
    if (!path.isBlank()) {
      try {
        return o.withModel(mode, LinearTextModel.load(java.nio.file.Path.of(path)));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot read the model at " + path, e);
      }
    }
    return mode.equals(o.modelMode()) ? o : o.withModel(mode, LinearTextModel.loadDefault());
  }

  /** System property naming a model to benchmark instead of the bundled one. */
  public static final String MODEL_PROPERTY = "mizan.bench.model";

  /** The batch with the default scorer (hybrid). */
  public static Batch batch(String lang) {
    return batch(lang, Settings.defaults().analyzerOptions().modelMode());
  }

  /** The batch with the scorer in {@code mode} (hybrid, rules or model). */
  public static Batch batch(String lang, String mode) {
    Analyzer a = Analyzer.create(options(mode));
    CorpusGenerator g = new CorpusGenerator(new CorpusGenerator.Options(11, lang.equals("ar") ? 1.0 : 0.0, 0.3,
        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31), 60), a.gazetteer());
    List<CorpusGenerator.Article> arts = new ArrayList<>();
    List<String> sents = new ArrayList<>();
    long bytes = 0;
    for (long i = 0; arts.size() < 40; i++) {
      CorpusGenerator.Article x = g.article(i);
      if (!x.lang().equals(lang)) {
        continue;
      }
      arts.add(x);
      bytes += x.body().getBytes(StandardCharsets.UTF_8).length + x.title().getBytes(StandardCharsets.UTF_8).length;
      String clean = TextCleaner.clean(x.body());
      for (Segmenter.Span sp : Segmenter.split(clean)) {
        sents.add(clean.substring(sp.start(), sp.end()));
      }
    }
    return new Batch(a, arts, sents, bytes);
  }

  @Benchmark
  public void article(Blackhole bh) {
    for (CorpusGenerator.Article x : articles) {
      ArticleResult r = analyzer.analyzeArticle(x.title(), x.body(), x.lang(), LocalDate.ofEpochDay(x.epochDay()));
      bh.consume(r);
    }
  }

  @Benchmark
  public void unit(Blackhole bh) {
    LocalDate d = LocalDate.of(2025, 6, 1);
    for (String s : sentences) {
      SentenceResult r = analyzer.analyzeUnit(s, lang, d);
      bh.consume(r);
    }
  }

  @Benchmark
  public void tokenize(Blackhole bh) {
    for (CorpusGenerator.Article x : articles) {
      String clean = TextCleaner.clean(x.body());
      for (Segmenter.Span sp : Segmenter.split(clean)) {
        bh.consume(new Sentence(clean.substring(sp.start(), sp.end())));
      }
    }
  }

  /**
   * Runs the benchmarks (JMH options on the command line, e.g. {@code -f 1 -wi 2 -i 3}; default: CoreBench only, e.g.
   * {@code 'FeaturesBench|CoreBench.article'} for the model's cost) and prints the per-sentence rates and the
   * same-run ratios: article hybrid/rules, and FeaturesBench's reference/new.
   */
  public static void main(String[] args) throws Exception {
    CommandLineOptions cli = new CommandLineOptions(args);
    OptionsBuilder ob = new OptionsBuilder();
    ob.parent(cli);
    if (cli.getIncludes().isEmpty()) {
      ob.include(CoreBench.class.getName());
    }
    Collection<RunResult> results = new Runner(ob.build()).run();
    System.out.println();
    System.out.println("Per-core rates (one benchmark thread = one core):");
    java.util.Map<String, Batch> batches = new java.util.HashMap<>();
    java.util.Map<String, double[]> scores = new java.util.LinkedHashMap<>();
    for (RunResult rr : results) {
      String name = rr.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      String l = rr.getParams().getParam("lang");
      String m = rr.getParams().getParam("mode");
      Batch b = batches.computeIfAbsent(l, x -> batch(x, AnalyzerOptions.RULES));
      double ms = rr.getPrimaryResult().getScore();
      double err = rr.getPrimaryResult().getScoreError();
      double s = ms / 1000.0;
      String key = name + " lang=" + l + (m == null ? "" : " mode=" + m);
      scores.put(key, new double[] {ms, err});
      System.out.printf(Locale.ROOT, "  %-46s %8.2f ms/batch (±%.2f)  %8.2f µs/sentence  %6.1f MB/s"
              + "  (batch: %d articles, %d sentences, %.2f MB UTF-8)%n",
          key, ms, err, s * 1e6 / b.sentences().size(), b.bytes() / 1e6 / s, b.articles().size(),
          b.sentences().size(), b.bytes() / 1e6);
    }
    System.out.println();
    System.out.println("Same-run ratios (± from the two scores' errors, first order):");
    for (String k : scores.keySet()) {
      ratio(scores, k, k.replace("mode=hybrid", "mode=rules"), "mode=hybrid", "article hybrid / rules");
      ratio(scores, k, k.replace("featuresReference", "featuresNew"), "featuresReference", "features reference / new");
      ratio(scores, k, k.replace("featuresReference", "featuresTokens"), "featuresReference",
          "features reference / new given the scorer's tokens");
      ratio(scores, k, k.replace("inferenceHeads", "inferenceFused"), "inferenceHeads", "inference per head / fused");
      ratio(scores, k, k.replace("scoringVector", "scoringForms"), "scoringVector",
          "model step: feature vector + heads / logits from word-form memos");
    }
  }

  private static void ratio(java.util.Map<String, double[]> scores, String a, String b, String marker, String what) {
    if (!a.contains(marker) || a.equals(b) || !scores.containsKey(b)) {
      return;
    }
    double[] x = scores.get(a);
    double[] y = scores.get(b);
    double r = x[0] / y[0];
    double e = r * Math.sqrt(Math.pow(x[1] / x[0], 2) + Math.pow(y[1] / y[0], 2));
    System.out.printf(Locale.ROOT, "  %-52s %6.2f (±%.2f)   [%s]%n", what, r, e, a);
  }
}

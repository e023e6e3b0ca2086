package dev.mizan.bench.jmh;

import dev.mizan.analysis.Analyzer;
import dev.mizan.analysis.ArticleResult;
import dev.mizan.analysis.SentenceResult;
import dev.mizan.bench.CorpusGenerator;
import dev.mizan.config.Settings;
import dev.mizan.lexicon.Sentence;
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

  /** model.mode of the analyser: rules (the rule core alone) or hybrid (the default: rules + the learned model). */
  @Param({"rules", "hybrid"})
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

  public static Batch batch(String lang) {
    return batch(lang, "hybrid");
  }

  /** The batch with an analyser in {@code mode} (rules or hybrid). */
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

  /** The default options (hybrid), or the same with the rules only when {@code mode} is "rules". */
  public static dev.mizan.analysis.AnalyzerOptions options(String mode) {
    dev.mizan.analysis.AnalyzerOptions o = Settings.defaults().analyzerOptions();
    return "rules".equals(mode) ? o.rulesOnly() : o;
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

  /** Runs the benchmarks (JMH options on the command line, e.g. {@code -f 1 -wi 2 -i 3}) and prints the rates. */
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
    for (RunResult rr : results) {
      String name = rr.getParams().getBenchmark();
      String l = rr.getParams().getParam("lang");
      String mo = rr.getParams().getParam("mode");
      Batch b = batch(l);
      double ms = rr.getPrimaryResult().getScore();
      double err = rr.getPrimaryResult().getScoreError();
      double s = ms / 1000.0;
      System.out.printf(Locale.ROOT, "  %-10s lang=%s mode=%-6s %8.2f ms/batch (±%.2f)  %7.0f ns/sentence  %6.1f MB/s"
              + "  (batch: %d articles, %d sentences, %.2f MB UTF-8)%n",
          name.substring(name.lastIndexOf('.') + 1), l, mo, ms, err, s * 1e9 / b.sentences().size(),
          b.bytes() / 1e6 / s, b.articles().size(), b.sentences().size(), b.bytes() / 1e6);
    }
  }
}

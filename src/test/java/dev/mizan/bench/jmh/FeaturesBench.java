package dev.mizan.bench.jmh;

import dev.mizan.analysis.Analyzer;
import dev.mizan.lexicon.Sentence;
import dev.mizan.model.LinearTextModel;
import dev.mizan.model.RuleSignals;
import dev.mizan.model.TextFeatures;
import dev.mizan.model.TextFeaturesReference;
import java.time.LocalDate;
import java.util.List;
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

/**
 * The learned model's per-sentence cost, old against new in one run, on CoreBench's batch (40 generated articles of
 * the chosen language, every sentence): {@code featuresReference} = the original map-based feature extraction
 * (test-scope {@link TextFeaturesReference}: clean, tokenise, boxed maps, a String and a byte[] per n-gram);
 * {@code featuresNew} = {@link TextFeatures#vector} (clean, tokenise, primitive arrays); {@code featuresTokens} =
 * {@link TextFeatures#vectorOfTokens} given the scorer's {@code Sentence} words (what Analyzer does);
 * {@code inferenceHeads} = the two heads one after the other (before); {@code inferenceFused} =
 * {@link LinearTextModel#probabilities} (both heads in one pass); {@code scoringVector} = what the scorer did per
 * sentence before (vectorOfTokens, then both heads), {@code scoringForms} = what it does now (logits from per-word-form
 * memos, {@link LinearTextModel#probabilities(int, java.util.function.IntFunction, String, RuleSignals)}). One operation = the whole batch; run through
 * {@link CoreBench#main} ({@code jobs/jmh 'FeaturesBench|CoreBench.article' -f 1 -wi 3 -i 5}) for µs/sentence and
 * the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class FeaturesBench {
  @Param({"ar"})
  public String lang;

  LinearTextModel model;
  TextFeatures features;
  TextFeaturesReference reference;
  List<String> sentences;
  Sentence[] parsed;
  RuleSignals[] signals;
  TextFeatures.Vec[] vectors;

  @Setup(Level.Trial)
  public void setup() {
    CoreBench.Batch b = CoreBench.batch(lang, "hybrid");
    Analyzer a = b.analyzer();
    model = a.model();
    features = model.features();
    reference = new TextFeaturesReference(features.numFeatures(), features.charMin(), features.charMax(),
        features.wordMax(), features.ruleFeatures());
    sentences = b.sentences();
    int n = sentences.size();
    parsed = new Sentence[n];
    signals = new RuleSignals[n];
    vectors = new TextFeatures.Vec[n];
    LocalDate d = LocalDate.of(2025, 6, 1);
    for (int i = 0; i < n; i++) {
      String s = sentences.get(i);
      parsed[i] = new Sentence(s);
      signals[i] = a.ruleSignals(s, lang, d);
      vectors[i] = features.vector(s, lang, signals[i]);
    }
  }

  @Benchmark
  public void featuresReference(Blackhole bh) {
    for (int i = 0; i < parsed.length; i++) {
      bh.consume(reference.vector(sentences.get(i), lang, signals[i]));
    }
  }

  @Benchmark
  public void featuresNew(Blackhole bh) {
    for (int i = 0; i < parsed.length; i++) {
      bh.consume(features.vector(sentences.get(i), lang, signals[i]));
    }
  }

  @Benchmark
  public void featuresTokens(Blackhole bh) {
    for (int i = 0; i < parsed.length; i++) {
      bh.consume(features.vectorOfTokens(parsed[i].words, lang, signals[i]));
    }
  }

  /** The scorer's model step before this session: the feature vector of the Sentence words, then both heads. */
  @Benchmark
  public void scoringVector(Blackhole bh) {
    for (int i = 0; i < parsed.length; i++) {
      bh.consume(model.probabilities(features.vectorOfTokens(parsed[i].words, lang, signals[i])));
    }
  }

  /** The scorer's model step now: both heads' logits summed from per-word-form memos, no feature vector. */
  @Benchmark
  public void scoringForms(Blackhole bh) {
    for (int i = 0; i < parsed.length; i++) {
      Sentence s = parsed[i];
      bh.consume(model.probabilities(s.words.size(), s::form, lang, signals[i]));
    }
  }

  @Benchmark
  public void inferenceHeads(Blackhole bh) {
    LinearTextModel.Head stance = model.head(LinearTextModel.STANCE);
    LinearTextModel.Head quad = model.head(LinearTextModel.QUAD);
    for (TextFeatures.Vec x : vectors) {
      bh.consume(stance.probabilities(x));
      bh.consume(quad.probabilities(x));
    }
  }

  @Benchmark
  public void inferenceFused(Blackhole bh) {
    for (TextFeatures.Vec x : vectors) {
      bh.consume(model.probabilities(x));
    }
  }
}

package dev.mizan.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.bench.CorpusGenerator;
import dev.mizan.lexicon.Gazetteer;
import dev.mizan.lexicon.Sentence;
import dev.mizan.testutil.Paths;
import dev.mizan.text.Segmenter;
import dev.mizan.text.TextCleaner;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The primitive-array {@link TextFeatures} gives the same vectors as the original map-based implementation
 * ({@link TextFeaturesReference}, test scope): the same indices, in the same order, and the same values (to 1e-12;
 * only the order in which a family's L2 norm is summed differs). Inputs: sentences of generated articles in both
 * languages, raw (HTML leftovers, entities, tashkeel, tatweel) and cleaned, the repository's own labelled sentences
 * (src/sample, src/train), and hand-written edge cases (numbers, accents, emoji and other surrogate pairs, dotted
 * capitals, empty text), with seeded random rule signals.
 */
class TextFeaturesParityTest {
  /** Texts for the parity check (kept across tests: building them reads the gazetteer once). */
  static List<String[]> texts;

  @BeforeAll
  static void inputs() throws Exception {
    List<String[]> out = new ArrayList<>();
    CorpusGenerator g = new CorpusGenerator(new CorpusGenerator.Options(2026, 0.5, 0.5, LocalDate.of(2024, 1, 1),
        LocalDate.of(2025, 12, 31), 20), Gazetteer.load(List.of(), null));
    int generated = 0;
    for (long i = 0; generated < 1500; i++) {
      CorpusGenerator.Article a = g.article(i);
      out.add(new String[] {a.title(), a.lang()});
      // raw sentences (the features clean them) and cleaned ones (the scorer's path)
      String raw = a.body();
      for (Segmenter.Span sp : Segmenter.split(raw)) {
        out.add(new String[] {raw.substring(sp.start(), sp.end()), a.lang()});
        generated++;
      }
      String clean = TextCleaner.clean(raw);
      for (Segmenter.Span sp : Segmenter.split(clean)) {
        out.add(new String[] {clean.substring(sp.start(), sp.end()), a.lang()});
        generated++;
      }
    }
    ObjectMapper json = new ObjectMapper();
    Path base = Paths.basedir();
    for (String f : List.of("src/sample/devset.jsonl", "src/train/news-sentences.jsonl", "src/sample/articles.jsonl")) {
      try (BufferedReader r = Files.newBufferedReader(base.resolve(f), StandardCharsets.UTF_8)) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = json.readTree(line);
          String lang = n.path("lang").asText(null);
          for (String field : List.of("text", "title", "body")) {
            if (n.hasNonNull(field)) {
              out.add(new String[] {n.get(field).asText(), lang});
            }
          }
        }
      }
    }
    // edge cases written for this test
    for (String s : List.of("", " ", "x", "؟", "2025", "١٢ أيار ٢٠٢٥", "The U.S. and U.K. met on 3/4, 10:30 a.m.",
        "Café naïve Ünïcödé Erdoğan Türkiye", "flags 🇸🇦 and 😀 emoji 𝒜𝒷 between words", "a\uD800b lone surrogate",
        "وَزِيرُ الخارجيـــــة قالَ", "&lt;b&gt; &amp;nbsp; <p>tags</p> a < b", "al-Sisi’s talks; Xi's visit",
        "ABC123def ٣٤٥ab", "word word word word word word", "ـــ", "\u200Fالرياض\u200E-موسكو")) {
      out.add(new String[] {s, s.isEmpty() || s.charAt(0) < 128 ? "en" : "ar"});
    }
    texts = out;
    System.out.println("TextFeaturesParityTest: " + out.size() + " texts");
  }

  private static RuleSignals randomSignals(Random r) {
    if (r.nextInt(5) == 0) {
      return null;
    }
    return new RuleSignals(r.nextDouble() * 4, r.nextInt(3) == 0 ? 0 : r.nextDouble() * 4, r.nextInt(4), r.nextInt(3),
        r.nextInt(3), r.nextInt(6), r.nextInt(6), r.nextDouble() * 2 - 1, r.nextBoolean(), r.nextInt(5), r.nextBoolean(),
        r.nextBoolean());
  }

  private static void assertSame(TextFeatures.Vec expected, TextFeatures.Vec actual, String text) {
    assertThat(actual.indices()).as(text).containsExactly(expected.indices());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(Math.abs(actual.values()[i] - expected.values()[i])).as("%s: value at %d", text, expected.indices()[i])
          .isLessThan(1e-12);
    }
  }

  /** Every {@code step}-th text: the raw text through vector(), its cleaned form through vectorOfTokens(). */
  private static void checkParity(int numFeatures, int charMin, int charMax, int wordMax, boolean rules, int step) {
    TextFeaturesReference ref = new TextFeaturesReference(numFeatures, charMin, charMax, wordMax, rules);
    TextFeatures f = new TextFeatures(numFeatures, charMin, charMax, wordMax, rules);
    Random r = new Random(numFeatures + 31L * charMin + 7L * wordMax);
    long features = 0;
    int checked = 0;
    int nonIdempotent = 0;
    for (int i = 0; i < texts.size(); i += step) {
      String[] t = texts.get(i);
      RuleSignals sig = randomSignals(r);
      TextFeatures.Vec expected = ref.vector(t[0], t[1], sig);
      assertSame(expected, f.vector(t[0], t[1], sig), t[0]);
      // the scorer's path: the Sentence tokens of the cleaned text, words only or all tokens
      String clean = TextCleaner.clean(t[0]);
      Sentence s = new Sentence(clean);
      assertSame(expected, f.vectorOfTokens(s.words, t[1], sig), clean);
      assertSame(expected, f.vectorOfTokens(s.tokens(), t[1], sig), clean);
      if (!clean.equals(TextCleaner.clean(clean))) {
        // cleaning is not idempotent ("&amp;lt;" → "&lt;" → "<"): Analyzer then calls vector() on the sentence
        assertSame(ref.vector(clean, t[1], sig), f.vector(clean, t[1], sig), clean);
        nonIdempotent++;
      }
      features += expected.size();
      checked++;
    }
    assertThat(checked).isGreaterThan(texts.size() / step - 1);
    if (step == 1) {
      assertThat(nonIdempotent).as("texts whose cleaned form cleans further").isPositive();
    }
    assertThat(features).as("features over the texts").isGreaterThan(20L * checked);
  }

  @Test
  void theInputsAreVariedAndNumerous() {
    long arabic = texts.stream().filter(t -> "ar".equals(t[1])).count();
    long english = texts.stream().filter(t -> "en".equals(t[1])).count();
    assertThat(texts.size()).isGreaterThanOrEqualTo(2000);
    assertThat(arabic).isGreaterThan(1000);
    assertThat(english).isGreaterThan(1000);
    assertThat(texts.stream().anyMatch(t -> t[0].contains("&") || t[0].contains("<"))).as("raw feed text").isTrue();
  }

  @Test
  void sameVectorsAsTheReferenceWithTheBundledModelsParameters() {
    TextFeatures bundled = LinearTextModel.loadDefault().features();
    checkParity(bundled.numFeatures(), bundled.charMin(), bundled.charMax(), bundled.wordMax(), bundled.ruleFeatures(),
        1);
  }

  @Test
  void sameVectorsInASmallSpaceWhereFamiliesCollideAndWithUnigramsAndTrigrams() {
    // 1,024 slots: character and word n-grams often share an index (their values are summed)
    checkParity(1024, 1, 3, 3, false, 3);
    checkParity(1 << 12, 3, 8, 1, true, 5);
  }

  @Test
  void sameVectorsWithOneFamilyOff() {
    checkParity(1 << 16, 2, 4, 0, true, 5);
    checkParity(1 << 16, 0, 0, 2, false, 3);
  }

  @Test
  void bothHeadsInOnePassAreBitIdenticalToEachHeadAlone() {
    LinearTextModel m = LinearTextModel.loadDefault();
    Random r = new Random(5);
    for (String[] t : texts) {
      TextFeatures.Vec x = m.features().vector(t[0], t[1], randomSignals(r));
      double[][] p = m.probabilities(x);
      for (int h = 0; h < m.heads().size(); h++) {
        assertThat(p[h]).as(t[0]).containsExactly(m.heads().get(h).probabilities(x));
      }
    }
    assertThat(m.headIndex(LinearTextModel.STANCE)).isEqualTo(m.heads().indexOf(m.head(LinearTextModel.STANCE)));
    assertThat(m.headIndex("none")).isEqualTo(-1);
  }

  @Test
  void oneInstanceSharedByThreadsGivesTheSameVectors() throws Exception {
    TextFeatures f = LinearTextModel.loadDefault().features();
    TextFeaturesReference ref = new TextFeaturesReference(f.numFeatures(), f.charMin(), f.charMax(), f.wordMax(),
        f.ruleFeatures());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int start = w;
        jobs.add(pool.submit(() -> {
          for (int i = start; i < texts.size(); i += 8) {
            String[] t = texts.get(i);
            assertSame(ref.vector(t[0], t[1], RuleSignals.NONE), f.vector(t[0], t[1], RuleSignals.NONE), t[0]);
          }
          return null;
        }));
      }
      for (Future<?> j : jobs) {
        j.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The scorer's inference path ({@link LinearTextModel#probabilities(int, java.util.function.IntFunction, String,
   * RuleSignals)}: logits summed from per-word memos, no feature vector) against the vector path
   * ({@code probabilities(vectorOfTokens(...))}): every probability within 1e-9, every text, twice (the second time from
   * the memos), for the bundled model and for random models whose feature spaces collide, whose classes make another
   * stride than 8, with one family off.
   */
  @Test
  void probabilitiesFromTheWordFormsEqualThoseOfTheFeatureVector() {
    double worst = worstDifference(LinearTextModel.loadDefault(), 1);
    assertThat(worst).as("largest difference, bundled model").isLessThan(1e-9);
    Random r = new Random(17);
    for (TextFeatures f : List.of(new TextFeatures(1024, 1, 3, 3, false), new TextFeatures(1 << 12, 3, 8, 1, true),
        new TextFeatures(1 << 16, 2, 4, 0, true), new TextFeatures(1 << 16, 0, 0, 2, false))) {
      LinearTextModel m = new LinearTextModel(f, "random", List.of(randomHead("a", 4, f, r), randomHead("b", 3, f, r)));
      assertThat(worstDifference(m, 3)).as("largest difference, %d features", f.numFeatures()).isLessThan(1e-9);
    }
  }

  /**
   * A unit whose n-grams repeat far more than news sentences do (one word 150 times, another 70, between others; and
   * many distinct words): the repeat counts pass the sublinear weight's table (t ≥ 64) and the repeat table grows; the
   * word-form path still gives the feature vector's probabilities.
   */
  @Test
  void heavilyRepeatedUnitsFromTheWordFormsEqualThoseOfTheFeatureVector() {
    LinearTextModel m = LinearTextModel.loadDefault();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      sb.append(i % 2 == 0 ? "سلام " : "مفاوضات ").append(i % 3 == 0 ? "talks " : "");
    }
    for (int i = 0; i < 400; i++) {
      sb.append("كلمة").append(Integer.toString(i, 7).replace('0', 'ب').replace('1', 'ت').replace('2', 'ث')
          .replace('3', 'ج').replace('4', 'ح').replace('5', 'خ').replace('6', 'د')).append(' ');
    }
    Random r = new Random(5);
    for (String text : List.of(sb.toString(), "سلام ".repeat(200), "talks, talks and talks ".repeat(40))) {
      Sentence s = new Sentence(TextCleaner.clean(text));
      RuleSignals sig = randomSignals(r);
      for (int pass = 0; pass < 2; pass++) {
        double[][] expected = m.probabilities(m.features().vectorOfTokens(s.words, "ar", sig));
        double[][] actual = m.probabilities(s.words.size(), s::form, "ar", sig);
        for (int h = 0; h < expected.length; h++) {
          for (int c = 0; c < expected[h].length; c++) {
            assertThat(Math.abs(actual[h][c] - expected[h][c])).as("head %d class %d", h, c).isLessThan(1e-9);
          }
        }
      }
    }
  }

  /** The sublinear term weight's table holds exactly what Math.log gives at every count, and so does its fallback. */
  @Test
  void theSublinearWeightIsOnePlusTheLogOfTheCount() {
    for (int t = 1; t <= 300; t++) {
      assertThat(TextFeatures.sublinear(t)).as("t = %d", t).isEqualTo(1 + Math.log(t));
    }
  }

  private static LinearTextModel.Head randomHead(String name, int k, TextFeatures f, Random r) {
    float[] w = new float[f.numFeatures() * k];
    for (int i = 0; i < w.length; i++) {
      w[i] = (float) (r.nextGaussian() * 2);
    }
    double[] b = new double[k];
    List<String> classes = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      b[c] = r.nextGaussian();
      classes.add(name + c);
    }
    return new LinearTextModel.Head(name, classes, 0.5 + r.nextDouble(), b, w);
  }

  private static double worstDifference(LinearTextModel m, int step) {
    Random r = new Random(3);
    double worst = 0;
    int checked = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int i = 0; i < texts.size(); i += step) {
        String[] t = texts.get(i);
        RuleSignals sig = randomSignals(r);
        Sentence s = new Sentence(TextCleaner.clean(t[0]));
        double[][] expected = m.probabilities(m.features().vectorOfTokens(s.words, t[1], sig));
        double[][] actual = m.probabilities(s.words.size(), s::form, t[1], sig);
        assertThat(actual.length).isEqualTo(expected.length);
        for (int h = 0; h < expected.length; h++) {
          assertThat(actual[h]).hasSameSizeAs(expected[h]);
          for (int c = 0; c < expected[h].length; c++) {
            double d = Math.abs(actual[h][c] - expected[h][c]);
            assertThat(d).as("%s: head %d class %d", t[0], h, c).isLessThan(1e-9);
            worst = Math.max(worst, d);
          }
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(2 * (texts.size() / step - 1));
    System.out.printf("TextFeaturesParityTest: %s, %d features: largest probability difference %.3g%n",
        m.description(), m.features().numFeatures(), worst);
    return worst;
  }
}

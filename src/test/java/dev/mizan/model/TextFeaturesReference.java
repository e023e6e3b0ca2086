package dev.mizan.model;

import dev.mizan.lexicon.Stems;
import dev.mizan.text.ArabicClitics;
import dev.mizan.text.TextCleaner;
import dev.mizan.text.Token;
import dev.mizan.text.Tokenizer;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-scope reference: the original, map-based {@link TextFeatures} (as shipped with the default model, before the
 * primitive-array rewrite), kept verbatim in its logic so that {@code TextFeaturesParityTest} and {@code FeaturesBench}
 * can compare the production implementation with it. Do not optimise this class: it is the definition.
 *
 * <p>Families (c: character n-grams of padded word tokens, w: word n-grams over light stems, rule slots 0..15), each
 * sublinear in tf and L2-normalised on its own; MurmurHash3 x86_32 of the UTF-8 of {@code ns + ':' + gram}.
 */
public final class TextFeaturesReference implements Serializable {
  private static final long serialVersionUID = 1L;
  /** Indices below this are reserved for the rule features (zero when those are off). */
  public static final int RULE_SLOTS = 16;
  /** MurmurHash3 seed. */
  public static final int SEED = 0x4d5a4e31;

  private final int numFeatures;
  private final int charMin;
  private final int charMax;
  private final int wordMax;
  private final boolean ruleFeatures;

  /**
   * @throws IllegalArgumentException naming the parameter when a value is out of range
   */
  public TextFeaturesReference(int numFeatures, int charMin, int charMax, int wordMax, boolean ruleFeatures) {
    if (numFeatures < 1024 || Integer.bitCount(numFeatures) != 1) {
      throw new IllegalArgumentException("numFeatures = " + numFeatures + ": expected a power of two >= 1024");
    }
    if (charMax != 0 && (charMin < 1 || charMax < charMin || charMax > 8)) {
      throw new IllegalArgumentException("charNgramMin/Max = " + charMin + ".." + charMax
          + ": expected 1 <= min <= max <= 8 (or max = 0: no character n-grams)");
    }
    if (wordMax < 0 || wordMax > 3) {
      throw new IllegalArgumentException("wordNgramMax = " + wordMax + ": expected 0..3 (0 = no word features)");
    }
    this.numFeatures = numFeatures;
    this.charMin = charMin;
    this.charMax = charMax;
    this.wordMax = wordMax;
    this.ruleFeatures = ruleFeatures;
  }

  public int numFeatures() {
    return numFeatures;
  }

  public int charMin() {
    return charMin;
  }

  public int charMax() {
    return charMax;
  }

  public int wordMax() {
    return wordMax;
  }

  public boolean ruleFeatures() {
    return ruleFeatures;
  }

  /** Names of the reserved rule slots, by index. */
  public static List<String> ruleSlotNames() {
    return List.of("cooperative_weight", "conflictual_weight", "negators", "denials", "reducers", "material_cues",
        "verbal_cues", "score_positive", "score_negative", "has_dyad", "countries", "quote", "speaker", "lang_ar",
        "lang_en", "unused");
  }

  /** The features of one unit. {@code lang} "ar"/"en"/other (nullable); {@code signals} ignored when rule features are off. */
  public TextFeatures.Vec vector(String text, String lang, RuleSignals signals) {
    List<Token> tokens = Tokenizer.tokenize(text == null ? "" : TextCleaner.clean(text));
    Map<Integer, Double> out = new HashMap<>();
    if (charMax > 0) {
      addFamily(out, charGrams(tokens));
    }
    if (wordMax > 0) {
      addFamily(out, wordGrams(tokens));
    }
    if (ruleFeatures) {
      double[] r = ruleValues(signals == null ? RuleSignals.NONE : signals, lang);
      for (int k = 0; k < r.length; k++) {
        if (r[k] != 0) {
          out.put(k, r[k]);
        }
      }
    }
    int[] idx = new int[out.size()];
    int n = 0;
    for (int k : out.keySet()) {
      idx[n++] = k;
    }
    Arrays.sort(idx);
    double[] val = new double[idx.length];
    for (int k = 0; k < idx.length; k++) {
      val[k] = out.get(idx[k]);
    }
    return new TextFeatures.Vec(idx, val);
  }

  /** The rule slot values (length {@value #RULE_SLOTS}), each in [0, 1]. */
  static double[] ruleValues(RuleSignals s, String lang) {
    double[] r = new double[RULE_SLOTS];
    r[0] = Math.min(s.cooperativeWeight(), 3.0) / 3.0;
    r[1] = Math.min(s.conflictualWeight(), 3.0) / 3.0;
    r[2] = Math.min(s.negators(), 3) / 3.0;
    r[3] = Math.min(s.denials(), 3) / 3.0;
    r[4] = Math.min(s.reducers(), 3) / 3.0;
    r[5] = Math.min(s.materialCues(), 4) / 4.0;
    r[6] = Math.min(s.verbalCues(), 4) / 4.0;
    r[7] = Math.max(0, s.ruleScore());
    r[8] = Math.max(0, -s.ruleScore());
    r[9] = s.hasDyad() ? 1 : 0;
    r[10] = Math.min(s.countries(), 4) / 4.0;
    r[11] = s.quote() ? 1 : 0;
    r[12] = s.speaker() ? 1 : 0;
    r[13] = "ar".equals(lang) ? 1 : 0;
    r[14] = "en".equals(lang) ? 1 : 0;
    return r;
  }

  /** Character n-gram counts (namespace c), keyed by index. */
  Map<Integer, Integer> charGrams(List<Token> tokens) {
    Map<Integer, Integer> counts = new HashMap<>();
    StringBuilder sb = new StringBuilder();
    for (Token t : tokens) {
      if (!t.isWord()) {
        continue;
      }
      sb.setLength(0);
      sb.append(' ');
      String w = t.kind() == Token.Kind.NUMBER ? digitsToZero(t.norm()) : t.norm();
      sb.append(w).append(' ');
      String padded = sb.toString();
      for (int n = charMin; n <= charMax; n++) {
        for (int i = 0; i + n <= padded.length(); i++) {
          if (n == 1 && padded.charAt(i) == ' ') {
            continue;
          }
          counts.merge(index("c", padded.substring(i, i + n)), 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  /** Word n-gram counts over light stems (namespace w), keyed by index. */
  Map<Integer, Integer> wordGrams(List<Token> tokens) {
    List<String> stems = new ArrayList<>();
    for (Token t : tokens) {
      if (t.isWord()) {
        stems.add(stem(t));
      }
    }
    Map<Integer, Integer> counts = new HashMap<>();
    for (int n = 1; n <= wordMax; n++) {
      for (int i = 0; i + n <= stems.size(); i++) {
        String g = n == 1 ? stems.get(i) : String.join(" ", stems.subList(i, i + n));
        counts.merge(index("w", g), 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The word form used by the word family. */
  static String stem(Token t) {
    return switch (t.kind()) {
      case ARABIC -> {
        String s = Stems.arabicStem(ArabicClitics.stripArticle(t.norm()));
        yield s.isEmpty() ? t.norm() : s;
      }
      case NUMBER -> "0";
      default -> t.norm();
    };
  }

  private static String digitsToZero(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= '0' && c <= '9' ? '0' : c);
    }
    return sb.toString();
  }

  /** Sublinear tf, L2 within the family, added into {@code out}. */
  private static void addFamily(Map<Integer, Double> out, Map<Integer, Integer> counts) {
    if (counts.isEmpty()) {
      return;
    }
    double norm = 0;
    Map<Integer, Double> w = new HashMap<>(counts.size() * 2);
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      double v = 1 + Math.log(e.getValue());
      w.put(e.getKey(), v);
      norm += v * v;
    }
    double inv = 1 / Math.sqrt(norm);
    for (Map.Entry<Integer, Double> e : w.entrySet()) {
      out.merge(e.getKey(), e.getValue() * inv, Double::sum);
    }
  }

  /** The index of {@code gram} in namespace {@code ns}. */
  public int index(String ns, String gram) {
    int h = murmur3((ns + ":" + gram).getBytes(StandardCharsets.UTF_8), SEED);
    return RULE_SLOTS + Math.floorMod(h, numFeatures - RULE_SLOTS);
  }

  /** MurmurHash3 x86_32 of {@code data}. */
  public static int murmur3(byte[] data, int seed) {
    final int c1 = 0xcc9e2d51;
    final int c2 = 0x1b873593;
    int h1 = seed;
    int len = data.length;
    int nblocks = len / 4;
    for (int i = 0; i < nblocks; i++) {
      int k = i * 4;
      int k1 = (data[k] & 0xff) | ((data[k + 1] & 0xff) << 8) | ((data[k + 2] & 0xff) << 16) | (data[k + 3] << 24);
      k1 *= c1;
      k1 = Integer.rotateLeft(k1, 15);
      k1 *= c2;
      h1 ^= k1;
      h1 = Integer.rotateLeft(h1, 13);
      h1 = h1 * 5 + 0xe6546b64;
    }
    int tail = nblocks * 4;
    int k1 = 0;
    switch (len & 3) {
      case 3:
        k1 ^= (data[tail + 2] & 0xff) << 16;
      // fall through
      case 2:
        k1 ^= (data[tail + 1] & 0xff) << 8;
      // fall through
      case 1:
        k1 ^= data[tail] & 0xff;
        k1 *= c1;
        k1 = Integer.rotateLeft(k1, 15);
        k1 *= c2;
        h1 ^= k1;
        break;
      default:
        break;
    }
    h1 ^= len;
    h1 ^= h1 >>> 16;
    h1 *= 0x85ebca6b;
    h1 ^= h1 >>> 13;
    h1 *= 0xc2b2ae35;
    h1 ^= h1 >>> 16;
    return h1;
  }
}

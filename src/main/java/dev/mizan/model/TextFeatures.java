package dev.mizan.model;

import dev.mizan.lexicon.Stems;
import dev.mizan.text.ArabicClitics;
import dev.mizan.text.TextCleaner;
import dev.mizan.text.Token;
import dev.mizan.text.Tokenizer;
import dev.mizan.text.WordForm;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Text unit → sparse hashed feature vector in a space of {@code numFeatures} (a power of two). Pure Java, no Spark;
 * the same code featurises at training time (MizanFeaturizer: {@link #vector}) and at scoring time (Analyzer via
 * LinearTextModel: {@link #addLinear}, the same vector's dot products with the weights, summed from per-word memos).
 *
 * <p>Families, each hashed in its own namespace (the namespace letter is part of the hashed key), each
 * sublinear in term frequency (1 + ln tf) and L2-normalised on its own:
 * <ul>
 *   <li><b>c</b>: character n-grams, {@code charMin..charMax}, of every word token padded with one space on each
 *       side (" قمه " → " ق", "قم", …). Tokens are normalised exactly as the rule scorer sees them: the text is
 *       cleaned by {@link TextCleaner}, tokenised by {@link Tokenizer} (Arabic through {@code ArabicNormalizer},
 *       Latin lower-cased); digits read as 0.</li>
 *   <li><b>w</b>: word n-grams, 1..{@code wordMax}, over light stems: Arabic tokens lose the article
 *       ({@link ArabicClitics#stripArticle}) then go through Lucene's light stemmer ({@link Stems}); Latin tokens are
 *       their normalised form; numbers are "0". Punctuation breaks no n-gram (it is skipped).</li>
 *   <li><b>rule</b> (when {@code ruleFeatures}): the rule reading at the reserved indices 0..{@value #RULE_SLOTS}−1
 *       (see {@link #ruleSlotNames()}), every value in [0, 1], so that the vector stays non-negative (naive Bayes).</li>
 * </ul>
 * Hashing: MurmurHash3 x86_32 (seed {@value #SEED}) of the UTF-8 bytes of {@code namespace + ':' + gram}, reduced
 * into [{@value #RULE_SLOTS}, numFeatures). Never {@code String.hashCode}: the index of a gram must not depend on the
 * JVM.
 */
public final class TextFeatures implements Serializable {
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

  /** A sparse vector: strictly increasing indices, their values. */
  public record Vec(int[] indices, double[] values) {
    public int size() {
      return indices.length;
    }
  }

  /**
   * @throws IllegalArgumentException naming the parameter when a value is out of range
   */
  public TextFeatures(int numFeatures, int charMin, int charMax, int wordMax, boolean ruleFeatures) {
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
    modConstants();
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
  public Vec vector(String text, String lang, RuleSignals signals) {
    return vectorOfTokens(Tokenizer.tokenize(text == null ? "" : TextCleaner.clean(text)), lang, signals);
  }

  /**
   * The features of a unit already tokenised: {@code tokens} must be {@code Tokenizer.tokenize(TextCleaner.clean(text))}
   * or its word tokens only (punctuation is skipped), e.g. the scorer's {@code Sentence.words} when cleaning leaves the
   * sentence unchanged. Same result as {@link #vector(String, String, RuleSignals)}.
   *
   * <p>Hot path (runs on every stored sentence in hybrid/model mode): the hashed index of every n-gram is counted in
   * reused per-thread arrays (no maps, no boxing, no sort: a bitmap gives the touched indices back in index order, both
   * families in one pass); n-grams are hashed from UTF-8 bytes encoded once per token (no substring, no
   * concatenation); each token's character n-gram indices, light stem and unigram index are memoised per thread. The
   * buffers are per thread, so one instance may be shared by the tasks of an executor.
   */
  public Vec vectorOfTokens(List<Token> tokens, String lang, RuleSignals signals) {
    try {
      return vectorOf(tokens, lang, signals);
    } catch (RuntimeException | Error e) {
      SCRATCH.remove(); // never leave half-counted n-grams for this thread's next unit
      throw e;
    }
  }

  private Vec vectorOf(List<Token> tokens, String lang, RuleSignals signals) {
    Scratch sc = SCRATCH.get();
    sc.owner(this);
    Grams g = sc.counts.ready(numFeatures);
    if (charMax > 0) {
      charGrams(tokens, sc, g);
    }
    if (wordMax > 0) {
      wordGrams(tokens, sc, g, charMax > 0);
    }
    double[] r = ruleFeatures ? ruleValues(signals == null ? RuleSignals.NONE : signals, lang) : null;
    int nr = 0;
    if (r != null) {
      for (double x : r) {
        if (x != 0) {
          nr++;
        }
      }
    }
    // rule slots (indices < RULE_SLOTS) first, then the hashed indices in increasing order
    int u = g.tally();
    int[] idx = new int[nr + u];
    double[] val = new double[idx.length];
    int n = 0;
    if (r != null) {
      for (int k = 0; k < r.length; k++) {
        if (r[k] != 0) {
          idx[n] = k;
          val[n++] = r[k];
        }
      }
    }
    g.values(idx, val, n);
    return new Vec(idx, val);
  }

  /**
   * Adds {@code W·x} to {@code z[0, stride)}, where x is this unit's feature vector ({@link #vectorOfTokens} of its
   * word tokens) and W the feature-major weights {@code w[i * stride + c]}, without materialising x. The unit is given
   * by its word forms: {@code forms.apply(k)} for k in [0, {@code words}) (a {@code Sentence}'s {@code form(k)}, whose
   * {@code words} are the word tokens of the cleaned text).
   *
   * <p>Why it is the same sum: a family's value at index i is {@code f(tf_i) / ‖f(tf)‖} with f(1) = 1 and
   * f(t) = 1 + ln t, so {@code Σ_i f(tf_i) W_i = Σ_occurrences W_i + Σ_{tf_i ≥ 2} (f(tf_i) − tf_i) W_i} and
   * {@code ‖f(tf)‖² = #{tf_i = 1} + Σ_{tf_i ≥ 2} f(tf_i)²}. The first sum is memoised per word form (its character
   * n-grams' summed weights, its unigram's weights: {@code owner} keys the memo, one per weight matrix), so a word costs
   * one memo read and one bit test per n-gram (a per-thread bitmap over the index space finds the indices seen twice);
   * only those indices and the word bigrams read W. Equal to {@code Σ_j x.values[j] W[x.indices[j]]} up to the order of
   * the floating-point additions (differences of order 1e-16 relative).
   */
  public void addLinear(int words, IntFunction<WordForm> forms, String lang, RuleSignals signals, Object owner,
      float[] w, int stride, double[] z) {
    Scratch sc = SCRATCH.get();
    try {
      linear(words, forms, lang, signals, owner, w, stride, z, sc);
    } catch (RuntimeException | Error e) {
      SCRATCH.remove(); // never leave a half-set bitmap for this thread's next unit
      throw e;
    }
  }

  private void linear(int words, IntFunction<WordForm> forms, String lang, RuleSignals signals, Object owner, float[] w,
      int stride, double[] z, Scratch sc) {
    if (ruleFeatures) {
      double[] r = ruleValues(signals == null ? RuleSignals.NONE : signals, lang, sc.ruleValues);
      for (int k = 0; k < r.length; k++) {
        if (r[k] != 0) {
          double v = r[k];
          int base = k * stride;
          for (int c = 0; c < stride; c++) {
            z[c] += v * w[base + c];
          }
        }
      }
    }
    if (words == 0 || (charMax == 0 && wordMax == 0)) {
      return;
    }
    int half = numFeatures >>> 6;
    long[] seen = sc.seen(2 * half); // char family in [0, half), word family in [half, 2 half)
    int[] dirty = sc.dirty(1); // the bitmap words set in this unit
    int nd = 0;
    double[] zc = sc.sumC(stride);
    double[] zw = sc.sumW(stride);
    int[][] ms = sc.linearMemos(words);
    int[] rep = sc.rep;
    int nr = 0; // char n-gram occurrences whose index was already seen in this unit
    int nC = 0;
    // first every word's memo, in a loop of little else, so that the cache misses of fetching them overlap
    for (int k = 0; k < words; k++) {
      WordForm f = forms.apply(k);
      Object o = f.memo(owner); // the usual hit, here, not behind a call to the memo's (large) constructing method
      ms[k] = o != null ? (int[]) o : linearMemo(f, owner, w, stride, sc);
    }
    int[] wids = sc.wids(wordMax * words);
    int nw = 0;
    // each word's summed weights: its character n-grams' (char family), its unigram's (word family)
    for (int k = 0; k < words; k++) {
      int[] m = ms[k];
      nC += m[M_NGRAMS];
      for (int c = 0, p = M_SUMS; c < stride; c++, p += 2) {
        zc[c] += memoDouble(m, p);
      }
      if (wordMax > 0) {
        wids[nw++] = m[M_UNIGRAM];
        for (int c = 0, p = M_SUMS + 2 * stride; c < stride; c++, p++) {
          zw[c] += Float.intBitsToFloat(m[p]);
        }
      }
    }
    int grams = M_SUMS + 3 * stride; // where each memo's n-gram indices start
    // the char n-gram indices against the bitmap, without a branch (whether an index repeats is unpredictable): every
    // index is written at rep[nr] and kept (nr advanced) only when its bit was set already; each bitmap word set
    // first is listed in dirty (cleared at the end)
    rep = sc.rep = Scratch.fit(rep, nC + 1);
    dirty = sc.dirty(nC + 2 * wordMax * words + 1);
    for (int k = 0; k < words; k++) {
      int[] m = ms[k];
      for (int q = grams, end = grams + m[M_NGRAMS]; q < end; q++) {
        int x = m[q];
        int wi = x >>> 6;
        long cur = seen[wi];
        seen[wi] = cur | (1L << x);
        rep[nr] = x;
        nr += (int) (cur >>> x) & 1;
        dirty[nd] = wi;
        nd += (int) ((cur - 1) >>> 63); // 1 when this word of the bitmap was clear
      }
    }
    // the word family: unigrams from the memo (above), n-grams (n ≥ 2) over the stems hashed here
    if (wordMax > 0) {
      if (wordMax >= 2) {
        // bigrams: the hash continues from the first word's memoised prefix state ("w:" + stem + " ")
        for (int i = 0; i + 2 <= words; i++) {
          wids[nw++] = reduce(bigramHash(ms[i], ms[i + 1], stride));
        }
      }
      for (int n = 3; n <= wordMax; n++) {
        for (int i = 0; i + n <= words; i++) {
          int len = 2 + n - 1;
          for (int j = i; j < i + n; j++) {
            len += ms[j][M_STEM];
          }
          byte[] key = sc.key(len);
          key[0] = 'w';
          key[1] = ':';
          int o = 2;
          for (int j = i; j < i + n; j++) {
            if (j > i) {
              key[o++] = ' ';
            }
            int[] m = ms[j];
            int sl = m[M_STEM];
            for (int b = 0, q = grams + m[M_NGRAMS]; b < sl; b++) {
              key[o + b] = (byte) (m[q + (b >>> 2)] >>> ((b & 3) << 3));
            }
            o += sl;
          }
          wids[nw++] = reduce(murmur3(key, 0, len, SEED));
        }
      }
      // their weights in a loop of loads only, so that the cache misses overlap
      for (int j = words; j < nw; j++) {
        int base = wids[j] * stride;
        for (int c = 0; c < stride; c++) {
          zw[c] += w[base + c];
        }
      }
    }
    int rw = nw; // repeated word n-gram indices go to wids[rw, …), branch-free as above
    wids = sc.wids(2 * nw + 1);
    for (int j = 0; j < nw; j++) {
      int x = wids[j];
      int wi = half + (x >>> 6);
      long cur = seen[wi];
      seen[wi] = cur | (1L << x);
      wids[rw] = x;
      rw += (int) (cur >>> x) & 1;
      dirty[nd] = wi;
      nd += (int) ((cur - 1) >>> 63);
    }
    for (int j = 0; j < nd; j++) {
      seen[dirty[j]] = 0;
    }
    Arrays.fill(ms, 0, words, null);
    double invC = repeats(rep, 0, nr, nC, w, stride, zc, sc);
    double invW = repeats(wids, nw, rw, nw, w, stride, zw, sc);
    for (int c = 0; c < stride; c++) {
      z[c] += invC * zc[c] + invW * zw[c];
      zc[c] = 0;
      zw[c] = 0;
    }
  }

  /**
   * A family's repeated indices {@code a[from, to)} (each occurrence after an index's first): adds {@code (f(tf) − tf) W}
   * of each to {@code sum}; returns 1 / the family's L2 norm given its {@code total} occurrences (0 when none).
   * Counts in {@code sc}'s small repeat table (empty before and after); overwrites {@code a[from, to)}.
   */
  private static double repeats(int[] a, int from, int to, int total, float[] w, int stride, double[] sum, Scratch sc) {
    if (total == 0) {
      return 0;
    }
    // count the repeats in a small open-addressing table (index -> count; 0 = empty slot, as no hashed index is 0),
    // so that they stay in L1 instead of touching a table over the whole index space; slots[j] = the slot of the j-th
    // distinct repeated index, in order of first appearance (the order of the additions below)
    int cap = Integer.highestOneBit(Math.max(8, to - from) * 2) << 1;
    int shift = 32 - Integer.numberOfTrailingZeros(cap);
    int[] keys = sc.hkeys(cap);
    int[] cnt = sc.hcnt;
    int[] slots = sc.hslots(to - from);
    int mask = cap - 1;
    int end = from; // the distinct repeated indices, compacted in place
    for (int i = from; i < to; i++) {
      int x = a[i];
      int h = (x * 0x9E3779B9) >>> shift;
      while (true) {
        int k = keys[h];
        if (k == x) {
          cnt[h]++;
          break;
        }
        if (k == 0) {
          keys[h] = x;
          cnt[h] = 1;
          slots[end - from] = h;
          a[end++] = x;
          break;
        }
        h = (h + 1) & mask;
      }
    }
    double norm = 0;
    int single = total; // occurrences of indices seen once
    for (int i = from; i < end; i++) {
      int x = a[i];
      int h = slots[i - from];
      int t = cnt[h] + 1;
      keys[h] = 0;
      single -= t;
      double f = sublinear(t);
      norm += f * f;
      double d = f - t;
      int base = x * stride;
      for (int c = 0; c < stride; c++) {
        sum[c] += d * w[base + c];
      }
    }
    return 1 / Math.sqrt(single + norm);
  }

  /**
   * What {@link #addLinear} keeps per word form and weight matrix, in one int array (one object, contiguous, so a
   * word costs few cache lines; what every word reads first): {@code [M_NGRAMS]} = G, the number of its character
   * n-gram occurrences; {@code [M_UNIGRAM]} its word unigram index; {@code [M_STEM]} the UTF-8 length of its
   * word-family form; the bigram prefix state ({@code M_PREFIX_*}); from {@code M_SUMS} stride doubles (each as two
   * ints, low half first): the n-grams' weights summed per class; then the unigram's stride float weights (as their
   * bits: exact, they are the float weights themselves); then its G n-gram indices in order; then the word-family
   * form's UTF-8, four bytes per int, little-endian.
   */
  private static final int M_NGRAMS = 0;
  private static final int M_UNIGRAM = 1;
  private static final int M_STEM = 2;
  /**
   * MurmurHash3 of a word bigram's key {@code "w:" + stem + " " + next stem} over its first bytes, the prefix
   * {@code "w:" + stem + " "} being this form's: [M_PREFIX_HASH] = h1 after the prefix's whole 4-byte blocks (seed
   * {@link #SEED}), [M_PREFIX_TAIL] = its 0..3 remaining bytes (little-endian, low 24 bits) and their count (high 8).
   */
  private static final int M_PREFIX_HASH = 3;
  private static final int M_PREFIX_TAIL = 4;
  private static final int M_SUMS = 5;

  /**
   * {@code murmur3("w:" + a's stem + " " + b's stem, SEED)} from a's prefix state and b's packed stem bytes (the same
   * value as hashing the assembled key: the blocks of the key after the prefix's are b's bytes shifted behind the
   * prefix's tail; the packed stem is zero past its length, as the tail of a key is).
   */
  private static int bigramHash(int[] a, int[] b, int stride) {
    int h1 = a[M_PREFIX_HASH];
    int tailWord = a[M_PREFIX_TAIL];
    int tl = tailWord >>> 24;
    int carry = tailWord & 0xFFFFFF;
    int lenB = b[M_STEM];
    int q = M_SUMS + 3 * stride + b[M_NGRAMS]; // b's packed stem
    int nB = (lenB + 3) >>> 2;
    int total = tl + lenB;
    int nblocks = total >>> 2;
    int sh = tl << 3;
    for (int j = 0; j < nblocks; j++) {
      int w = j < nB ? b[q + j] : 0;
      int k1 = sh == 0 ? w : carry | (w << sh);
      carry = sh == 0 ? 0 : w >>> (32 - sh);
      h1 = mixBlock(h1, k1);
    }
    if ((total & 3) != 0) {
      int w = nblocks < nB ? b[q + nblocks] : 0;
      h1 ^= mixK1(sh == 0 ? w : carry | (w << sh)); // zero above the last byte
    }
    return fmix(h1, 2 + a[M_STEM] + 1 + lenB);
  }

  private static double memoDouble(int[] m, int i) {
    return Double.longBitsToDouble((m[i] & 0xFFFFFFFFL) | ((long) m[i + 1] << 32));
  }

  /** Makes and memoises {@code f}'s memo for {@code owner} (addLinear reads an existing one itself). */
  private int[] linearMemo(WordForm f, Object owner, float[] w, int stride, Scratch sc) {
    boolean number = f.kind == Token.Kind.NUMBER;
    sc.ngrams = 0;
    if (charMax > 0) {
      tokenGrams(f.norm, number, sc);
    }
    int ng = sc.ngrams;
    byte[] stem = NO_BYTES;
    int unigram = 0;
    if (wordMax > 0) {
      String form = number ? "0" : f.kind == Token.Kind.ARABIC ? arabicStem(f.norm) : f.norm;
      stem = form.getBytes(StandardCharsets.UTF_8);
      unigram = index("w", form);
    }
    int grams = M_SUMS + 3 * stride;
    int[] m = new int[grams + ng + (stem.length + 3) / 4];
    m[M_NGRAMS] = ng;
    m[M_UNIGRAM] = unigram;
    m[M_STEM] = stem.length;
    if (wordMax >= 2) {
      int lp = 2 + stem.length + 1; // "w:" + stem + " "
      byte[] prefix = sc.key(lp);
      prefix[0] = 'w';
      prefix[1] = ':';
      System.arraycopy(stem, 0, prefix, 2, stem.length);
      prefix[lp - 1] = ' ';
      int h1 = SEED;
      int whole = lp & ~3;
      for (int k = 0; k < whole; k += 4) {
        h1 = murmurBlock(h1, prefix, k);
      }
      int tail = 0;
      for (int k = whole; k < lp; k++) {
        tail |= (prefix[k] & 0xff) << ((k - whole) << 3);
      }
      m[M_PREFIX_HASH] = h1;
      m[M_PREFIX_TAIL] = tail | ((lp - whole) << 24);
    }
    for (int c = 0; c < stride; c++) {
      double sum = 0;
      for (int q = 0; q < ng; q++) {
        sum += w[sc.grams[q] * stride + c];
      }
      long bits = Double.doubleToRawLongBits(sum);
      m[M_SUMS + 2 * c] = (int) bits;
      m[M_SUMS + 2 * c + 1] = (int) (bits >>> 32);
      m[M_SUMS + 2 * stride + c] = wordMax > 0 ? Float.floatToRawIntBits(w[unigram * stride + c]) : 0;
    }
    System.arraycopy(sc.grams, 0, m, grams, ng);
    for (int b = 0, p = grams + ng; b < stem.length; b++) {
      m[p + (b >>> 2)] |= (stem[b] & 0xff) << ((b & 3) << 3);
    }
    f.memo(owner, m);
    return m;
  }

  private static final byte[] NO_BYTES = new byte[0];

  /** {@code 1 + Math.log(t)} for t in [1, 64), computed once (Math.log gives the same double for the same t). */
  private static final double[] SUBLINEAR = new double[64];

  static {
    for (int t = 1; t < SUBLINEAR.length; t++) {
      SUBLINEAR[t] = 1 + Math.log(t);
    }
  }

  /** The sublinear term weight {@code 1 + ln t} of a count t ≥ 1. */
  static double sublinear(int t) {
    return t < SUBLINEAR.length ? SUBLINEAR[t] : 1 + Math.log(t);
  }

  /** The rule slot values (length {@value #RULE_SLOTS}), each in [0, 1]. */
  static double[] ruleValues(RuleSignals s, String lang) {
    return ruleValues(s, lang, new double[RULE_SLOTS]);
  }

  /** {@link #ruleValues(RuleSignals, String)} written into {@code r} (slots 0..14; the unused slot 15 stays 0); returns r. */
  private static double[] ruleValues(RuleSignals s, String lang, double[] r) {
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

  /** Adds the index of every character n-gram (namespace c) of the word tokens to {@code fam}. */
  private void charGrams(List<Token> tokens, Scratch sc, Grams fam) {
    int words = 0;
    for (int t = 0, nt = tokens.size(); t < nt; t++) {
      Token tok = tokens.get(t);
      if (!tok.isWord()) {
        continue;
      }
      words++;
      if (tok.kind() == Token.Kind.NUMBER) {
        sc.ngrams = 0;
        tokenGrams(tok.norm(), true, sc);
        for (int k = 0; k < sc.ngrams; k++) {
          fam.addChar(sc.grams[k]);
        }
        continue;
      }
      // a token's n-gram indices depend on its normalised form only: memoised per thread (news repeats its words)
      Memo m = sc.memo(tok.norm());
      sc.memos(words)[words - 1] = m; // for the word family
      int[] g = m.charGrams;
      if (g == null) {
        sc.ngrams = 0;
        tokenGrams(tok.norm(), false, sc);
        g = Arrays.copyOf(sc.grams, sc.ngrams);
        m.charGrams = g;
      }
      for (int x : g) {
        fam.addChar(x);
      }
    }
  }

  /** The character n-gram indices of one token ({@code number}: ASCII digits read as 0) into {@code sc.grams}. */
  private void tokenGrams(String w, boolean number, Scratch sc) {
    int len = w.length() + 2; // padded with one space each side
    byte[] buf = sc.buf(3 * len);
    int[] offs = sc.offs(len + 1);
    // UTF-8 of " " + w + " " with the byte offset of every char; a surrogate → the String path (exact by definition)
    boolean plain = true;
    int bi = 0;
    offs[0] = 0;
    buf[bi++] = ' ';
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (number && c >= '0' && c <= '9') {
        c = '0';
      }
      offs[i + 1] = bi;
      if (c < 0x80) {
        buf[bi++] = (byte) c;
      } else if (c < 0x800) {
        buf[bi++] = (byte) (0xc0 | (c >> 6));
        buf[bi++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isSurrogate(c)) {
        plain = false;
        break;
      } else {
        buf[bi++] = (byte) (0xe0 | (c >> 12));
        buf[bi++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[bi++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    if (!plain) {
      String padded = " " + (number ? digitsToZero(w) : w) + " ";
      for (int n = charMin; n <= charMax; n++) {
        for (int i = 0; i + n <= len; i++) {
          if (n == 1 && padded.charAt(i) == ' ') {
            continue;
          }
          sc.gram(index("c", padded.substring(i, i + n)));
        }
      }
      return;
    }
    offs[len - 1] = bi;
    buf[bi++] = ' ';
    offs[len] = bi;
    byte[] key = sc.key(2 + 3 * charMax);
    key[0] = 'c';
    key[1] = ':';
    // per start position: the bytes of its longest n-gram copied once after "c:"; the n-grams starting there are
    // prefixes of it, so MurmurHash3's 4-byte blocks are mixed once and only the tail is finished per n
    for (int i = 0; i + charMin <= len; i++) {
      int maxN = Math.min(charMax, len - i);
      int o = offs[i];
      System.arraycopy(buf, o, key, 2, offs[i + maxN] - o);
      int h = SEED;
      int mixed = 0;
      for (int n = charMin; n <= maxN; n++) {
        if (n == 1 && (i == 0 || i == len - 1 || w.charAt(i - 1) == ' ')) {
          continue; // no unigram of a space
        }
        int keyLen = 2 + offs[i + n] - o;
        for (; mixed + 4 <= keyLen; mixed += 4) {
          h = murmurBlock(h, key, mixed);
        }
        sc.gram(reduce(murmurFinish(h, key, mixed, keyLen - mixed, keyLen)));
      }
    }
  }

  /** Adds the index of every word n-gram over light stems (namespace w) to {@code fam}. */
  private void wordGrams(List<Token> tokens, Scratch sc, Grams fam, boolean memosFilled) {
    // the stems, space-joined, in UTF-8: stem k is buf[start[k], end[k]); an n-gram (n ≥ 2) is one contiguous slice;
    // a stem's bytes and its unigram index come from the token memo
    int words = 0;
    int bi = 0;
    for (int t = 0, nt = tokens.size(); t < nt; t++) {
      Token tok = tokens.get(t);
      if (!tok.isWord()) {
        continue;
      }
      byte[] stem;
      int unigram;
      if (tok.kind() == Token.Kind.NUMBER) {
        stem = ZERO;
        unigram = reduce(murmur3(W_ZERO, SEED));
      } else {
        Memo m = memosFilled ? sc.memos[words] : sc.memo(tok.norm());
        boolean arabic = tok.kind() == Token.Kind.ARABIC;
        stem = m.stemBytes(arabic);
        unigram = m.unigram(arabic, this);
      }
      fam.addWord(unigram);
      if (wordMax > 1) {
        int[] starts = sc.starts(words + 1);
        int[] ends = sc.ends(words + 1);
        byte[] buf = sc.buf(bi + stem.length + 1);
        if (words > 0) {
          buf[bi++] = ' ';
        }
        starts[words] = bi;
        System.arraycopy(stem, 0, buf, bi, stem.length);
        bi += stem.length;
        ends[words] = bi;
      }
      words++;
    }
    byte[] buf = sc.buf;
    int[] starts = sc.starts;
    int[] ends = sc.ends;
    for (int n = 2; n <= wordMax; n++) {
      for (int i = 0; i + n <= words; i++) {
        int o = starts[i];
        int bytes = ends[i + n - 1] - o;
        byte[] key = sc.key(2 + bytes);
        key[0] = 'w';
        key[1] = ':';
        System.arraycopy(buf, o, key, 2, bytes);
        fam.addWord(reduce(murmur3(key, 0, 2 + bytes, SEED)));
      }
    }
  }

  /** The word form of a number token, and its unigram key. */
  private static final byte[] ZERO = {'0'};
  private static final byte[] W_ZERO = {'w', ':', '0'};

  /** The word form used by the word family. */
  static String stem(Token t) {
    return switch (t.kind()) {
      case ARABIC -> arabicStem(t.norm());
      case NUMBER -> "0";
      default -> t.norm();
    };
  }

  /** The light stem of a normalised Arabic token: article stripped, Lucene's light stemmer; the token if that is empty. */
  static String arabicStem(String norm) {
    String s = Stems.arabicStem(ArabicClitics.stripArticle(norm));
    return s.isEmpty() ? norm : s;
  }

  private static String digitsToZero(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(c >= '0' && c <= '9' ? '0' : c);
    }
    return sb.toString();
  }

  /** {@code RULE_SLOTS + Math.floorMod(h, numFeatures - RULE_SLOTS)}, without a division (see {@link #floorMod}). */
  private int reduce(int h) {
    return RULE_SLOTS + floorMod(h, numFeatures - RULE_SLOTS, modM, modC);
  }

  /** {@link #floorMod}'s constants for the divisor {@code numFeatures - RULE_SLOTS}; set on construction and reading. */
  private transient long modM;
  private transient int modC;

  private void modConstants() {
    int d = numFeatures - RULE_SLOTS;
    modM = modMultiplier(d);
    modC = (int) ((1L << 31) % d);
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
    in.defaultReadObject();
    modConstants();
  }

  /** Lemire's multiplier for {@link #floorMod}: floor((2^64 - 1) / d) + 1, for a divisor d in [1, 2^31). */
  static long modMultiplier(int d) {
    return Long.divideUnsigned(-1L, d) + 1;
  }

  /**
   * {@code Math.floorMod(h, d)} for d in [2, 2^31) with two multiplications instead of a division (the reduction of
   * every hashed n-gram): h + 2^31 is in [0, 2^32), its remainder is Lemire's "faster remainder by direct computation"
   * (exact for every 32-bit dividend and divisor), and h ≡ (h + 2^31) − (2^31 mod d). {@code m} =
   * {@link #modMultiplier}(d), {@code c} = 2^31 mod d.
   */
  static int floorMod(int h, int d, long m, int c) {
    long lowbits = m * (h + (1L << 31));
    // the high 64 bits of the unsigned 128-bit product lowbits × d (d > 0)
    long r = Math.multiplyHigh(lowbits, d) + ((lowbits >> 63) & d);
    int x = (int) r - c;
    return x < 0 ? x + d : x;
  }

  /**
   * The n-gram indices of one unit, both families, counted without maps or sorting: {@code counts[i]} holds the
   * character n-gram count of index i in its low 32 bits and the word n-gram count in its high 32 bits; a bitmap over
   * the index space (one bit per index) with a summary bitmap (one bit per non-zero bitmap word) gives the touched
   * indices back in increasing order in O(distinct + numFeatures / 4096). The union of the families is read in one
   * ordered pass, so they need no merge. {@link #values} leaves everything clear for the next unit.
   */
  static final class Grams {
    long[] counts = new long[0];
    long[] bits = new long[0];
    long[] summary = new long[0];
    int[] idx = new int[256];
    double[] cw = new double[256];
    double[] ww = new double[256];
    int distinct;
    double invC;
    double invW;

    Grams ready(int numFeatures) {
      if (counts.length < numFeatures) {
        counts = new long[numFeatures];
        bits = new long[numFeatures >>> 6];
        summary = new long[Math.max(1, (bits.length + 63) >>> 6)];
      }
      return this;
    }

    void addChar(int index) {
      counts[index]++;
      mark(index);
    }

    void addWord(int index) {
      counts[index] += 1L << 32;
      mark(index);
    }

    private void mark(int index) {
      int w = index >>> 6;
      bits[w] |= 1L << index;
      summary[w >>> 6] |= 1L << w;
    }

    /**
     * Reads the touched indices in increasing order, weighs each family's count 1 + ln tf (0 when absent) and sums
     * each family's squared weights for its L2 norm; clears the counts and bitmaps. Returns the number of indices.
     */
    int tally() {
      int u = 0;
      double normC = 0;
      double normW = 0;
      long[] b = bits;
      long[] s = summary;
      long[] cnt = counts;
      for (int si = 0; si < s.length; si++) {
        long sw = s[si];
        if (sw == 0) {
          continue;
        }
        s[si] = 0;
        while (sw != 0) {
          int w = (si << 6) + Long.numberOfTrailingZeros(sw);
          sw &= sw - 1;
          long word = b[w];
          b[w] = 0;
          while (word != 0) {
            int index = (w << 6) + Long.numberOfTrailingZeros(word);
            word &= word - 1;
            long c = cnt[index];
            cnt[index] = 0;
            int tc = (int) c;
            int tw = (int) (c >>> 32);
            // 1 + ln tf from a table for the usual small counts (1 + ln 1 = 1 exactly)
            double vc = tc == 0 ? 0 : sublinear(tc);
            double vw = tw == 0 ? 0 : sublinear(tw);
            if (u == idx.length) {
              idx = Arrays.copyOf(idx, 2 * u);
              cw = Arrays.copyOf(cw, 2 * u);
              ww = Arrays.copyOf(ww, 2 * u);
            }
            idx[u] = index;
            cw[u] = vc;
            ww[u++] = vw;
            normC += vc * vc;
            normW += vw * vw;
          }
        }
      }
      distinct = u;
      invC = normC == 0 ? 0 : 1 / Math.sqrt(normC);
      invW = normW == 0 ? 0 : 1 / Math.sqrt(normW);
      return u;
    }

    /**
     * The tallied indices and their values into {@code outIdx/outVal} from {@code at}: each family L2-normalised on
     * its own, an index in both families gets the sum (an absent family adds exactly 0).
     */
    void values(int[] outIdx, double[] outVal, int at) {
      double ic = invC;
      double iw = invW;
      for (int k = 0; k < distinct; k++) {
        outIdx[at + k] = idx[k];
        outVal[at + k] = cw[k] * ic + ww[k] * iw;
      }
      distinct = 0;
    }
  }

  /** Per-thread work buffers (grown on demand, never shrunk) and the light-stem memo. */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** Drops the calling thread's work buffers and memo (see {@link dev.mizan.text.Tokenizer#releaseThreadCache}). */
  public static void releaseThreadScratch() {
    SCRATCH.remove();
  }

  private static final class Scratch {
    /**
     * Bound of the token memo: cleared when full (news vocabularies repeat; 16k tokens with ~40 n-gram indices each ≈
     * 4 MB per thread).
     */
    static final int MEMO = 1 << 14;
    final Grams counts = new Grams();
    byte[] buf = new byte[256];
    byte[] key = new byte[64];
    int[] offs = new int[64];
    int[] starts = new int[64];
    int[] ends = new int[64];
    final HashMap<String, Memo> memo = new HashMap<>(MEMO * 2);

    byte[] buf(int n) {
      return buf = fit(buf, n);
    }

    byte[] key(int n) {
      return key = fit(key, n);
    }

    int[] offs(int n) {
      return offs = fit(offs, n);
    }

    int[] starts(int n) {
      return starts = fit(starts, n);
    }

    int[] ends(int n) {
      return ends = fit(ends, n);
    }

    /** {@code a} if it holds {@code n}, else a copy at least twice as long (contents kept). */
    static byte[] fit(byte[] a, int n) {
      return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
    }

    static int[] fit(int[] a, int n) {
      return a.length >= n ? a : Arrays.copyOf(a, Math.max(n, 2 * a.length));
    }

    int[] grams = new int[256];
    int ngrams;
    /** addLinear's bitmap over both families' index spaces (all clear between units) and the words it set. */
    long[] seen = new long[0];
    int[] dirty = new int[256];

    long[] seen(int n) {
      if (seen.length < n) {
        seen = new long[n]; // only ever grown while clear
      }
      return seen;
    }

    int[] dirty(int n) {
      return dirty = fit(dirty, n);
    }

    double[] sumC = new double[0];
    double[] sumW = new double[0];
    int[] rep = new int[256];
    int[] wids = new int[256];
    int[][] linearMemos = new int[64][];
    /** addLinear's rule slot values. */
    final double[] ruleValues = new double[RULE_SLOTS];

    double[] sumC(int n) {
      if (sumC.length < n) {
        sumC = new double[n];
      }
      return sumC;
    }

    double[] sumW(int n) {
      if (sumW.length < n) {
        sumW = new double[n];
      }
      return sumW;
    }

    int[] wids(int n) {
      return wids = fit(wids, n);
    }

    /** addLinear's repeat counts: an open-addressing table (keys all zero between units), its counts, slots used. */
    int[] hkeys = new int[64];
    int[] hcnt = new int[64];
    int[] hslots = new int[64];

    int[] hkeys(int n) {
      if (hkeys.length < n) {
        hkeys = new int[n]; // only ever grown while clear
        hcnt = new int[n];
      }
      return hkeys;
    }

    int[] hslots(int n) {
      return hslots = fit(hslots, n);
    }

    int[][] linearMemos(int n) {
      if (linearMemos.length < n) {
        linearMemos = new int[Math.max(n, 2 * linearMemos.length)][];
      }
      return linearMemos;
    }
    /** The feature parameters the memo's n-gram indices were computed with. */
    int memoNumFeatures;
    int memoCharMin;
    int memoCharMax;

    void gram(int index) {
      if (ngrams == grams.length) {
        grams = Arrays.copyOf(grams, 2 * ngrams);
      }
      grams[ngrams++] = index;
    }

    /** Clears the memo when {@code f}'s parameters differ from those it was filled with. */
    void owner(TextFeatures f) {
      if (f.numFeatures != memoNumFeatures || f.charMin != memoCharMin || f.charMax != memoCharMax) {
        memo.clear();
        memoNumFeatures = f.numFeatures;
        memoCharMin = f.charMin;
        memoCharMax = f.charMax;
      }
    }

    Memo[] memos = new Memo[64];

    Memo[] memos(int n) {
      if (memos.length < n) {
        memos = Arrays.copyOf(memos, Math.max(n, 2 * memos.length));
      }
      return memos;
    }

    Memo memo(String norm) {
      Memo m = memo.get(norm);
      if (m == null) {
        if (memo.size() >= MEMO) {
          memo.clear();
        }
        m = new Memo(norm);
        memo.put(norm, m);
      }
      return m;
    }
  }

  /**
   * What is memoised per normalised token: its character n-gram indices and, per script (the word form of an Arabic
   * token is its light stem, of a Latin one the token itself), the UTF-8 of its word form and its unigram index.
   */
  private static final class Memo {
    final String norm;
    int[] charGrams;
    String stem;
    byte[] arabicBytes;
    byte[] latinBytes;
    int arabicUnigram = -1;
    int latinUnigram = -1;

    Memo(String norm) {
      this.norm = norm;
    }

    String stem() {
      String s = stem;
      if (s == null) {
        s = arabicStem(norm);
        stem = s;
      }
      return s;
    }

    byte[] stemBytes(boolean arabic) {
      byte[] b = arabic ? arabicBytes : latinBytes;
      if (b == null) {
        b = (arabic ? stem() : norm).getBytes(StandardCharsets.UTF_8);
        if (arabic) {
          arabicBytes = b;
        } else {
          latinBytes = b;
        }
      }
      return b;
    }

    int unigram(boolean arabic, TextFeatures f) {
      int u = arabic ? arabicUnigram : latinUnigram;
      if (u < 0) {
        u = f.index("w", arabic ? stem() : norm);
        if (arabic) {
          arabicUnigram = u;
        } else {
          latinUnigram = u;
        }
      }
      return u;
    }
  }

  /** The index of {@code gram} in namespace {@code ns}. */
  public int index(String ns, String gram) {
    return reduce(murmur3((ns + ":" + gram).getBytes(StandardCharsets.UTF_8), SEED));
  }

  /** MurmurHash3 x86_32: mixes the 4-byte little-endian block at {@code data[k]} into {@code h1}. */
  private static int murmurBlock(int h1, byte[] data, int k) {
    return mixBlock(h1, (data[k] & 0xff) | ((data[k + 1] & 0xff) << 8) | ((data[k + 2] & 0xff) << 16)
        | (data[k + 3] << 24));
  }

  /** MurmurHash3 x86_32's scrambling of one 4-byte block (or of the zero-padded tail). */
  private static int mixK1(int k1) {
    k1 *= 0xcc9e2d51;
    k1 = Integer.rotateLeft(k1, 15);
    return k1 * 0x1b873593;
  }

  /** MurmurHash3 x86_32: mixes the block {@code k1} into {@code h1}. */
  private static int mixBlock(int h1, int k1) {
    h1 ^= mixK1(k1);
    h1 = Integer.rotateLeft(h1, 13);
    return h1 * 5 + 0xe6546b64;
  }

  /** MurmurHash3 x86_32's finalisation: the length, then the avalanche. */
  private static int fmix(int h1, int len) {
    h1 ^= len;
    h1 ^= h1 >>> 16;
    h1 *= 0x85ebca6b;
    h1 ^= h1 >>> 13;
    h1 *= 0xc2b2ae35;
    return h1 ^ (h1 >>> 16);
  }

  /**
   * MurmurHash3 x86_32: the hash of a key of {@code len} bytes given {@code h1} after its whole blocks, whose
   * {@code n} (0..3) tail bytes are at {@code data[tail, tail + n)}: mixes the tail, then the length, then finalises.
   */
  private static int murmurFinish(int h1, byte[] data, int tail, int n, int len) {
    int k1 = 0;
    switch (n) {
      case 3:
        k1 ^= (data[tail + 2] & 0xff) << 16;
      // fall through
      case 2:
        k1 ^= (data[tail + 1] & 0xff) << 8;
      // fall through
      case 1:
        k1 ^= data[tail] & 0xff;
        h1 ^= mixK1(k1);
        break;
      default:
        break;
    }
    return fmix(h1, len);
  }

  /** MurmurHash3 x86_32 of {@code data}. */
  public static int murmur3(byte[] data, int seed) {
    return murmur3(data, 0, data.length, seed);
  }

  /** MurmurHash3 x86_32 of {@code data[off, off + len)}. */
  public static int murmur3(byte[] data, int off, int len, int seed) {
    int h1 = seed;
    int nblocks = len >>> 2;
    for (int i = 0; i < nblocks; i++) {
      h1 = murmurBlock(h1, data, off + 4 * i);
    }
    return murmurFinish(h1, data, off + 4 * nblocks, len & 3, len);
  }
}

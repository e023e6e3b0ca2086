package dev.mizan.text;

/**
 * A per-thread table from a word's surface (a char range of the text, looked up without copying it) to its
 * {@link WordForm}. News vocabulary is Zipfian, so almost every token is a hit and costs one hash over its chars.
 * Open addressing with linear probing; bounded: when it reaches {@link #MAX} entries it is emptied (a pathological
 * vocabulary only costs the normalisation again). Not thread-safe: one instance per thread ({@link #get}).
 */
final class WordForms {
  /**
   * Entries before the table is emptied: 65,536 distinct surfaces, at most ~35 MB per thread (~300 bytes each, plus
   * ~210 in hybrid/model mode for the model's per-form memo, see TextFeatures#addLinear).
   */
  static final int MAX = 1 << 16;
  private static final ThreadLocal<WordForms> LOCAL = ThreadLocal.withInitial(WordForms::new);

  private char[][] surfaces = new char[1 << 12][];
  private WordForm[] forms = new WordForm[1 << 12];
  private int[] hashes = new int[1 << 12];
  private int size;
  private char[] buf = new char[256];
  /** {@link Tokenizer#words}' reusable output. */
  final Tokenizer.Words words = new Tokenizer.Words();

  static WordForms get() {
    return LOCAL.get();
  }

  /** Drops this thread's table (the next {@link #get} starts an empty one). */
  static void release() {
    LOCAL.remove();
  }

  /** The chars of {@code s} in this thread's reusable buffer (valid until the next call). */
  char[] chars(String s) {
    if (buf.length < s.length()) {
      buf = new char[Math.max(s.length(), buf.length * 2)];
    }
    s.getChars(0, s.length(), buf, 0);
    return buf;
  }

  /**
   * The form of the surface {@code a[start, end)} (the same chars as {@code s[start, end)}; {@code h} their
   * String hash) whose first char is Arabic when {@code arabic}; computed on a miss.
   */
  WordForm lookup(String s, char[] a, int start, int end, int h, boolean arabic) {
    int mask = surfaces.length - 1;
    int len = end - start;
    for (int i = mix(h) & mask; ; i = (i + 1) & mask) {
      char[] x = surfaces[i];
      if (x == null) {
        break;
      }
      if (hashes[i] == h && x.length == len && same(x, a, start, len)) {
        return forms[i];
      }
    }
    String surface = s.substring(start, end);
    WordForm f = Tokenizer.form(surface, arabic);
    if (size >= MAX) {
      clear();
    } else if ((size + 1) * 2 > surfaces.length) {
      grow();
    }
    insert(h, surface.toCharArray(), f);
    return f;
  }

  /** x equals a[start, start + len) (words are short: a plain loop beats the vectorised mismatch's set-up). */
  private static boolean same(char[] x, char[] a, int start, int len) {
    for (int k = 0; k < len; k++) {
      if (x[k] != a[start + k]) {
        return false;
      }
    }
    return true;
  }

  private static int mix(int h) {
    return h ^ (h >>> 16);
  }

  private void insert(int h, char[] surface, WordForm f) {
    int mask = surfaces.length - 1;
    int i = mix(h) & mask;
    while (surfaces[i] != null) {
      i = (i + 1) & mask;
    }
    surfaces[i] = surface;
    forms[i] = f;
    hashes[i] = h;
    size++;
  }

  private void grow() {
    char[][] os = surfaces;
    WordForm[] of = forms;
    int[] oh = hashes;
    surfaces = new char[os.length * 2][];
    forms = new WordForm[os.length * 2];
    hashes = new int[os.length * 2];
    size = 0;
    for (int i = 0; i < os.length; i++) {
      if (os[i] != null) {
        insert(oh[i], os[i], of[i]);
      }
    }
  }

  private void clear() {
    java.util.Arrays.fill(surfaces, null);
    java.util.Arrays.fill(forms, null);
    size = 0;
  }
}

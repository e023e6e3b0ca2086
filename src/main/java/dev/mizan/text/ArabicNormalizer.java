package dev.mizan.text;

import java.text.Normalizer;

/**
 * Arabic normalisation for matching. Pure function of the input, no Spark, no state.
 *
 * <p>Rules, in order (one literal test each in {@code ArabicNormalizerTest}):
 * <ol>
 *   <li>presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are decomposed by NFKC (ﻻ → لا);</li>
 *   <li>Arabic-Indic (U+0660–U+0669) and extended (U+06F0–U+06F9) digits become ASCII digits;</li>
 *   <li>invisible format characters (ZWNJ, ZWJ, LRM, RLM, BOM) are removed;</li>
 *   <li>Quranic annotation marks (U+0610–U+061A, U+06D6–U+06ED) and the superscript alef (U+0670) are removed;</li>
 *   <li>Persian yeh (ی) and keheh (ک) become Arabic yeh and kaf;</li>
 *   <li>then Lucene's {@link org.apache.lucene.analysis.ar.ArabicNormalizer}: tashkeel and tatweel removed,
 *       أ إ آ → ا, ى → ي, ة → ه (teh marbuta, for matching only).</li>
 * </ol>
 * Offsets are not needed: callers normalise one token at a time and keep the token's original span.
 */
public final class ArabicNormalizer {
  private static final org.apache.lucene.analysis.ar.ArabicNormalizer LUCENE =
      new org.apache.lucene.analysis.ar.ArabicNormalizer();

  private ArabicNormalizer() {}

  /** Normalises {@code s}; returns the same instance when nothing changes. */
  public static String normalize(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    // fast path: most tokens have no character any rule changes (Latin, digits, many Arabic words)
    int len0 = s.length();
    int i0 = 0;
    while (i0 < len0 && !changes(s.charAt(i0))) {
      i0++;
    }
    if (i0 == len0) {
      return s;
    }
    return full(s);
  }

  /** The rules applied to every character (what normalize did before its fast path; tests compare the two). */
  static String full(String s) {
    char[] buf = new char[s.length() * 2];
    int n = 0;
    boolean changed = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFF')) {
        if (c == '\uFEFF') { // BOM / zero-width no-break space
          changed = true;
          continue;
        }
        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
        if (n + d.length() > buf.length) {
          buf = java.util.Arrays.copyOf(buf, buf.length * 2 + d.length());
        }
        for (int k = 0; k < d.length(); k++) {
          char dc = d.charAt(k);
          if (dc != ' ') {
            buf[n++] = dc;
          }
        }
        changed = true;
        continue;
      }
      char m = mapChar(c);
      if (m != c) {
        changed = true;
      }
      if (m == 0) {
        continue;
      }
      if (n == buf.length) {
        buf = java.util.Arrays.copyOf(buf, buf.length * 2);
      }
      buf[n++] = m;
    }
    int len = LUCENE.normalize(buf, n);
    if (!changed && len == s.length()) {
      // Lucene may still have substituted characters in place
      boolean same = true;
      for (int i = 0; i < len; i++) {
        if (buf[i] != s.charAt(i)) {
          same = false;
          break;
        }
      }
      if (same) {
        return s;
      }
    }
    return new String(buf, 0, len);
  }

  /**
   * True when some rule may change {@code c}: a presentation form, a pre-mapped character, or one Lucene's
   * normaliser rewrites (آ أ إ ة ى) or deletes (tatweel, U+064B–U+0652).
   */
  static boolean changes(char c) {
    if (c < '\u0610') {
      return false;
    }
    if ((c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFF')) {
      return true;
    }
    switch (c) {
      case '\u0622', '\u0623', '\u0625', '\u0629', '\u0640', '\u0649' -> {
        return true;
      }
      default -> {
        return (c >= '\u064B' && c <= '\u0652') || mapChar(c) != c;
      }
    }
  }

  /** Per-character pre-mapping; 0 means "remove". */
  static char mapChar(char c) {
    if (c >= '\u0660' && c <= '\u0669') {
      return (char) ('0' + (c - '\u0660'));
    }
    if (c >= '\u06F0' && c <= '\u06F9') {
      return (char) ('0' + (c - '\u06F0'));
    }
    switch (c) {
      case '\u200C', '\u200D', '\u200E', '\u200F', '\u061C' -> {
        return 0;
      }
      case '\u0670' -> {
        return 0;
      }
      case '\u0671' -> {
        return '\u0627'; // alef wasla → alef
      }
      case '\u06CC' -> {
        return '\u064A'; // Persian yeh → yeh
      }
      case '\u06A9' -> {
        return '\u0643'; // keheh → kaf
      }
      default -> {
        if ((c >= '\u0610' && c <= '\u061A') || (c >= '\u06D6' && c <= '\u06ED' && c != '\u06E5' && c != '\u06E6')) {
          return 0;
        }
        if (c >= '\u0653' && c <= '\u065F') {
          return 0; // maddah/hamza above-below and other marks Lucene leaves
        }
        return c;
      }
    }
  }

  /** True for letters of the Arabic script blocks (not punctuation, not digits). */
  public static boolean isArabicLetter(char c) {
    return (c >= '\u0621' && c <= '\u064A') || (c >= '\u066E' && c <= '\u06D3') || c == '\u06D5'
        || (c >= '\u06FA' && c <= '\u06FF') || (c >= '\u0750' && c <= '\u077F') || (c >= '\u08A0' && c <= '\u08FF')
        || (c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFC');
  }

  /** Arabic combining marks and tatweel: part of a word but not letters. */
  public static boolean isArabicMark(char c) {
    return (c >= '\u064B' && c <= '\u065F') || c == '\u0670' || c == '\u0640' || (c >= '\u0610' && c <= '\u061A')
        || (c >= '\u06D6' && c <= '\u06ED');
  }
}

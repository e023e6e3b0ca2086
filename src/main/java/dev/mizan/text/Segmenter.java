package dev.mizan.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sentence segmentation for Arabic and English news. Returns spans into the given text, so a sentence is
 * always {@code text.substring(start, end)}. Rules (one literal test each in {@code SegmenterTest}):
 * <ol>
 *   <li>a sentence ends after . ! ? ؟ ؛ … or ۔ (with any run of them and any closing quotes/brackets
 *       that follow); a full stop must be followed by white space or the end;</li>
 *   <li>a line break always ends a sentence (headlines, table rows, list items); a blank line also starts a
 *       new paragraph;</li>
 *   <li>not inside quotes (« » “ ” „ ‹ › and ASCII "): a terminator inside a quote ends the sentence only when
 *       the quote closes right after it;</li>
 *   <li>not after a decimal point (3.5), an English abbreviation (Mr. Dr. U.S. Jan. …) or an initial (J. Smith);</li>
 *   <li>the Arabic comma ، never ends a sentence;</li>
 *   <li>spans are trimmed; spans without a letter or digit are dropped; a span longer than
 *       {@link #MAX_SENTENCE_CHARS} is cut at the last space before the limit.</li>
 * </ol>
 */
public final class Segmenter {
  public static final int MAX_SENTENCE_CHARS = 2000;

  /** A sentence span [start, end) in the segmented text, with its 0-based paragraph index. */
  public record Span(int start, int end, int paragraph) {}

  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "col", "lt", "maj", "capt", "sgt", "adm", "gov", "sen",
      "rep", "pres", "amb", "rev", "hon", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "e.g", "i.e",
      "u.s", "u.k", "u.n", "e.u");

  private Segmenter() {}

  public static List<Span> split(String text) {
    // news: a sentence per ~150 chars; sized so that the list rarely regrows
    List<Span> out = new ArrayList<>(text == null ? 0 : Math.max(10, text.length() / 100));
    if (text == null || text.isEmpty()) {
      return out;
    }
    int n = text.length();
    char[] a = chars(text); // array reads: no per-char bounds and coder checks of String.charAt
    int start = 0;
    int paragraph = 0;
    int depth = 0;
    boolean asciiOpen = false;
    int i = 0;
    while (i < n) {
      char c = a[i];
      if (!SPECIAL[c]) {
        i++; // most characters: no line break, quote or terminator
        continue;
      }
      if (c == '\n') {
        emit(text, a, start, i, paragraph, out);
        // blank line → new paragraph
        int j = i + 1;
        boolean blank = false;
        while (j < n && isSpace(a[j])) {
          if (a[j] == '\n') {
            blank = true;
          }
          j++;
        }
        if (blank) {
          paragraph++;
        }
        start = j;
        i = j;
        depth = 0;
        asciiOpen = false;
        continue;
      }
      if (isOpenQuote(c)) {
        depth++;
      } else if (isCloseQuote(c)) {
        depth = Math.max(0, depth - 1);
      } else if (c == '"') {
        if (asciiOpen) {
          depth = Math.max(0, depth - 1);
        } else {
          depth++;
        }
        asciiOpen = !asciiOpen;
      }
      if (isTerminator(c)) {
        if (c == '.' && !isRealFullStop(text, i)) {
          i++;
          continue;
        }
        int j = i + 1;
        while (j < n && isTerminator(a[j])) {
          j++;
        }
        int depthAfter = depth;
        boolean asciiAfter = asciiOpen;
        while (j < n && (isCloseQuote(a[j]) || isCloseBracket(a[j]) || (a[j] == '"' && asciiAfter)
            || a[j] == '\'' || a[j] == '’')) {
          char q = a[j];
          if (isCloseQuote(q)) {
            depthAfter = Math.max(0, depthAfter - 1);
          } else if (q == '"') {
            depthAfter = Math.max(0, depthAfter - 1);
            asciiAfter = false;
          }
          j++;
        }
        boolean atBoundary = j >= n || isSpace(a[j]);
        boolean needsSpace = c == '.';
        if (depthAfter == 0 && (atBoundary || !needsSpace)) {
          emit(text, a, start, j, paragraph, out);
          start = j;
          depth = 0;
          asciiOpen = false;
        } else {
          depth = depthAfter;
          asciiOpen = asciiAfter;
        }
        i = j;
        continue;
      }
      i++;
    }
    emit(text, a, start, n, paragraph, out);
    return out;
  }

  /** This thread's reusable copy buffer (an article body is copied per split; no new array per article). */
  private static final ThreadLocal<char[][]> BUF = ThreadLocal.withInitial(() -> new char[][] {new char[8192]});

  /** The chars of {@code text} in this thread's buffer, valid until this thread's next split. */
  private static char[] chars(String text) {
    char[][] holder = BUF.get();
    char[] a = holder[0];
    if (a.length < text.length()) {
      a = holder[0] = new char[Math.max(text.length(), 2 * a.length)];
    }
    text.getChars(0, text.length(), a, 0);
    return a;
  }

  private static boolean isRealFullStop(String text, int i) {
    int n = text.length();
    // decimal point: digit.digit
    if (i > 0 && i + 1 < n && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1))) {
      return false;
    }
    // the word before the dot: a run of letters and dots. A word longer than any abbreviation, or one with an Arabic
    // letter (lower-casing keeps it non-ASCII), is neither an initial nor an abbreviation: a real full stop, known
    // without reading the rest of the word.
    int j = i - 1;
    while (j >= 0) {
      char ch = text.charAt(j);
      if (ch >= '\u0600' && ch <= '\u06FF' && Character.isLetter(ch)) {
        return true;
      }
      if (ch != '.' && !Character.isLetter(ch)) {
        break;
      }
      j--;
      if (i - (j + 1) > 6) {
        return true;
      }
    }
    if (j + 1 == i) {
      return true; // no word before the dot
    }
    String word = text.substring(j + 1, i);
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0)) && word.charAt(0) < 128) {
      // an initial (J. Smith) or the last letter of U.S. — unless a sentence clearly ends here (end of text)
      return i + 1 >= n;
    }
    String lw = word.toLowerCase(java.util.Locale.ROOT);
    if (ABBREVIATIONS.contains(lw)) {
      // "U.S." at the very end of a sentence followed by a capitalised word is ambiguous; keep it joined
      return i + 1 >= n;
    }
    return true;
  }

  private static void emit(String text, char[] a, int start, int end, int paragraph, List<Span> out) {
    while (start < end && isSpace(a[start])) {
      start++;
    }
    while (end > start && isSpace(a[end - 1])) {
      end--;
    }
    if (start >= end) {
      return;
    }
    boolean content = false;
    for (int k = start; k < end; k++) {
      if (isLetterOrDigit(a[k])) {
        content = true;
        break;
      }
    }
    if (!content) {
      return;
    }
    while (end - start > MAX_SENTENCE_CHARS) {
      int cut = start + MAX_SENTENCE_CHARS;
      int sp = cut;
      while (sp > start + MAX_SENTENCE_CHARS / 2 && !isSpace(a[sp])) {
        sp--;
      }
      if (sp <= start + MAX_SENTENCE_CHARS / 2) {
        sp = cut;
      }
      emit(text, a, start, sp, paragraph, out);
      start = sp;
      while (start < end && isSpace(a[start])) {
        start++;
      }
    }
    if (start < end) {
      out.add(new Span(start, end, paragraph));
    }
  }

  /** The characters the split loop acts on: line break, quotes, ASCII double quote, terminators. */
  private static final boolean[] SPECIAL = new boolean[1 << 16];
  /** Per char: {@link #SPACE} for Character.isWhitespace, {@link #ALNUM} for Character.isLetterOrDigit. */
  private static final byte[] KIND = new byte[1 << 16];
  private static final int SPACE = 1;
  private static final int ALNUM = 2;

  static {
    for (int x = 0; x < SPECIAL.length; x++) {
      char c = (char) x;
      SPECIAL[x] = c == '\n' || c == '"' || isOpenQuote(c) || isCloseQuote(c) || isTerminator(c);
      KIND[x] = (byte) ((Character.isWhitespace(c) ? SPACE : 0) | (Character.isLetterOrDigit(c) ? ALNUM : 0));
    }
  }

  private static boolean isSpace(char c) {
    return (KIND[c] & SPACE) != 0;
  }

  private static boolean isLetterOrDigit(char c) {
    return (KIND[c] & ALNUM) != 0;
  }

  static boolean isTerminator(char c) {
    return c == '.' || c == '!' || c == '?' || c == '؟' || c == '؛' || c == '…' || c == '۔';
  }

  static boolean isOpenQuote(char c) {
    return c == '«' || c == '“' || c == '„' || c == '‹';
  }

  static boolean isCloseQuote(char c) {
    return c == '»' || c == '”' || c == '›';
  }

  private static boolean isCloseBracket(char c) {
    return c == ')' || c == ']' || c == '}';
  }
}

package dev.mizan.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a sentence into word, number and punctuation tokens without regular expressions, keeping each
 * token's span in the sentence. Rules (one literal test each in {@code TokenizerTest}):
 * <ol>
 *   <li>a word is a run of letters, digits and Arabic marks (tashkeel, tatweel); anything else that is not
 *       white space is a one-character punctuation token;</li>
 *   <li>a change between Arabic and Latin script splits a run;</li>
 *   <li>an apostrophe between two Latin letters stays in the word (don't, Xi's); a possessive 's / ’s is
 *       dropped from the normalised form;</li>
 *   <li>dotted capitals are one token (U.S., U.K., U.N.) normalised without dots (us, uk, un);</li>
 *   <li>hyphens separate (فنوكوفو-2 → فنوكوفو, -, 2; al-Sisi → al, -, sisi);</li>
 *   <li>Arabic words are normalised with {@link ArabicNormalizer}; clitics are kept in the token (matching
 *       looks them up through {@link ArabicClitics}), so names are never broken.</li>
 * </ol>
 */
public final class Tokenizer {
  /**
   * Drops the calling thread's word-form table (up to ~35 MB with the model's memos). Long-lived pooled threads,
   * such as Spark's task threads, call this when a batch of work ends, so the table does not stay reachable while
   * the thread runs other work (a table write's sort); the next call on the thread starts an empty table.
   */
  public static void releaseThreadCache() {
    WordForms.release();
  }

  private Tokenizer() {}

  public static List<Token> tokenize(String s) {
    return tokenize(s, null);
  }

  /**
   * {@link #tokenize(String)}, also adding to {@code forms} (when not null) the {@link WordForm} of each word and
   * number token, in order (one per non-punctuation token).
   */
  public static List<Token> tokenize(String s, List<WordForm> forms) {
    List<Token> out = new ArrayList<>(Math.max(8, s.length() / 3)); // news: a token per ~5 chars; no regrowth
    scan(s, out, forms, null);
    return out;
  }

  /**
   * The word and number tokens of {@code s} without token objects (what a {@code Sentence} keeps): the same words as
   * {@link #tokenize(String)}'s non-punctuation tokens, in order, written to this thread's reusable {@link Words}
   * (valid until the next call on this thread). Punctuation is not materialised: only, per word, whether a
   * {@linkplain Words#barrier barrier} follows it.
   */
  public static Words words(String s) {
    Words w = WordForms.get().words;
    w.count = 0;
    scan(s, null, null, w);
    return w;
  }

  /**
   * A sentence's words as parallel arrays, reused per thread: word k spans {@code [start[k], end[k])} of the text and has
   * form {@code forms[k]}; {@code barrier[k]}: punctuation other than a hyphen or apostrophe (- ' ’ ‐ –) stands between
   * word k and the next word (for the last word: after it).
   */
  public static final class Words {
    public int count;
    public int[] start = new int[64];
    public int[] end = new int[64];
    public WordForm[] forms = new WordForm[64];
    public boolean[] barrier = new boolean[64];

    private void add(int s, int e, WordForm f) {
      if (count == start.length) {
        int n = 2 * count;
        start = java.util.Arrays.copyOf(start, n);
        end = java.util.Arrays.copyOf(end, n);
        forms = java.util.Arrays.copyOf(forms, n);
        barrier = java.util.Arrays.copyOf(barrier, n);
      }
      start[count] = s;
      end[count] = e;
      forms[count] = f;
      barrier[count] = false;
      count++;
    }

    private void punct(char c) {
      if (count > 0 && c != '-' && c != '\'' && c != '’' && c != '‐' && c != '–') {
        barrier[count - 1] = true;
      }
    }
  }

  /** True for a char the tokenizer skips (white space, zero-width joiners and marks): never part of any token. */
  public static boolean isSkipped(char c) {
    return (CLASS[c] & SKIP) != 0;
  }

  /** One scan, to {@code out}/{@code forms} (token objects) or to {@code ws} (word arrays). */
  private static void scan(String s, List<Token> out, List<WordForm> forms, Words ws) {
    WordForms cache = WordForms.get();
    int n = s.length();
    char[] a = cache.chars(s);
    int i = 0;
    while (i < n) {
      char c = a[i];
      int tc = CLASS[c];
      if ((tc & SKIP) != 0) {
        i++;
        continue;
      }
      if ((tc & WORD) != 0) {
        // dotted capitals: U.S.
        if (c < 128 && Character.isUpperCase(c) && i + 2 < n && a[i + 1] == '.'
            && Character.isUpperCase(a[i + 2]) && a[i + 2] < 128) {
          int j = i;
          while (j + 1 < n && a[j] < 128 && Character.isUpperCase(a[j]) && a[j + 1] == '.') {
            j += 2;
          }
          StringBuilder sb = new StringBuilder();
          for (int k = i; k < j; k += 2) {
            sb.append(Character.toLowerCase(a[k]));
          }
          String norm = sb.toString();
          if (ws != null) {
            ws.add(i, j, new WordForm(Token.Kind.LATIN, norm, true));
          } else {
            out.add(new Token(i, j, Token.Kind.LATIN, norm, true));
            if (forms != null) {
              forms.add(new WordForm(Token.Kind.LATIN, norm, true));
            }
          }
          i = j;
          continue;
        }
        boolean arabic = (tc & ARABIC) != 0;
        // a word char continues the run unless it is a letter of the other script (script change)
        int cont = arabic ? CONT_ARABIC : CONT_OTHER;
        int h = c; // String.hashCode of the surface, accumulated while scanning
        int j = i + 1;
        while (j < n) {
          char d = a[j];
          if ((CLASS[d] & cont) != 0) {
            h = 31 * h + d;
            j++;
          } else if ((d == '\'' || d == '’') && !arabic && j + 1 < n && (CLASS[a[j + 1]] & (LETTER | ARABIC)) == LETTER
              && (CLASS[a[j - 1]] & LETTER) != 0) {
            h = 31 * h + d;
            j++;
          } else {
            break;
          }
        }
        WordForm f = cache.lookup(s, a, i, j, h, arabic);
        if (ws != null) {
          ws.add(i, j, f);
        } else {
          out.add(new Token(i, j, f.kind, f.norm, f.upper));
          if (forms != null) {
            forms.add(f);
          }
        }
        i = j;
        continue;
      }
      if (ws != null) {
        ws.punct(c);
      } else {
        out.add(new Token(i, i + 1, Token.Kind.PUNCT, punct(c), false));
      }
      i++;
    }
  }

  /** Character classes for the scan, one byte per UTF-16 unit, from the same Character/ArabicNormalizer tests. */
  private static final int SKIP = 1;
  private static final int WORD = 2;
  private static final int LETTER = 4;
  private static final int ARABIC = 8;
  private static final int CONT_ARABIC = 16;
  private static final int CONT_OTHER = 32;
  private static final byte[] CLASS = new byte[1 << 16];
  /** One-character strings of punctuation tokens below U+3000, made once. */
  private static final String[] PUNCT = new String[0x3000];

  static {
    for (int x = 0; x < CLASS.length; x++) {
      char c = (char) x;
      int k = 0;
      if (Character.isWhitespace(c) || c == '\u200C' || c == '\u200D' || c == '\u200E' || c == '\u200F'
          || c == '\uFEFF') {
        k |= SKIP;
      }
      boolean word = isWordChar(c);
      boolean letter = Character.isLetter(c);
      boolean ar = isArabicChar(c);
      boolean scriptLetter = letter && !ArabicNormalizer.isArabicMark(c);
      if (word) {
        k |= WORD;
        if (!(scriptLetter && !ar)) {
          k |= CONT_ARABIC;
        }
        if (!(scriptLetter && ar)) {
          k |= CONT_OTHER;
        }
      }
      if (letter) {
        k |= LETTER;
      }
      if (ar) {
        k |= ARABIC;
      }
      CLASS[x] = (byte) k;
    }
    for (int x = 0; x < PUNCT.length; x++) {
      PUNCT[x] = String.valueOf((char) x);
    }
  }

  /** The string of a one-character punctuation token (shared below U+3000). */
  public static String punct(char c) {
    return c < PUNCT.length ? PUNCT[c] : String.valueOf(c);
  }

  /** The form of a word token's surface (first char Arabic when {@code arabic}): what a {@link WordForms} miss computes. */
  static WordForm form(String surface, boolean arabic) {
    boolean allDigits = true;
    for (int k = 0; k < surface.length(); k++) {
      char ch = surface.charAt(k);
      if (!Character.isDigit(ch)) {
        allDigits = false;
        break;
      }
    }
    if (allDigits) {
      return new WordForm(Token.Kind.NUMBER, ArabicNormalizer.normalize(surface), false);
    }
    if (arabic) {
      return new WordForm(Token.Kind.ARABIC, ArabicNormalizer.normalize(surface), false);
    }
    return new WordForm(Token.Kind.LATIN, normalizeLatin(surface), isUpper(surface));
  }

  /** Lower case, ’ → ', possessive 's dropped. */
  public static String normalizeLatin(String w) {
    String x = w.replace('’', '\'').toLowerCase(Locale.ROOT);
    if (x.length() > 2 && x.endsWith("'s")) {
      x = x.substring(0, x.length() - 2);
    }
    if (x.indexOf('é') >= 0 || x.indexOf('ğ') >= 0 || x.indexOf('ü') >= 0 || x.indexOf('ö') >= 0 || x.indexOf('ç') >= 0
        || x.indexOf('ş') >= 0 || x.indexOf('ı') >= 0 || x.indexOf('á') >= 0 || x.indexOf('í') >= 0 || x.indexOf('ó') >= 0
        || x.indexOf('ã') >= 0 || x.indexOf('è') >= 0 || x.indexOf('ñ') >= 0) {
      x = foldAccents(x);
    }
    return x;
  }

  private static String foldAccents(String x) {
    String d = java.text.Normalizer.normalize(x.replace('ı', 'i'), java.text.Normalizer.Form.NFD);
    StringBuilder sb = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); i++) {
      char c = d.charAt(i);
      if (Character.getType(c) != Character.NON_SPACING_MARK) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isUpper(String w) {
    int letters = 0;
    for (int k = 0; k < w.length(); k++) {
      char ch = w.charAt(k);
      if (Character.isLetter(ch)) {
        if (!Character.isUpperCase(ch)) {
          return false;
        }
        letters++;
      }
    }
    return letters >= 2;
  }

  static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || ArabicNormalizer.isArabicMark(c);
  }

  static boolean isArabicChar(char c) {
    return ArabicNormalizer.isArabicLetter(c) || ArabicNormalizer.isArabicMark(c) || (c >= '\u0660' && c <= '\u0669');
  }
}

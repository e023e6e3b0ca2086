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
  private Tokenizer() {}

  public static List<Token> tokenize(String s) {
    return tokenize(s, null);
  }

  /**
   * {@link #tokenize(String)}, also adding to {@code forms} (when not null) the {@link WordForm} of each word and
   * number token, in order (one per non-punctuation token).
   */
  public static List<Token> tokenize(String s, List<WordForm> forms) {
    WordForms cache = WordForms.get();
    List<Token> out = new ArrayList<>(Math.max(8, s.length() / 5));
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || c == '\u200C' || c == '\u200D' || c == '\u200E' || c == '\u200F' || c == '\uFEFF') {
        i++;
        continue;
      }
      if (isWordChar(c)) {
        // dotted capitals: U.S.
        if (c < 128 && Character.isUpperCase(c) && i + 2 < n && s.charAt(i + 1) == '.'
            && Character.isUpperCase(s.charAt(i + 2)) && s.charAt(i + 2) < 128) {
          int j = i;
          while (j + 1 < n && s.charAt(j) < 128 && Character.isUpperCase(s.charAt(j)) && s.charAt(j + 1) == '.') {
            j += 2;
          }
          StringBuilder sb = new StringBuilder();
          for (int k = i; k < j; k += 2) {
            sb.append(Character.toLowerCase(s.charAt(k)));
          }
          String norm = sb.toString();
          out.add(new Token(i, j, Token.Kind.LATIN, norm, true));
          if (forms != null) {
            forms.add(new WordForm(Token.Kind.LATIN, norm, true));
          }
          i = j;
          continue;
        }
        boolean arabic = isArabicChar(c);
        int j = i + 1;
        while (j < n) {
          char d = s.charAt(j);
          if (isWordChar(d)) {
            if (Character.isLetter(d) && !ArabicNormalizer.isArabicMark(d) && isArabicChar(d) != arabic) {
              break; // script change
            }
            j++;
          } else if ((d == '\'' || d == '’') && !arabic && j + 1 < n && Character.isLetter(s.charAt(j + 1))
              && !isArabicChar(s.charAt(j + 1)) && Character.isLetter(s.charAt(j - 1))) {
            j++;
          } else {
            break;
          }
        }
        WordForm f = cache.lookup(s, i, j, arabic);
        out.add(new Token(i, j, f.kind, f.norm, f.upper));
        if (forms != null) {
          forms.add(f);
        }
        i = j;
        continue;
      }
      out.add(new Token(i, i + 1, Token.Kind.PUNCT, String.valueOf(c), false));
      i++;
    }
    return out;
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

package dev.mizan.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Proclitic handling for matching (not for display): the keys under which a normalised Arabic token may
 * be found in a dictionary. Pure function; one literal test per rule in {@code ArabicCliticsTest}.
 *
 * <p>The definite article ال (and لل = ل + ال) is always removed from dictionary keys and from text keys,
 * so «الصين», «صين» and «للصين» share the key صين. Conjunctions و/ف and prepositions ب/ل/ك are removed
 * only as alternatives, least stripped first, so a name that starts with one of those letters
 * (واشنطن، فرنسا، بكين، لبنان، كندا) is found by its full form before any stripped form is tried.
 * A key keeps at least two letters, so short words are never reduced to nothing.
 */
public final class ArabicClitics {
  private ArabicClitics() {}

  /** Removes a leading ال or (after a stripped ل) the doubled لل, keeping at least two letters. */
  public static String stripArticle(String t) {
    if (t.length() >= 4 && t.charAt(0) == 'ا' && t.charAt(1) == 'ل') {
      return t.substring(2);
    }
    return t;
  }

  /**
   * Candidate keys of a normalised token, least stripped first, article removed from each. Never empty:
   * the first element is {@code stripArticle(token)}.
   */
  public static List<String> keys(String token) {
    List<String> out = new ArrayList<>(4);
    add(out, stripArticle(token));
    String t = token;
    // conjunction و / ف
    String afterConj = null;
    if (t.length() >= 3 && (t.charAt(0) == 'و' || t.charAt(0) == 'ف')) {
      afterConj = t.substring(1);
      add(out, stripArticle(afterConj));
    }
    for (String x : afterConj == null ? new String[] {t} : new String[] {t, afterConj}) {
      if (x.length() >= 4 && x.charAt(0) == 'ل' && x.charAt(1) == 'ل') {
        // لل = ل + ال (the alef of the article is dropped in writing)
        add(out, x.substring(2));
      }
      if (x.length() >= 3 && (x.charAt(0) == 'ب' || x.charAt(0) == 'ل' || x.charAt(0) == 'ك')) {
        add(out, stripArticle(x.substring(1)));
      }
    }
    return out;
  }

  private static void add(List<String> out, String k) {
    if (k.length() >= 2 && !out.contains(k)) {
      out.add(k);
    }
  }
}

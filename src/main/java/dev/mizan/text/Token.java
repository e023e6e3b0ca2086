package dev.mizan.text;

/**
 * One token of a sentence: its [start, end) span in the sentence, its kind and its normalised form
 * (Arabic: {@link ArabicNormalizer}; Latin: lower case, curly apostrophes unified, possessive 's and
 * abbreviation dots removed; punctuation: the character itself).
 *
 * @param upper true when the Latin surface (dots removed) is all capitals of two letters or more (US, UK):
 *              case-sensitive dictionary entries only match such tokens
 */
public record Token(int start, int end, Kind kind, String norm, boolean upper) {
  public enum Kind { ARABIC, LATIN, NUMBER, PUNCT }

  public boolean isWord() {
    return kind != Kind.PUNCT;
  }
}

package dev.mizan.text;

import java.util.List;

/**
 * What a word token's surface alone determines: its kind, normalised form, capitals flag and dictionary lookup keys.
 * {@link Tokenizer} computes it once per distinct surface and thread (see {@link WordForms}) and shares the instance,
 * so a frequent word is normalised, clitic-stripped and hashed once instead of at every occurrence. Immutable.
 */
public final class WordForm {
  /** ARABIC, LATIN or NUMBER. */
  public final Token.Kind kind;
  /** {@link Token#norm()}. */
  public final String norm;
  /** {@link Token#upper()}. */
  public final boolean upper;
  /** Keys under which the word may start a dictionary match: {@link ArabicClitics#keys} for Arabic, else norm. */
  public final List<String> keys;
  /** The key of a later word of a match (and a dictionary form's key): article stripped for Arabic, else norm. */
  public final String key;

  WordForm(Token.Kind kind, String norm, boolean upper) {
    this.kind = kind;
    this.norm = norm;
    this.upper = upper;
    if (kind == Token.Kind.ARABIC) {
      this.keys = List.copyOf(ArabicClitics.keys(norm));
      this.key = ArabicClitics.stripArticle(norm);
    } else {
      this.keys = List.of(norm);
      this.key = norm;
    }
  }
}

package dev.mizan.text;

import java.util.List;

/**
 * What a word token's surface alone determines: its kind, normalised form, capitals flag and dictionary lookup keys.
 * {@link Tokenizer} computes it once per distinct surface and thread (see {@link WordForms}) and shares the instance,
 * so a frequent word is normalised, clitic-stripped and hashed once instead of at every occurrence. Immutable, but for
 * three memo slots in which a reader (a dictionary matcher, a lexicon) may keep what it derives from the form alone,
 * tagged with the reader that owns it; a form is confined to the thread whose table made it, like the memos.
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

  private Object owner0;
  private Object memo0;
  private Object owner1;
  private Object memo1;
  private Object owner2;
  private Object memo2;

  /** What {@code owner} memoised for this form ({@link #memo(Object, Object)}), or null. */
  public Object memo(Object owner) {
    if (owner0 == owner) {
      return memo0;
    }
    if (owner1 == owner) {
      return memo1;
    }
    return owner2 == owner ? memo2 : null;
  }

  /**
   * Memoises {@code value} (never null) for {@code owner}: a pure function of this form computed by {@code owner}.
   * Three owners are kept (the analyser has three: its dictionary matcher, its lexicon and its model); a fourth
   * replaces the third.
   */
  public void memo(Object owner, Object value) {
    if (owner0 == null || owner0 == owner) {
      owner0 = owner;
      memo0 = value;
    } else if (owner1 == null || owner1 == owner) {
      owner1 = owner;
      memo1 = value;
    } else {
      owner2 = owner;
      memo2 = value;
    }
  }

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

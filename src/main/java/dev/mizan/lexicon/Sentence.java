package dev.mizan.lexicon;

import dev.mizan.text.Token;
import dev.mizan.text.Tokenizer;
import dev.mizan.text.WordForm;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A tokenised sentence prepared for dictionary matching: its word tokens, where punctuation stands between
 * them, and the lookup keys of each word (computed once, shared by all dictionaries).
 */
public final class Sentence {
  public final String text;
  /**
   * Word and number tokens only, in order: a read-only view over this sentence's word arrays (each {@code get} makes
   * the token; {@link #start}, {@link #end}, {@link #form} read the same without one).
   */
  public final List<Token> words;
  /** Word k spans [bounds[2k], bounds[2k + 1]) of the text. */
  private final int[] bounds;
  /** For each word, whether punctuation other than hyphens/apostrophes follows it (see {@link #barrierAfter}). */
  private final boolean[] barrier;
  /** Each word's form (kind, norm and lookup keys), shared by all occurrences of its surface. */
  private final WordForm[] forms;
  /** For each word, the punctuation characters between it and the next word, made on first use. */
  private String[] after;
  /** Set by {@link DictionarySet#matchAll}: the set that matched this sentence and its matches per dictionary. */
  DictionarySet matchedBy;
  List<?>[] matches;

  public Sentence(String text) {
    this.text = text;
    Tokenizer.Words w = Tokenizer.words(text);
    int n = w.count;
    this.forms = java.util.Arrays.copyOf(w.forms, n);
    this.bounds = new int[2 * n];
    for (int k = 0; k < n; k++) {
      bounds[2 * k] = w.start[k];
      bounds[2 * k + 1] = w.end[k];
    }
    this.barrier = java.util.Arrays.copyOf(w.barrier, Math.max(1, n));
    this.words = new WordList();
  }

  /** {@link #words}: tokens made on demand from the arrays. */
  private final class WordList extends AbstractList<Token> implements RandomAccess {
    @Override
    public Token get(int i) {
      WordForm f = forms[i]; // bounds-checks i
      return new Token(bounds[2 * i], bounds[2 * i + 1], f.kind, f.norm, f.upper);
    }

    @Override
    public int size() {
      return forms.length;
    }
  }

  /** All tokens of the sentence, punctuation included ({@link Tokenizer#tokenize(String)} of its text; made per call). */
  public List<Token> tokens() {
    return Tokenizer.tokenize(text);
  }

  /** Number of words ({@code words.size()}). */
  public int size() {
    return forms.length;
  }

  /** Start of word i in the text. */
  public int start(int i) {
    return bounds[2 * i];
  }

  /** End (exclusive) of word i in the text. */
  public int end(int i) {
    return bounds[2 * i + 1];
  }

  /** The form of word i (kind, norm, lookup keys; shared by every occurrence of the surface on this thread). */
  public WordForm form(int i) {
    return forms[i];
  }

  List<String> firstKeys(int i) {
    return forms[i].keys;
  }

  String laterKey(int i) {
    return forms[i].key;
  }

  /** The article-stripped normalised key of word i (what a dictionary form's token is stored as). */
  public String key(int i) {
    return forms[i].key;
  }

  /** Whether word i's key, or any of its clitic readings' keys, is in {@code words}. */
  public boolean readsAs(int i, java.util.Set<String> words) {
    if (words.contains(forms[i].key)) {
      return true;
    }
    for (String key : forms[i].keys) {
      if (words.contains(key)) {
        return true;
      }
    }
    return false;
  }

  /** Punctuation between word i and word i+1 ("" if none; for the last word, what follows it). */
  public String gapAfter(int i) {
    String[] g = after;
    if (g == null) {
      g = after = new String[Math.max(1, forms.length)];
    }
    String x = g[i];
    if (x == null) {
      x = g[i] = forms.length == 0 ? "" : punctuation(end(i), i + 1 < forms.length ? start(i + 1) : text.length());
    }
    return x;
  }

  /**
   * The punctuation tokens' characters in text[from, to), which holds no word: every char there that the tokenizer
   * does not skip is one punctuation token.
   */
  private String punctuation(int from, int to) {
    StringBuilder sb = null;
    char one = 0;
    int count = 0;
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (Tokenizer.isSkipped(c)) {
        continue;
      }
      if (count == 0) {
        one = c;
      } else {
        if (sb == null) {
          sb = new StringBuilder().append(one);
        }
        sb.append(c);
      }
      count++;
    }
    return count == 0 ? "" : count == 1 ? Tokenizer.punct(one) : sb.toString();
  }

  /** True when punctuation other than hyphens/apostrophes separates word i from word i+1. */
  public boolean barrierAfter(int i) {
    return barrier[i];
  }

  public String surface(int firstWord, int lastWord) {
    return text.substring(start(firstWord), end(lastWord));
  }
}

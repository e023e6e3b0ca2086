package dev.mizan.lexicon;

import dev.mizan.text.Token;
import dev.mizan.text.Tokenizer;
import dev.mizan.text.WordForm;
import java.util.ArrayList;
import java.util.List;

/**
 * A tokenised sentence prepared for dictionary matching: its word tokens, where punctuation stands between
 * them, and the lookup keys of each word (computed once, shared by all dictionaries).
 */
public final class Sentence {
  public final String text;
  public final List<Token> tokens;
  /** Word and number tokens only, in order. */
  public final List<Token> words;
  /** For each word, the punctuation characters between it and the next word ("" when none). */
  private final String[] after;
  /** For each word, whether punctuation other than hyphens/apostrophes follows it (see {@link #barrierAfter}). */
  private final boolean[] barrier;
  /** Each word's form (kind, norm and lookup keys), shared by all occurrences of its surface. */
  private final WordForm[] forms;
  /** Set by {@link DictionarySet#matchAll}: the set that matched this sentence and its matches per dictionary. */
  DictionarySet matchedBy;
  List<?>[] matches;

  public Sentence(String text) {
    this.text = text;
    List<WordForm> fs = new ArrayList<>(Math.max(8, text.length() / 4));
    this.tokens = Tokenizer.tokenize(text, fs);
    this.forms = fs.toArray(new WordForm[0]);
    this.words = new ArrayList<>(forms.length);
    String[] gaps = new String[Math.max(1, forms.length)];
    // the punctuation after the last word seen: none, one token's string (shared), or several joined
    String gap = "";
    StringBuilder joined = null;
    for (Token t : tokens) {
      if (t.isWord()) {
        if (!words.isEmpty()) {
          gaps[words.size() - 1] = joined != null ? joined.toString() : gap;
        }
        gap = "";
        joined = null;
        words.add(t);
      } else if (!words.isEmpty()) {
        if (joined != null) {
          joined.append(t.norm());
        } else if (gap.isEmpty()) {
          gap = t.norm();
        } else {
          joined = new StringBuilder(gap).append(t.norm());
        }
      }
    }
    gaps[Math.max(0, words.size() - 1)] = joined != null ? joined.toString() : gap;
    this.after = gaps;
    this.barrier = new boolean[gaps.length];
    for (int i = 0; i < gaps.length; i++) {
      String g = gaps[i];
      for (int k = 0; k < g.length(); k++) {
        char c = g.charAt(k);
        if (c != '-' && c != '\'' && c != '’' && c != '‐' && c != '–') {
          barrier[i] = true;
          break;
        }
      }
    }
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

  /** Punctuation between word i and word i+1 ("" if none). */
  public String gapAfter(int i) {
    return after[i];
  }

  /** True when punctuation other than hyphens/apostrophes separates word i from word i+1. */
  public boolean barrierAfter(int i) {
    return barrier[i];
  }

  public String surface(int firstWord, int lastWord) {
    return text.substring(words.get(firstWord).start(), words.get(lastWord).end());
  }
}

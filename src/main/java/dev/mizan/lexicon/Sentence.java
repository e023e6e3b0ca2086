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
  /** Each word's form (kind, norm and lookup keys), shared by all occurrences of its surface. */
  private final WordForm[] forms;
  /** Set by {@link DictionarySet#matchAll}: the set that matched this sentence and its matches per dictionary. */
  DictionarySet matchedBy;
  List<?>[] matches;

  public Sentence(String text) {
    this.text = text;
    List<WordForm> fs = new ArrayList<>();
    this.tokens = Tokenizer.tokenize(text, fs);
    this.forms = fs.toArray(new WordForm[0]);
    this.words = new ArrayList<>(tokens.size());
    List<String> gaps = new ArrayList<>(tokens.size());
    StringBuilder gap = new StringBuilder();
    for (Token t : tokens) {
      if (t.isWord()) {
        if (!words.isEmpty()) {
          gaps.add(gap.toString());
        }
        gap.setLength(0);
        words.add(t);
      } else if (!words.isEmpty()) {
        gap.append(t.norm());
      }
    }
    gaps.add(gap.toString());
    this.after = gaps.toArray(new String[0]);
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

  /** Punctuation between word i and word i+1 ("" if none). */
  public String gapAfter(int i) {
    return after[i];
  }

  /** True when punctuation other than hyphens/apostrophes separates word i from word i+1. */
  public boolean barrierAfter(int i) {
    String g = after[i];
    for (int k = 0; k < g.length(); k++) {
      char c = g.charAt(k);
      if (c != '-' && c != '\'' && c != '’' && c != '‐' && c != '–') {
        return true;
      }
    }
    return false;
  }

  public String surface(int firstWord, int lastWord) {
    return text.substring(words.get(firstWord).start(), words.get(lastWord).end());
  }
}

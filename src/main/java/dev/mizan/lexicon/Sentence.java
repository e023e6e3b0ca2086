package dev.mizan.lexicon;

import dev.mizan.text.ArabicClitics;
import dev.mizan.text.Token;
import dev.mizan.text.Tokenizer;
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
  private final List<List<String>> firstKeys;
  private final String[] laterKeys;
  /** Set by {@link DictionarySet#matchAll}: the set that matched this sentence and its matches per dictionary. */
  DictionarySet matchedBy;
  List<?>[] matches;

  public Sentence(String text) {
    this.text = text;
    this.tokens = Tokenizer.tokenize(text);
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
    this.firstKeys = new ArrayList<>(words.size());
    this.laterKeys = new String[words.size()];
    for (int i = 0; i < words.size(); i++) {
      Token t = words.get(i);
      if (t.kind() == Token.Kind.ARABIC) {
        firstKeys.add(ArabicClitics.keys(t.norm()));
        laterKeys[i] = ArabicClitics.stripArticle(t.norm());
      } else {
        firstKeys.add(List.of(t.norm()));
        laterKeys[i] = t.norm();
      }
    }
  }

  List<String> firstKeys(int i) {
    return firstKeys.get(i);
  }

  String laterKey(int i) {
    return laterKeys[i];
  }

  /** The article-stripped normalised key of word i (what a dictionary form's token is stored as). */
  public String key(int i) {
    return laterKeys[i];
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

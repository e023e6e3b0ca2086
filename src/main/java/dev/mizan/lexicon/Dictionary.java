package dev.mizan.lexicon;

import dev.mizan.text.ArabicClitics;
import dev.mizan.text.Token;
import dev.mizan.text.Tokenizer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A token trie over normalised forms, matched leftmost-longest over a sentence's tokens.
 *
 * <p>Forms are tokenised with the same {@link Tokenizer} as the text. Keys: Arabic tokens without the
 * article (see {@link ArabicClitics#stripArticle}), Latin tokens lower-cased. In the text, the first token of
 * a match may also be found through its proclitic-stripped keys ({@link ArabicClitics#keys}); later tokens
 * first through their article-stripped form, then through their proclitic-stripped keys («وقف لإطلاق النار»). Hyphens and apostrophes standing alone are transparent; any
 * other punctuation ends a match. Entries flagged case-sensitive match only tokens written in capitals.
 *
 * @param <T> what a form stands for
 */
public final class Dictionary<T extends Serializable> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A value with its case-sensitivity. */
  public record Entry<T>(T value, boolean caseSensitive) implements Serializable {}

  /** A match: word-token indexes [first, last] into {@link Sentence#words}, char span, and the values. */
  public record Match<T>(int first, int last, int start, int end, List<T> values) {}

  static final class Node<T> implements Serializable {
    private static final long serialVersionUID = 1L;
    Map<String, Node<T>> next;
    List<Entry<T>> entries;
  }

  final Node<T> root = new Node<>();
  private int size;
  /**
   * The last {@link DictionarySet} built over this dictionary and this dictionary's slot in it (one immutable pair, so
   * a reader sees both or neither): findAll reads its slot here instead of searching the set. Not serialised (sets are
   * built where the analyser runs).
   */
  private transient volatile SetSlot setSlot;

  record SetSlot(DictionarySet set, int slot) {}

  void setSlot(DictionarySet set, int slot) {
    setSlot = new SetSlot(set, slot);
  }

  /** Adds a form; returns false when the form has no word token. */
  public boolean add(String form, T value, boolean caseSensitive) {
    List<Token> toks = Tokenizer.tokenize(form);
    Node<T> node = root;
    int words = 0;
    for (Token t : toks) {
      if (!t.isWord()) {
        continue;
      }
      if (t.upper() && form.substring(t.start(), t.end()).indexOf('.') >= 0) {
        caseSensitive = true; // "U.S." is stored as "us": only capitals may match it, never the pronoun
      }
      String key = dictKey(t);
      if (node.next == null) {
        node.next = new HashMap<>(4);
      }
      node = node.next.computeIfAbsent(key, k -> new Node<>());
      words++;
    }
    if (words == 0) {
      return false;
    }
    if (node.entries == null) {
      node.entries = new ArrayList<>(1);
    }
    for (Entry<T> e : node.entries) {
      if (e.value().equals(value) && e.caseSensitive() == caseSensitive) {
        return true;
      }
    }
    node.entries.add(new Entry<>(value, caseSensitive));
    size++;
    return true;
  }

  public int size() {
    return size;
  }

  static String dictKey(Token t) {
    return t.kind() == Token.Kind.ARABIC ? ArabicClitics.stripArticle(t.norm()) : t.norm();
  }

  /**
   * Leftmost-longest matches over the sentence. When a {@link DictionarySet} holding this dictionary has already
   * matched the sentence ({@link DictionarySet#matchAll}), its result for this dictionary is returned: the same
   * matches, found in the one combined pass.
   */
  @SuppressWarnings("unchecked")
  public List<Match<T>> findAll(Sentence s) {
    if (s.matchedBy != null) {
      SetSlot known = setSlot;
      int slot = known != null && known.set() == s.matchedBy ? known.slot() : s.matchedBy.slotOf(this);
      if (slot >= 0) {
        return (List<Match<T>>) (List<?>) s.matches[slot];
      }
    }
    List<Match<T>> out = new ArrayList<>();
    int n = s.words.size();
    int i = 0;
    while (i < n) {
      Match<T> m = longestAt(s, i);
      if (m == null) {
        i++;
      } else {
        out.add(m);
        i = m.last() + 1;
      }
    }
    return out;
  }

  /** The longest match starting at word {@code i}, or null. */
  public Match<T> longestAt(Sentence s, int i) {
    if (root.next == null) {
      return null;
    }
    int[] best = {-1};
    List<List<T>> bestValues = new ArrayList<>(1);
    bestValues.add(null);
    for (String k : s.firstKeys(i)) {
      walk(s, i, i, root.next.get(k), best, bestValues);
    }
    if (bestValues.get(0) == null) {
      return null;
    }
    return new Match<>(i, best[0], s.start(i), s.end(best[0]), bestValues.get(0));
  }

  /** Depth-first over the trie; later words are tried by their article-stripped key, then by clitic-stripped ones. */
  private void walk(Sentence s, int from, int j, Node<T> node, int[] best, List<List<T>> bestValues) {
    if (node == null) {
      return;
    }
    if (node.entries != null && j > best[0]) {
      List<T> vals = accept(node.entries, s, from, j);
      if (vals != null) {
        best[0] = j;
        bestValues.set(0, vals);
      }
    }
    if (node.next == null || j + 1 >= s.words.size() || s.barrierAfter(j)) {
      return;
    }
    Node<T> direct = node.next.get(s.laterKey(j + 1));
    walk(s, from, j + 1, direct, best, bestValues);
    List<String> alts = s.firstKeys(j + 1);
    for (int a = 1; a < alts.size(); a++) {
      Node<T> n = node.next.get(alts.get(a));
      if (n != null && n != direct) {
        walk(s, from, j + 1, n, best, bestValues);
      }
    }
  }

  static <T> List<T> accept(List<Entry<T>> entries, Sentence s, int from, int to) {
    List<T> vals = null;
    for (Entry<T> e : entries) {
      if (e.caseSensitive()) {
        boolean ok = true;
        for (int k = from; k <= to; k++) {
          dev.mizan.text.WordForm t = s.form(k);
          if (t.kind == Token.Kind.LATIN && !t.upper) {
            ok = false;
            break;
          }
        }
        if (!ok) {
          continue;
        }
      }
      if (vals == null) {
        vals = new ArrayList<>(entries.size());
      }
      vals.add(e.value());
    }
    return vals;
  }
}

package dev.mizan.lexicon;

import dev.mizan.text.WordForm;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several {@link Dictionary dictionaries} matched in one pass over a sentence. Their tries are merged into one trie
 * over the same keys, each node keeping every dictionary's entries apart; one depth-first walk from each word finds
 * the longest match of every dictionary there at once, instead of one walk per dictionary. Each dictionary then keeps
 * its own leftmost-longest selection, so {@link Dictionary#findAll} returns exactly what it returns alone.
 *
 * <p>Why it is the same: a dictionary's walk visits, in order, the trie paths that exist in that dictionary; the
 * combined walk visits a superset of paths in the same order (keys tried in the same order: the later word's article
 * stripped key, then its other clitic keys, a path skipped when it reaches the node already walked), and a
 * dictionary's best match is replaced only by a strictly longer one, as in {@link Dictionary#longestAt}.
 *
 * <p>Built once per analyser on each executor (not serialised); read-only and thread-safe after construction.
 */
public final class DictionarySet {
  private final Dictionary<?>[] dicts;
  private final Node root = new Node();
  /** Keys of the trie below the first level: the only keys a later word of a match can have. */
  private final java.util.Set<String> innerKeys = new java.util.HashSet<>();

  private static final class Node {
    Map<String, Node> next;
    /** entries[d]: dictionary d's entries at this path, or null. */
    List<? extends Dictionary.Entry<?>>[] entries;
    /** Some dictionary has entries here. */
    boolean accepting;
    /**
     * values[d]: dictionary d's values here when none of its entries here is case-sensitive (then every match
     * accepts them all, so one read-only list serves every match), else null (accepted per match).
     */
    List<?>[] values;
  }

  public DictionarySet(List<Dictionary<?>> dictionaries) {
    this.dicts = dictionaries.toArray(new Dictionary<?>[0]);
    for (int d = 0; d < dicts.length; d++) {
      merge(dicts[d].root, root, d);
    }
  }

  @SuppressWarnings("unchecked")
  private void merge(Dictionary.Node<?> from, Node to, int d) {
    if (from.entries != null) {
      if (to.entries == null) {
        to.entries = new List[dicts.length];
      }
      to.entries[d] = (List<? extends Dictionary.Entry<?>>) (List<?>) from.entries;
      to.accepting = true;
      if (to.values == null) {
        to.values = new List<?>[dicts.length];
      }
      List<Object> vals = new ArrayList<>(from.entries.size());
      boolean caseSensitive = false;
      for (Dictionary.Entry<?> e : from.entries) {
        caseSensitive |= e.caseSensitive();
        vals.add(e.value());
      }
      to.values[d] = caseSensitive ? null : java.util.Collections.unmodifiableList(vals);
    }
    if (from.next != null) {
      if (to.next == null) {
        to.next = new HashMap<>(Math.max(4, from.next.size() * 2));
      }
      for (Map.Entry<String, ? extends Dictionary.Node<?>> e : from.next.entrySet()) {
        if (to != root) {
          innerKeys.add(e.getKey());
        }
        merge(e.getValue(), to.next.computeIfAbsent(e.getKey(), k -> new Node()), d);
      }
    }
  }

  int slotOf(Dictionary<?> d) {
    for (int i = 0; i < dicts.length; i++) {
      if (dicts[i] == d) {
        return i;
      }
    }
    return -1;
  }

  /** Matches every dictionary over the sentence in one pass and keeps the results in it (for findAll). */
  public void matchAll(Sentence s) {
    int n = s.words.size();
    int nd = dicts.length;
    // longest match of each dictionary starting at each word: end word and values
    int[] bestEnd = new int[nd];
    Object[] bestVals = new Object[nd];
    List<?>[] out = new List<?>[nd];
    int[] nextFree = new int[nd]; // leftmost-longest: a dictionary looks for its next match from this word on
    for (int d = 0; d < nd; d++) {
      out[d] = new ArrayList<>();
    }
    if (root.next != null) {
      for (int i = 0; i < n; i++) {
        Node[] starts = keys(s.form(i)).starts;
        if (starts.length == 0) {
          continue; // no key of this word begins an entry of any dictionary
        }
        boolean any = false;
        for (int d = 0; d < nd; d++) {
          bestEnd[d] = -1;
          bestVals[d] = null;
          any |= nextFree[d] <= i;
        }
        if (!any) {
          continue;
        }
        for (Node start : starts) {
          walk(s, i, i, start, bestEnd, bestVals, nextFree);
        }
        for (int d = 0; d < nd; d++) {
          if (bestVals[d] != null && nextFree[d] <= i) {
            @SuppressWarnings("unchecked")
            List<Object> o = (List<Object>) out[d];
            @SuppressWarnings("unchecked")
            List<Object> vals = (List<Object>) bestVals[d];
            o.add(new Dictionary.Match<>(i, bestEnd[d], s.words.get(i).start(), s.words.get(bestEnd[d]).end(), vals));
            nextFree[d] = bestEnd[d] + 1;
          }
        }
      }
    }
    s.matches = out;
    s.matchedBy = this;
  }

  private static final Node[] NO_NODES = new Node[0];
  private static final String[] NO_KEYS = new String[0];

  /**
   * What matching needs of a word, memoised on its form (so a frequent word is looked up once per thread, not per
   * occurrence): the trie nodes under the root for its first-word keys, in key order, absent keys left out (a walk
   * from null finds nothing); and its later-word keys that occur below the first level of the trie ({@code later}
   * null and {@code alts} empty when none does: no lookup can find them there).
   */
  private static final class WordKeys {
    final Node[] starts;
    final String later;
    final String[] alts;

    WordKeys(Node[] starts, String later, String[] alts) {
      this.starts = starts;
      this.later = later;
      this.alts = alts;
    }
  }

  private WordKeys keys(WordForm f) {
    Object memo = f.memo(this);
    if (memo != null) {
      return (WordKeys) memo;
    }
    List<String> keys = f.keys;
    Node[] found = new Node[keys.size()];
    int k = 0;
    for (String key : keys) {
      Node x = root.next.get(key);
      if (x != null) {
        found[k++] = x;
      }
    }
    List<String> alts = new ArrayList<>(keys.size());
    for (int a = 1; a < keys.size(); a++) {
      if (innerKeys.contains(keys.get(a))) {
        alts.add(keys.get(a));
      }
    }
    WordKeys w = new WordKeys(k == 0 ? NO_NODES : java.util.Arrays.copyOf(found, k),
        innerKeys.contains(f.key) ? f.key : null, alts.isEmpty() ? NO_KEYS : alts.toArray(new String[0]));
    f.memo(this, w);
    return w;
  }

  private void walk(Sentence s, int from, int j, Node node, int[] bestEnd, Object[] bestVals, int[] nextFree) {
    if (node == null) {
      return;
    }
    if (node.accepting) {
      for (int d = 0; d < node.entries.length; d++) {
        List<? extends Dictionary.Entry<?>> es = node.entries[d];
        if (es != null && j > bestEnd[d] && nextFree[d] <= from) {
          List<?> vals = node.values[d] != null ? node.values[d] : acceptAny(es, s, from, j);
          if (vals != null) {
            bestEnd[d] = j;
            bestVals[d] = vals;
          }
        }
      }
    }
    if (node.next == null || j + 1 >= s.words.size() || s.barrierAfter(j)) {
      return;
    }
    WordKeys w = keys(s.form(j + 1));
    Node direct = w.later == null ? null : node.next.get(w.later);
    walk(s, from, j + 1, direct, bestEnd, bestVals, nextFree);
    for (String alt : w.alts) {
      Node m = node.next.get(alt);
      if (m != null && m != direct) {
        walk(s, from, j + 1, m, bestEnd, bestVals, nextFree);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<?> acceptAny(List<? extends Dictionary.Entry<?>> es, Sentence s, int from, int to) {
    return Dictionary.accept((List) es, s, from, to);
  }

  /** For tests: the number of dictionaries. */
  public int size() {
    return dicts.length;
  }
}

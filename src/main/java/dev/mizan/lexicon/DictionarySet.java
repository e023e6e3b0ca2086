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
  /**
   * Keys of the trie below the first level (the only keys a later word of a match can have), each with a small int
   * id: below the first level a node's children are found by the id memoised on the word, not by a String lookup.
   */
  private final Map<String, Integer> innerKeys = new HashMap<>();

  private static final class Node {
    Map<String, Node> next;
    /** Below the root: the ids of the keys of {@link #next} in increasing order, and their nodes. */
    int[] childIds;
    Node[] children;

    /** The child under the inner key of id {@code id}, or null. */
    Node child(int id) {
      int[] ids = childIds;
      if (ids.length <= 8) {
        for (int k = 0; k < ids.length; k++) {
          if (ids[k] == id) {
            return children[k];
          }
        }
        return null;
      }
      int k = java.util.Arrays.binarySearch(ids, id);
      return k >= 0 ? children[k] : null;
    }
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
    for (int d = dicts.length - 1; d >= 0; d--) {
      dicts[d].setSlot(this, slotOf(dicts[d])); // a dictionary listed twice: its first slot, as slotOf finds it
    }
    if (root.next != null) {
      for (Node n : root.next.values()) {
        index(n);
      }
    }
  }

  /** Fills {@link Node#childIds}/{@link Node#children} below the root. */
  private void index(Node n) {
    if (n.next == null) {
      return;
    }
    int k = n.next.size();
    long[] order = new long[k]; // id in the high half, position in the entry list in the low half
    List<Node> nodes = new ArrayList<>(k);
    int i = 0;
    for (Map.Entry<String, Node> e : n.next.entrySet()) {
      order[i] = ((long) innerKeys.get(e.getKey()) << 32) | i;
      nodes.add(e.getValue());
      i++;
    }
    java.util.Arrays.sort(order);
    n.childIds = new int[k];
    n.children = new Node[k];
    for (int j = 0; j < k; j++) {
      n.childIds[j] = (int) (order[j] >>> 32);
      n.children[j] = nodes.get((int) order[j]);
    }
    for (Node c : nodes) {
      index(c);
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
          innerKeys.putIfAbsent(e.getKey(), innerKeys.size());
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
    int n = s.size();
    int nd = dicts.length;
    // longest match of each dictionary starting at each word: end word and values
    int[] bestEnd = new int[nd];
    Object[] bestVals = new Object[nd];
    List<?>[] out = new List<?>[nd];
    int[] nextFree = new int[nd]; // leftmost-longest: a dictionary looks for its next match from this word on
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
            if (out[d] == null) {
              out[d] = new ArrayList<>(4);
            }
            @SuppressWarnings("unchecked")
            List<Object> o = (List<Object>) out[d];
            @SuppressWarnings("unchecked")
            List<Object> vals = (List<Object>) bestVals[d];
            o.add(new Dictionary.Match<>(i, bestEnd[d], s.start(i), s.end(bestEnd[d]), vals));
            nextFree[d] = bestEnd[d] + 1;
          }
        }
      }
    }
    for (int d = 0; d < nd; d++) {
      if (out[d] == null) {
        out[d] = List.of(); // most dictionaries match nothing in most sentences: no list allocated for them
      }
    }
    s.matches = out;
    s.matchedBy = this;
  }

  private static final Node[] NO_NODES = new Node[0];
  private static final int[] NO_KEYS = new int[0];
  private static final WordKeys NO_WORD_KEYS = new WordKeys(NO_NODES, -1, NO_KEYS);

  /**
   * What matching needs of a word, memoised on its form (so a frequent word is looked up once per thread, not per
   * occurrence): the trie nodes under the root for its first-word keys, in key order, absent keys left out (a walk
   * from null finds nothing); and its later-word keys that occur below the first level of the trie ({@code later}
   * null and {@code alts} empty when none does: no lookup can find them there).
   */
  private static final class WordKeys {
    final Node[] starts;
    /** Inner-key id of the later-word key, or -1. */
    final int later;
    /** Inner-key ids of the other clitic keys, in key order. */
    final int[] alts;

    WordKeys(Node[] starts, int later, int[] alts) {
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
    int[] alts = new int[keys.size()];
    int na = 0;
    for (int a = 1; a < keys.size(); a++) {
      Integer id = innerKeys.get(keys.get(a));
      if (id != null) {
        alts[na++] = id;
      }
    }
    Integer later = innerKeys.get(f.key);
    // most words are in no dictionary at all: they share one instance (one cache line for all of them)
    WordKeys w = k == 0 && later == null && na == 0 ? NO_WORD_KEYS
        : new WordKeys(k == 0 ? NO_NODES : java.util.Arrays.copyOf(found, k), later == null ? -1 : later,
            na == 0 ? NO_KEYS : java.util.Arrays.copyOf(alts, na));
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
    if (node.next == null || j + 1 >= s.size() || s.barrierAfter(j)) {
      return;
    }
    WordKeys w = keys(s.form(j + 1));
    Node direct = w.later < 0 ? null : node.child(w.later);
    walk(s, from, j + 1, direct, bestEnd, bestVals, nextFree);
    for (int alt : w.alts) {
      Node m = node.child(alt);
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

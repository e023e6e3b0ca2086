package dev.mizan.relation;

import dev.mizan.lexicon.Sentence;
import dev.mizan.text.Token;

/** Which words of a sentence stand inside quotation marks (« » “ ” „ ‹ › and paired ASCII "). */
public final class Quotes {
  private Quotes() {}

  public static boolean[] mask(Sentence s) {
    boolean[] in = new boolean[s.words.size()];
    int depth = 0;
    boolean ascii = false;
    int w = 0;
    for (Token t : s.tokens) {
      if (t.isWord()) {
        if (w < in.length) {
          in[w] = depth > 0;
        }
        w++;
        continue;
      }
      char c = t.norm().charAt(0);
      if (c == '«' || c == '“' || c == '„' || c == '‹') {
        depth++;
      } else if (c == '»' || c == '”' || c == '›') {
        depth = Math.max(0, depth - 1);
      } else if (c == '"') {
        depth = ascii ? Math.max(0, depth - 1) : depth + 1;
        ascii = !ascii;
      }
    }
    return in;
  }
}

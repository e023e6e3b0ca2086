package dev.mizan.relation;

import dev.mizan.lexicon.Sentence;

/** Which words of a sentence stand inside quotation marks (« » “ ” „ ‹ › and paired ASCII "). */
public final class Quotes {
  private Quotes() {}

  public static boolean[] mask(Sentence s) {
    boolean[] in = new boolean[s.size()];
    int depth = 0;
    boolean ascii = false;
    String text = s.text;
    int from = 0;
    // quotation marks are punctuation: never inside a word, so they are the ones between words
    for (int w = 0; w < in.length; w++) {
      for (int k = from, to = s.start(w); k < to; k++) {
        char c = text.charAt(k);
        if (c == '«' || c == '“' || c == '„' || c == '‹') {
          depth++;
        } else if (c == '»' || c == '”' || c == '›') {
          depth = Math.max(0, depth - 1);
        } else if (c == '"') {
          depth = ascii ? Math.max(0, depth - 1) : depth + 1;
          ascii = !ascii;
        }
      }
      in[w] = depth > 0;
      from = s.end(w);
    }
    return in;
  }
}

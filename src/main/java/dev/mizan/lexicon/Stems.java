package dev.mizan.lexicon;

import dev.mizan.text.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemmer;

/** Lucene's Arabic light stemmer (prefixes ال وال بال كال فال لل و; one suffix ها ان ات ون ين يه ية ه ة ي). */
public final class Stems {
  private static final ArabicStemmer STEMMER = new ArabicStemmer();

  private Stems() {}

  public static String arabicStem(String word) {
    String n = ArabicNormalizer.normalize(word);
    char[] buf = n.toCharArray();
    int len = STEMMER.stem(buf, buf.length);
    return new String(buf, 0, len);
  }
}

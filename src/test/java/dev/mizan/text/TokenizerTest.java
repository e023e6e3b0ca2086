package dev.mizan.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private static List<String> norms(String s) {
    return Tokenizer.tokenize(s).stream().map(Token::norm).toList();
  }

  @Test
  void wordsAndPunctuationWithSpansIntoTheOriginal() {
    String s = "قال لافروف: «نعم»";
    List<Token> t = Tokenizer.tokenize(s);
    assertThat(t).extracting(x -> s.substring(x.start(), x.end())).containsExactly("قال", "لافروف", ":", "«", "نعم", "»");
  }

  @Test
  void releasingTheThreadCacheDropsTheTableAndChangesNoReading() {
    String s = "قالت الخارجية المصرية إن Egypt and Jordan agreed.";
    List<String> before = norms(s);
    WordForms table = WordForms.get();
    Tokenizer.releaseThreadCache();
    assertThat(WordForms.get()).as("a fresh table after the release").isNotSameAs(table);
    assertThat(norms(s)).isEqualTo(before);
  }

  @Test
  void scriptChangeSplitsARun() {
    assertThat(norms("NATOالناتو")).containsExactly("nato", "الناتو");
  }

  @Test
  void apostropheInsideLatinWordStaysAndPossessiveIsDropped() {
    assertThat(norms("don't Xi's")).containsExactly("don't", "xi");
  }

  @Test
  void dottedCapitalsAreOneToken() {
    List<Token> t = Tokenizer.tokenize("the U.S. and U.K.");
    assertThat(t).extracting(Token::norm).containsExactly("the", "us", "and", "uk");
    assertThat(t.get(1).upper()).isTrue();
  }

  @Test
  void hyphensSeparate() {
    assertThat(norms("فنوكوفو-2 al-Sisi")).containsExactly("فنوكوفو", "-", "2", "al", "-", "sisi");
  }

  @Test
  void arabicWordsAreNormalisedAndKeepTheirClitics() {
    String s = "وأمريكا";
    List<Token> t = Tokenizer.tokenize(s);
    assertThat(t).hasSize(1);
    assertThat(t.get(0).norm()).isEqualTo("وامريكا");
    assertThat(s.substring(t.get(0).start(), t.get(0).end())).isEqualTo("وأمريكا");
  }

  @Test
  void tashkeelAndTatweelStayInsideTheToken() {
    String s = "تقدُّمًا واضـحًا";
    List<Token> t = Tokenizer.tokenize(s);
    assertThat(t).extracting(Token::norm).containsExactly("تقدما", "واضحا");
    assertThat(t.get(1).end()).isEqualTo(s.length());
  }

  @Test
  void capitalsFlagIsSetOnlyForAllCapitalWords() {
    List<Token> t = Tokenizer.tokenize("US us Us");
    assertThat(t).extracting(Token::upper).containsExactly(true, false, false);
  }
}

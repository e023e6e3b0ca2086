package dev.mizan.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DictionaryTest {
  private static Dictionary<String> dict(String... formsAndValues) {
    Dictionary<String> d = new Dictionary<>();
    for (int i = 0; i < formsAndValues.length; i += 2) {
      d.add(formsAndValues[i], formsAndValues[i + 1], false);
    }
    return d;
  }

  private static List<String> found(Dictionary<String> d, String text) {
    Sentence s = new Sentence(text);
    return d.findAll(s).stream().map(m -> s.text.substring(m.start(), m.end()) + "=" + m.values().get(0)).toList();
  }

  @Test
  void proclitiConjunctionIsFoundThroughTheStrippedKey() {
    assertThat(found(dict("أمريكا", "USA"), "بين روسيا وأمريكا")).containsExactly("وأمريكا=USA");
  }

  @Test
  void articleAndLamLamAreTransparent() {
    Dictionary<String> d = dict("الصين", "CHN", "رئيس", "title");
    assertThat(found(d, "بالصين وللرئيس")).containsExactly("بالصين=CHN", "وللرئيس=title");
  }

  @Test
  void wholeTokensOnlyNoSubstrings() {
    assertThat(found(dict("مصر", "EGY"), "لقي مصرعه في الحادث")).isEmpty();
  }

  @Test
  void leftmostLongestWins() {
    Dictionary<String> d = dict("السودان", "SDN", "جنوب السودان", "SSD");
    assertThat(found(d, "زار جنوب السودان ثم السودان")).containsExactly("جنوب السودان=SSD", "السودان=SDN");
  }

  @Test
  void fullFormBeforeStrippedForm() {
    Dictionary<String> d = dict("واشنطن", "USA", "اشنطن", "WRONG");
    assertThat(found(d, "في واشنطن")).containsExactly("واشنطن=USA");
  }

  @Test
  void punctuationOtherThanHyphenBreaksAMultiWordMatch() {
    Dictionary<String> d = dict("الولايات المتحدة", "USA", "al-Sisi", "sisi");
    assertThat(found(d, "الولايات، المتحدة")).isEmpty();
    assertThat(found(d, "الولايات المتحدة")).containsExactly("الولايات المتحدة=USA");
    assertThat(found(d, "al - Sisi")).containsExactly("al - Sisi=sisi");
  }

  @Test
  void caseSensitiveEntriesNeedCapitals() {
    Dictionary<String> d = new Dictionary<>();
    d.add("US", "USA", true);
    assertThat(found(d, "the US said")).containsExactly("US=USA");
    assertThat(found(d, "let us say")).isEmpty();
  }

  @Test
  void tashkeelInTheTextDoesNotMatter() {
    assertThat(found(dict("تقدما واضحا", "cue"), "ثمة تقدمًا واضحًا")).containsExactly("تقدمًا واضحًا=cue");
  }
}

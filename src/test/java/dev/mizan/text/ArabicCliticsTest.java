package dev.mizan.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArabicCliticsTest {
  @Test
  void articleIsStripped() {
    assertThat(ArabicClitics.stripArticle("الصين")).isEqualTo("صين");
  }

  @Test
  void shortWordsKeepTheirArticleLetters() {
    assertThat(ArabicClitics.stripArticle("الي")).isEqualTo("الي");
  }

  @Test
  void conjunctionWawIsAnAlternativeNotAReplacement() {
    assertThat(ArabicClitics.keys("وامريكا")).containsExactly("وامريكا", "امريكا");
  }

  @Test
  void namesStartingWithACliticLetterAreFoundWholeFirst() {
    assertThat(ArabicClitics.keys("واشنطن").get(0)).isEqualTo("واشنطن");
    assertThat(ArabicClitics.keys("بكين").get(0)).isEqualTo("بكين");
    assertThat(ArabicClitics.keys("لبنان").get(0)).isEqualTo("لبنان");
  }

  @Test
  void prepositionsBaLaKaAreStripped() {
    assertThat(ArabicClitics.keys("بموسكو")).contains("موسكو");
    assertThat(ArabicClitics.keys("لروسيا")).contains("روسيا");
    assertThat(ArabicClitics.keys("كشريك")).contains("شريك");
  }

  @Test
  void lamLamIsLamPlusArticle() {
    assertThat(ArabicClitics.keys("للرئيس")).contains("رئيس");
  }

  @Test
  void conjunctionThenPrepositionThenArticle() {
    assertThat(ArabicClitics.keys("وبالصين")).contains("صين");
    assertThat(ArabicClitics.keys("فللولايات")).contains("ولايات");
  }
}

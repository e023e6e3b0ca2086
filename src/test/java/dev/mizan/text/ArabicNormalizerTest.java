package dev.mizan.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArabicNormalizerTest {
  @Test
  void removesTashkeel() {
    assertThat(ArabicNormalizer.normalize("تَقَدُّمًا")).isEqualTo("تقدما");
  }

  @Test
  void removesTatweel() {
    assertThat(ArabicNormalizer.normalize("روســـيا")).isEqualTo("روسيا");
  }

  @Test
  void unifiesAlefHamzaForms() {
    assertThat(ArabicNormalizer.normalize("أمريكا")).isEqualTo("امريكا");
    assertThat(ArabicNormalizer.normalize("إيران")).isEqualTo("ايران");
    assertThat(ArabicNormalizer.normalize("آسيا")).isEqualTo("اسيا");
    assertThat(ArabicNormalizer.normalize("ٱلله")).isEqualTo("الله");
  }

  @Test
  void alefMaqsuraBecomesYeh() {
    assertThat(ArabicNormalizer.normalize("نفى")).isEqualTo("نفي");
  }

  @Test
  void tehMarbutaBecomesHehForMatching() {
    assertThat(ArabicNormalizer.normalize("الروسية")).isEqualTo("الروسيه");
  }

  @Test
  void arabicIndicAndPersianDigitsBecomeAscii() {
    assertThat(ArabicNormalizer.normalize("٢٠٢٥")).isEqualTo("2025");
    assertThat(ArabicNormalizer.normalize("۱۴۰۳")).isEqualTo("1403");
  }

  @Test
  void presentationFormsAreDecomposed() {
    // U+FEFB is the lam-alef ligature, U+FE8D..: isolated alef
    assertThat(ArabicNormalizer.normalize("\uFEFB")).isEqualTo("لا");
    assertThat(ArabicNormalizer.normalize("\uFEE3\uFEEE\uFEB3\uFEDC\uFEEE")).isEqualTo("موسكو");
  }

  @Test
  void invisibleFormatCharactersAreRemoved() {
    assertThat(ArabicNormalizer.normalize("روس\u200Cيا\u200F")).isEqualTo("روسيا");
  }

  @Test
  void persianYehAndKehehBecomeArabic() {
    assertThat(ArabicNormalizer.normalize("ی")).isEqualTo("ي");
    assertThat(ArabicNormalizer.normalize("ک")).isEqualTo("ك");
  }

  @Test
  void unchangedTextIsReturnedAsIs() {
    String s = "روسيا";
    assertThat(ArabicNormalizer.normalize(s)).isSameAs(s);
  }
}

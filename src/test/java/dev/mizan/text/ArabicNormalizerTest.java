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

  @Test
  void theFastPathGivesWhatTheFullRulesGive() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    char[][] ranges = {{'a', 'z'}, {'0', '9'}, {'\u0600', '\u06FF'}, {'\u0750', '\u077F'}, {'\u200B', '\u200F'},
        {'\uFB50', '\uFDFF'}, {'\uFE70', '\uFEFF'}, {'\u0621', '\u064A'}};
    for (int n = 0; n < 200_000; n++) {
      StringBuilder sb = new StringBuilder();
      int len = 1 + r.nextInt(8);
      char[] range = ranges[r.nextInt(ranges.length)];
      for (int k = 0; k < len; k++) {
        char[] rg = r.nextInt(4) == 0 ? ranges[r.nextInt(ranges.length)] : range;
        sb.append((char) (rg[0] + r.nextInt(rg[1] - rg[0] + 1)));
      }
      String s = sb.toString();
      assertThat(ArabicNormalizer.normalize(s)).as(s).isEqualTo(ArabicNormalizer.full(s));
    }
  }
}

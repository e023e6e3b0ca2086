package dev.mizan.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {
  @Test
  void arabicScript() {
    assertThat(LanguageDetector.detect("التقى الوزيران في موسكو")).isEqualTo(Lang.AR);
  }

  @Test
  void arabicWithLatinNamesIsStillArabic() {
    assertThat(LanguageDetector.detect("قال المتحدث إن NATO ستجتمع غدا في بروكسل")).isEqualTo(Lang.AR);
  }

  @Test
  void englishLatinScript() {
    assertThat(LanguageDetector.detect("The ministers met in Moscow and said the talks were useful.")).isEqualTo(Lang.EN);
  }

  @Test
  void otherLatinLanguageIsTaggedOther() {
    assertThat(LanguageDetector.detect("Les ministres se sont réunis à Moscou et la réunion est terminée.")).isEqualTo(Lang.OTHER);
  }

  @Test
  void persianLettersMakeArabicScriptOther() {
    assertThat(LanguageDetector.detect("پیشنهاد گفتگو چگونه")).isEqualTo(Lang.OTHER);
  }

  @Test
  void otherScriptsAreTaggedOther() {
    assertThat(LanguageDetector.detect("Министры встретились в Москве")).isEqualTo(Lang.OTHER);
  }

  @Test
  void noLettersIsUnknown() {
    assertThat(LanguageDetector.detect("2025 — 12:30")).isEqualTo(Lang.UNKNOWN);
  }

  @Test
  void languageTagsAreParsed() {
    assertThat(Lang.fromTag("ar-EG")).isEqualTo(Lang.AR);
    assertThat(Lang.fromTag("EN")).isEqualTo(Lang.EN);
    assertThat(Lang.fromTag("fr")).isEqualTo(Lang.OTHER);
    assertThat(Lang.fromTag(" ")).isNull();
  }
}

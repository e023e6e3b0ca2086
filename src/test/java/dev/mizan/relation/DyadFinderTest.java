package dev.mizan.relation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.analysis.Analyzer;
import dev.mizan.analysis.AnalyzerOptions;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One literal test per dyad rule, through the real analyzer and bundled data. */
class DyadFinderTest {
  private static Analyzer analyzer;

  @BeforeAll
  static void load() {
    analyzer = Analyzer.create(AnalyzerOptions.defaults());
  }

  private static List<String> dyads(String text) {
    return analyzer.analyzeUnit(text, null, LocalDate.of(2025, 8, 7)).dyads();
  }

  @Test
  void explicitBetweenXAndY() {
    assertThat(dyads("تتحسن العلاقات بين روسيا وأمريكا ببطء.")).containsExactly("RUS-USA");
  }

  @Test
  void relationNounWithTwoNationalityAdjectives() {
    assertThat(dyads("انطلقت المحادثات التركية الروسية صباح اليوم.")).containsExactly("RUS-TUR");
  }

  @Test
  void hyphenatedPair() {
    assertThat(dyads("U.S.-China talks resumed on Monday.")).containsExactly("CHN-USA");
  }

  @Test
  void leadersOfTwoCountriesInteracting() {
    assertThat(dyads("التقى أردوغان بوتين في سوتشي.")).containsExactly("RUS-TUR");
  }

  @Test
  void metonymsStandForTheirCountries() {
    assertThat(dyads("رحب الكرملين بقرار البيت الأبيض.")).containsExactly("RUS-USA");
  }

  @Test
  void aNationalityAdjectiveAloneDoesNotMakeADyad() {
    assertThat(dyads("يفضل السياح الروس الشواطئ المصرية في الصيف.")).isEmpty();
  }

  @Test
  void listsOfCountriesAreNotRelations() {
    assertThat(dyads("تتصدر الصين والهند والبرازيل قائمة الاقتصادات الأسرع نموا.")).isEmpty();
  }

  @Test
  void comparisonsAreNotRelations() {
    assertThat(dyads("اقتصاد الصين أكبر من اقتصاد اليابان.")).isEmpty();
  }

  @Test
  void substringsAreNotCountries() {
    assertThat(analyzer.analyzeUnit("لقي مصرعه في حادث سير.", "ar", LocalDate.of(2025, 8, 7)).countries()).isEmpty();
  }

  @Test
  void longerNamesWin() {
    assertThat(dyads("اتفقت جنوب السودان وكينيا على تعزيز التعاون.")).containsExactly("KEN-SSD");
  }

  @Test
  void oneCountryIsNoDyad() {
    assertThat(dyads("أعلنت روسيا عن خطة اقتصادية جديدة.")).isEmpty();
  }
}

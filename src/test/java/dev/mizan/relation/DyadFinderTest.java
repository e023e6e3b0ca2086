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

  // issue 3: dyad recall (own sentences)

  @Test
  void aMaterialVerbRelatesAStateToANationalityAdjective() {
    assertThat(dyads("أغلقت مصر حدودها أمام الشاحنات الليبية.")).containsExactly("EGY-LBY");
    assertThat(dyads("Norway shipped wheat to Kenyan ports.")).containsExactly("KEN-NOR");
  }

  @Test
  void theIndefiniteAccusativeOfAnAdjectiveNamesItsCountry() {
    assertThat(dyads("احتجزت الشرطة الهندية صيادا باكستانيا.")).containsExactly("IND-PAK");
  }

  @Test
  void aCityTargetedByAMaterialActStandsForItsState() {
    assertThat(dyads("قصفت روسيا محطة كهرباء في أوديسا.")).containsExactly("RUS-UKR");
    assertThat(dyads("A Syrian drone struck a depot near Haifa.")).containsExactly("ISR-SYR");
  }

  @Test
  void aCityWithoutARelationWordIsNotAParty() {
    assertThat(dyads("قال ماكرون إن خاركيف مدينة جميلة.")).isEmpty();
  }

  @Test
  void aMediatorDoesNotPairWithTheParties() {
    assertThat(dyads("تبادلت أرمينيا وأذربيجان الأسرى بوساطة أمريكية.")).containsExactly("ARM-AZE");
    assertThat(dyads("اتفقت إثيوبيا وإريتريا على التهدئة بوساطة سعودية وإماراتية.")).containsExactly("ERI-ETH");
  }

  @Test
  void aTransitCountryIsNotAParty() {
    assertThat(dyads("بدأت مصر تزويد لبنان بالكهرباء عبر سوريا.")).containsExactly("EGY-LBN");
  }

  @Test
  void aCountryNamedAfterAmidIsBackground() {
    assertThat(dyads("Germany halted imports of Brazilian beef amid the Argentina dispute.")).containsExactly("BRA-DEU");
  }

  @Test
  void seaNamesDoNotNameTheirCountry() {
    assertThat(dyads("Iran seized a British tanker in the Gulf of Oman.")).containsExactly("GBR-IRN");
  }

  @Test
  void theTalibanGovernmentStandsForAfghanistan() {
    assertThat(dyads("The Taliban government accused Iran of cutting water flows.")).containsExactly("AFG-IRN");
  }

  @Test
  void xiAloneIsXiJinping() {
    assertThat(dyads("Xi phoned Lula on Tuesday.")).containsExactly("BRA-CHN");
  }
}

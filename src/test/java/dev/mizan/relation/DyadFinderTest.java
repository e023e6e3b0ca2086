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

  // issue 3, dyad audit (own sentences)

  @Test
  void anAdjectiveThatQualifiesAStateBodyNamesTheStateStrongly() {
    assertThat(dyads("قال الجانب الصيني إن واشنطن لم تقدم أي عرض جديد.")).containsExactly("CHN-USA");
  }

  @Test
  void freezingResumingAndDenyingAreActsBetweenStates() {
    assertThat(dyads("جمدت اليابان أرصدة مصرف إيراني.")).containsExactly("IRN-JPN");
    assertThat(dyads("Turkey and Greece resumed direct ferry services.")).containsExactly("GRC-TUR");
    assertThat(dyads("نفت الكويت اتهامات عراقية بتجاوز الحدود.")).containsExactly("IRQ-KWT");
  }

  @Test
  void jointActionRelatesTwoNationalityAdjectives() {
    assertThat(dyads("بدأت قوات تركية وأذربيجانية مناورات مشتركة.")).containsExactly("AZE-TUR");
  }

  @Test
  void sportAndNaturalDisastersRelateNoStates() {
    assertThat(dyads("Morocco and Portugal met in the World Cup quarter-final.")).isEmpty();
    assertThat(dyads("التقى منتخب المغرب ومنتخب البرتغال في مباراة ودية.")).isEmpty();
    assertThat(dyads("ضربت عاصفة رملية الأردن والسعودية مساء الأحد.")).isEmpty();
  }

  @Test
  void aStanceCueStillRelatesTwoStatesAfterADisaster() {
    assertThat(dyads("بعثت قطر برقية تعزية إلى تركيا إثر الزلزال.")).containsExactly("QAT-TUR");
  }

  @Test
  void theStateToBeRecognisedIsTheTopic() {
    assertThat(dyads("انتقدت إسرائيل كندا بسبب قرارها الاعتراف بدولة فلسطين.")).containsExactly("CAN-ISR");
  }

  @Test
  void riyadhIsTheCapitalOnlyWithTheArticle() {
    assertThat(dyads("رحبت أنقرة بموقف الرياض.")).containsExactly("SAU-TUR");
    assertThat(dyads("أشادت أنقرة بدور للرياض في التهدئة.")).containsExactly("SAU-TUR");
    assertThat(analyzer.analyzeUnit("التقى رياض منصور وزير الخارجية الفرنسي.", "ar", LocalDate.of(2025, 8, 7)).countries())
        .containsExactly("FRA");
  }

  @Test
  void leadersAddedInTheAuditNameTheirCountries() {
    assertThat(dyads("Orban met Lukashenko in Minsk.")).containsExactly("BLR-HUN");
    assertThat(dyads("بحث شهباز شريف وأردوغان التعاون الدفاعي.")).containsExactly("PAK-TUR");
  }

  @Test
  void aCountryNamedInTheQuotationComesBackBeforeATopic() {
    assertThat(dyads("\"أنقرة شريك أساسي في ملف سوريا\"، قال روبيو.")).containsExactly("TUR-USA");
  }

  @Test
  void airspaceNamesTheStateItBelongsTo() {
    assertThat(dyads("نفت روسيا أن تكون طائراتها قد دخلت الأجواء البولندية.")).containsExactly("POL-RUS");
  }

  @Test
  void abdelattyByHisFamilyNameAlone() {
    assertThat(dyads("بحث عبد العاطي وفيدان التعاون الاقتصادي.")).containsExactly("EGY-TUR");
  }

  @Test
  void handingSomethingOverRelatesTheTwoStates() {
    assertThat(dyads("أخلت القوات البريطانية معسكرا في جنوب العراق وسلمته للجيش العراقي.")).containsExactly("GBR-IRQ");
  }

  @Test
  void nonsenseAsAVerdictRelatesTheSpeakerAndTheAdjective() {
    assertThat(dyads("اعتبر عراقجي أن الشروط الأمريكية \"هراء\".")).containsExactly("IRN-USA");
  }

  @Test
  void grantsShipmentsAndTradeFlowsRelateTheTwoStates() {
    assertThat(dyads("منحت اليابان كينيا قرضا لبناء محطة كهرباء.")).containsExactly("JPN-KEN");
    assertThat(dyads("بدأ النفط العراقي يتدفق إلى الأردن عبر الصهاريج.")).containsExactly("IRQ-JOR");
    assertThat(dyads("رفعت مصر مشترياتها من القمح الروسي هذا العام.")).containsExactly("EGY-RUS");
    assertThat(dyads("Brazil began shipping beef to Egypt last month.")).containsExactly("BRA-EGY");
  }

  @Test
  void anAmbiguousNameFlaggedSlotNamesItsCountryOnlyInAPartySlot() {
    assertThat(dyads("اتهمت مالي النيجر بدعم المتمردين.")).containsExactly("MLI-NER");
    assertThat(dyads("جمدت فرنسا تعاونها الأمني مع مالي.")).containsExactly("FRA-MLI");
    assertThat(dyads("قالت جورجيا إن أرمينيا شريك موثوق.")).containsExactly("ARM-GEO");
    assertThat(dyads("Turkey signed a transit deal with Georgia.")).containsExactly("GEO-TUR");
    assertThat(dyads("اعترضت روسيا مسيرات قرب الأجواء الرومانية.")).containsExactly("ROU-RUS");
    // 'financial' and the US state stay no country
    assertThat(dyads("قدمت فرنسا دعما ماليا ودعم مالي إضافيا للمغرب.")).containsExactly("FRA-MAR");
    assertThat(dyads("هاجمت تركيا وزارة المالية اليونانية في بيان.")).containsExactly("GRC-TUR");
    assertThat(dyads("The governor of Georgia praised Canada's investment.")).isEmpty();
  }

  @Test
  void oneWordArabicAliasOfAPersonNeedsTheArticle() {
    assertThat(dyads("استقبل أردوغان الشرع في أنقرة وبحثا التعاون.")).containsExactly("SYR-TUR");
    // «شرع في» is 'began to', not al-Sharaa
    assertThat(dyads("شرع أردوغان في جولة خليجية.")).isEmpty();
  }

  @Test
  void aCounterpartNamesTheOtherStateAsStronglyAsAMinister() {
    assertThat(dyads("قال لافروف إن محادثاته مع نظيره التركي كانت مفيدة.")).containsExactly("RUS-TUR");
    assertThat(dyads("Wang Yi said his talks with his Indian counterpart were useful.")).containsExactly("CHN-IND");
  }

  @Test
  void threeCountriesPairedImplicitlyRelateTheFirstNamedToTheOthers() {
    // the caller acts toward the two others; the two others are not a pair
    assertThat(dyads("اتصل أردوغان بشي جين بينغ لإطلاعه على نتائج لقائه مع بوتين.")).containsExactly("CHN-TUR", "RUS-TUR");
    assertThat(dyads("Japan sanctioned three Chinese firms that supplied Russian drone makers."))
        .containsExactly("CHN-JPN", "JPN-RUS");
    // co-actors joined by «و» keep every pair
    assertThat(dyads("اتفق ماكرون وميرتس وستارمر على تنسيق مواقفهم.")).containsExactly("DEU-FRA", "DEU-GBR", "FRA-GBR");
  }
}

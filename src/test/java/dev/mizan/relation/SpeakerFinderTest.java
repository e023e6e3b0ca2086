package dev.mizan.relation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.analysis.Analyzer;
import dev.mizan.analysis.AnalyzerOptions;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One literal test per speaker rule, through the real analyzer and bundled data. */
class SpeakerFinderTest {
  private static Analyzer analyzer;

  @BeforeAll
  static void load() {
    analyzer = Analyzer.create(AnalyzerOptions.defaults());
  }

  private static String speaker(String text) {
    return analyzer.analyzeUnit(text, null, LocalDate.of(2025, 8, 7)).speaker();
  }

  @Test
  void verbThenSpeaker() {
    assertThat(speaker("قال لافروف إن العلاقات مع واشنطن متوترة.")).isEqualTo("sergey-lavrov");
  }

  @Test
  void verbThenDescriptionThenName() {
    assertThat(speaker("قال وزير الخارجية الروسي سيرغي لافروف إن الحوار مستمر.")).isEqualTo("sergey-lavrov");
  }

  @Test
  void speakerThenVerb() {
    assertThat(speaker("Lavrov said Moscow was ready for talks with Washington.")).isEqualTo("sergey-lavrov");
  }

  @Test
  void quoteFirstThenSpeakerAndVerb() {
    assertThat(speaker("\"We are ready to talk to Moscow,\" Rubio said.")).isEqualTo("marco-rubio");
  }

  @Test
  void quoteFirstThenVerbAndSpeaker() {
    assertThat(speaker("\"We are ready to talk to Moscow,\" said Rubio.")).isEqualTo("marco-rubio");
  }

  @Test
  void accordingTo() {
    assertThat(speaker("بحسب بيسكوف، فإن موسكو منفتحة على الحوار مع واشنطن.")).isEqualTo("dmitry-peskov");
  }

  @Test
  void nameColonQuote() {
    assertThat(speaker("لافروف: «لن نقبل الإملاءات الأمريكية»")).isEqualTo("sergey-lavrov");
  }

  @Test
  void descriptionResolvedOnTheDate() {
    assertThat(speaker("صرح الرئيس الروسي بأن موسكو مستعدة للتفاوض مع واشنطن.")).isEqualTo("vladimir-putin");
  }

  @Test
  void anActorInsideTheQuoteIsNotTheSpeaker() {
    assertThat(speaker("قال بيسكوف: «بوتين مستعد للقاء ترامب»")).isEqualTo("dmitry-peskov");
  }

  @Test
  void noReportingVerbNoSpeaker() {
    assertThat(speaker("التقى بوتين ويتكوف في الكرملين.")).isNull();
  }

  @Test
  void anOrganisationIsNeverTheSpeaker() {
    assertThat(speaker("قالت منظمة الصحة العالمية إن الوضع في غزة كارثي.")).isNull();
    assertThat(speaker("The Iranian envoy told the Security Council that Israel had broken the truce.")).isNull();
    assertThat(speaker("\"The talks must resume,\" according to NATO.")).isNull();
  }

  @Test
  void qailanAttributesToTheActorOfTheClause() {
    assertThat(speaker("هاجم روبيو كوبا قائلا إنها تدعم فنزويلا.")).isEqualTo("marco-rubio");
  }

  @Test
  void notRulingOutStatesAPosition() {
    assertThat(speaker("لم يستبعد لافروف عقد قمة جديدة مع واشنطن.")).isEqualTo("sergey-lavrov");
    assertThat(speaker("Rubio did not rule out new sanctions on Caracas.")).isEqualTo("marco-rubio");
  }

  @Test
  void anInstitutionInsideTheSpeakersTitleIsNotTheSubject() {
    assertThat(speaker("قال المتحدث باسم الكرملين ديمتري بيسكوف إن موسكو منفتحة.")).isEqualTo("dmitry-peskov");
    assertThat(speaker("\"No deal yet,\" according to Kremlin spokesman Dmitry Peskov.")).isEqualTo("dmitry-peskov");
    // an institution alone is still the subject: no speaker
    assertThat(speaker("رحب الكرملين بتصريحات روبيو.")).isNull();
  }

  @Test
  void callingSomethingByAQuotedNameReportsTheCaller() {
    assertThat(speaker("Fidan called his meeting with Lavrov \"frank and useful\".")).isEqualTo("hakan-fidan");
    // a phone call is no statement
    assertThat(speaker("Erdogan called Putin on Tuesday to discuss the grain corridor.")).isNull();
  }
}

package dev.mizan.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.testutil.Paths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The founding article, read as ../shared/fixtures/seed-article-expected.md says (the core, without Spark). */
class FoundingArticleTest {
  private static ArticleResult result;
  private static List<SentenceResult> prose;
  private static List<SentenceResult> table;

  @BeforeAll
  static void read() throws Exception {
    String text = Files.readString(Paths.shared().resolve("fixtures/seed-article-ar.txt"), StandardCharsets.UTF_8);
    int nl = text.indexOf('\n');
    String title = text.substring(0, nl);
    String body = text.substring(nl + 1);
    result = Analyzer.create(AnalyzerOptions.defaults()).analyzeArticle(title, body, null, LocalDate.of(2025, 8, 7));
    int tableParagraph = result.sentences().stream().filter(s -> s.sentence().startsWith("كيريل دميترييف الممثل"))
        .mapToInt(SentenceResult::paragraph).findFirst().orElse(-1);
    prose = result.sentences().stream().filter(s -> s.paragraph() != tableParagraph).toList();
    table = result.sentences().stream().filter(s -> s.paragraph() == tableParagraph).toList();
  }

  @Test
  void isArabic() {
    assertThat(result.lang()).isEqualTo("ar");
  }

  @Test
  void onlyRussiaUsa() {
    Set<String> dyads = new TreeSet<>();
    result.sentences().forEach(s -> dyads.addAll(s.dyads()));
    assertThat(dyads).containsExactly("RUS-USA");
    long withDyad = result.sentences().stream().filter(s -> !s.dyads().isEmpty()).count();
    assertThat(withDyad).isGreaterThanOrEqualTo(10);
  }

  @Test
  void noMentionIsConflictualAndEveryProseMentionIsCooperative() {
    assertThat(result.sentences()).filteredOn(s -> !s.dyads().isEmpty())
        .allSatisfy(s -> assertThat(s.stance()).as(s.sentence()).isNotEqualTo("conflictual"));
    assertThat(prose).filteredOn(s -> !s.dyads().isEmpty())
        .allSatisfy(s -> assertThat(s.stance()).as(s.sentence()).isEqualTo("cooperative"));
    assertThat(table).isNotEmpty();
  }

  @Test
  void dmitrievIsTheSpeakerOfHisSentenceWithItsCues() {
    SentenceResult s = result.sentences().stream().filter(x -> x.sentence().startsWith("أوضح كيريل دميترييف")).findFirst()
        .orElseThrow();
    assertThat(s.speaker()).isEqualTo("kirill-dmitriev");
    assertThat(s.dyads()).containsExactly("RUS-USA");
    assertThat(s.stance()).isEqualTo("cooperative");
    assertThat(s.evidence()).extracting(Evidence::text)
        .anySatisfy(t -> assertThat(t).contains("تقدمًا واضحًا"))
        .anySatisfy(t -> assertThat(t).contains("القوى الإيجابية"));
    for (Evidence e : s.evidence()) {
      assertThat(s.sentence().substring(e.start(), e.end())).isEqualTo(e.text());
    }
    // his title mentions «الرئيس الروسي»: that is part of his description, not a mention of Putin
    assertThat(s.actors()).containsExactly("kirill-dmitriev");
  }

  @Test
  void actorsAreDmitrievWitkoffPutinAndTheFund() {
    Set<String> actors = new TreeSet<>();
    result.sentences().forEach(s -> actors.addAll(s.actors()));
    assertThat(actors).containsExactlyInAnyOrder("kirill-dmitriev", "steve-witkoff", "vladimir-putin",
        "russian-direct-investment-fund");
  }

  @Test
  void tensionWordsThatAreMovedAwayFromDoNotTurnConflictual() {
    assertThat(result.sentences()).filteredOn(s -> s.sentence().contains("التوترات"))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.score()).as(s.sentence()).isGreaterThan(0));
  }

  @Test
  void articleLevelStanceIsClearlyCooperative() {
    double mean = result.sentences().stream().filter(s -> s.dyads().contains("RUS-USA"))
        .mapToDouble(SentenceResult::score).average().orElse(0);
    assertThat(mean).isGreaterThan(0.4);
  }
}

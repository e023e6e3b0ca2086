package dev.mizan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.analysis.Analyzer;
import dev.mizan.analysis.AnalyzerOptions;
import dev.mizan.analysis.ArticleResult;
import dev.mizan.config.Settings;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTest {
  static final Analyzer ANALYZER = Analyzer.create(Settings.defaults().analyzerOptions());

  static CorpusGenerator gen(long seed) {
    return new CorpusGenerator(new CorpusGenerator.Options(seed, 0.6, 0.3, LocalDate.of(2025, 1, 1),
        LocalDate.of(2025, 12, 31), 60), ANALYZER.gazetteer());
  }

  @Test
  void sameSeedSameArticleWhateverTheOrder() {
    CorpusGenerator g1 = gen(3);
    CorpusGenerator g2 = gen(3);
    for (long i = 999; i >= 0; i -= 7) {
      assertThat(g2.article(i)).isEqualTo(g1.article(i));
    }
    assertThat(gen(4).article(5)).isNotEqualTo(g1.article(5));
  }

  @Test
  void articlesLookLikeNews() {
    CorpusGenerator g = gen(1);
    Set<String> sources = new HashSet<>();
    int ar = 0;
    int html = 0;
    int tashkeel = 0;
    int withMentions = 0;
    int stances = 0;
    Set<String> seen = new HashSet<>();
    for (long i = 0; i < 400; i++) {
      CorpusGenerator.Article a = g.article(i);
      sources.add(a.source());
      int words = a.body().split("\\s+").length;
      assertThat(words).isBetween(140, 13_000);
      ar += a.lang().equals("ar") ? 1 : 0;
      html += a.body().contains("<p>") || a.body().contains("<br/>") ? 1 : 0;
      tashkeel += a.body().matches("(?s).*[\u064B-\u0652\u0640].*") ? 1 : 0;
      ArticleResult r = ANALYZER.analyzeArticle(a.title(), a.body(), a.lang(), LocalDate.ofEpochDay(a.epochDay()));
      if (r.sentences().stream().anyMatch(s -> !s.dyads().isEmpty())) {
        withMentions++;
      }
      r.sentences().forEach(s -> seen.add(s.stance()));
      stances = seen.size();
    }
    assertThat(sources.size()).isGreaterThanOrEqualTo(50);
    assertThat(ar).isBetween(200, 280);
    assertThat(html).isBetween(20, 90);
    assertThat(tashkeel).isGreaterThan(100);
    assertThat(withMentions).isGreaterThan(350);
    assertThat(stances).isEqualTo(3);
  }
}

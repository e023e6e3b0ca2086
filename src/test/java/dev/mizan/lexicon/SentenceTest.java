package dev.mizan.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.bench.CorpusGenerator;
import dev.mizan.relation.Quotes;
import dev.mizan.text.Segmenter;
import dev.mizan.text.TextCleaner;
import dev.mizan.text.Token;
import dev.mizan.text.Tokenizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A Sentence keeps its words as arrays and no punctuation tokens: its words, gaps, barriers and quote mask must be what
 * the token list ({@link Tokenizer#tokenize(String)}) says, on hand-written edge cases and on generated news text.
 */
class SentenceTest {
  private static final String[] EDGES = {
      "", "...", "«", "كلمة", "«قال الوزير: نعم» ثم غادر.", "\"He said\" -- then \"no\" again!", "the U.S. and U.K.-based firm",
      "al-Sisi met Xi's envoy (again), then left…", "NATOالناتو و«الاتحاد»؛ «", "word \uD83D\uDE00 word", "a - b ‐ c – d ' e ’ f",
      "  lead, «quoted  » trailing ?!", "٣ ملايين، 4.5%"};

  @Test
  void agreesWithTheTokenListOnEdgeCases() {
    for (String s : EDGES) {
      check(s);
    }
  }

  @Test
  void agreesWithTheTokenListOnGeneratedNews() {
    CorpusGenerator g = new CorpusGenerator(new CorpusGenerator.Options(5, 0.6, 0.4, LocalDate.of(2025, 1, 1),
        LocalDate.of(2025, 3, 1), 20), Gazetteer.load(List.of(), null));
    int sentences = 0;
    for (long i = 0; i < 30; i++) {
      CorpusGenerator.Article a = g.article(i);
      String clean = TextCleaner.clean(a.body());
      for (Segmenter.Span sp : Segmenter.split(clean)) {
        check(clean.substring(sp.start(), sp.end()));
        sentences++;
      }
    }
    assertThat(sentences).isGreaterThan(300);
  }

  private static void check(String text) {
    Sentence s = new Sentence(text);
    List<Token> tokens = Tokenizer.tokenize(text);
    assertThat(s.tokens()).isEqualTo(tokens);
    List<Token> words = tokens.stream().filter(Token::isWord).toList();
    assertThat(s.words).as(text).isEqualTo(words);
    assertThat(s.size()).isEqualTo(words.size());
    List<String> gaps = new ArrayList<>();
    for (Token t : tokens) {
      if (t.isWord()) {
        gaps.add("");
      } else if (!gaps.isEmpty()) {
        gaps.set(gaps.size() - 1, gaps.get(gaps.size() - 1) + t.norm());
      }
    }
    for (int i = 0; i < words.size(); i++) {
      assertThat(s.start(i)).isEqualTo(words.get(i).start());
      assertThat(s.end(i)).isEqualTo(words.get(i).end());
      assertThat(s.form(i).norm).isEqualTo(words.get(i).norm());
      assertThat(s.gapAfter(i)).as(text + " gap " + i).isEqualTo(gaps.get(i));
      boolean barrier = gaps.get(i).chars().anyMatch(c -> c != '-' && c != '\'' && c != '’' && c != '‐' && c != '–');
      assertThat(s.barrierAfter(i)).as(text + " barrier " + i).isEqualTo(barrier);
    }
    assertThat(Quotes.mask(s)).as(text).isEqualTo(quoteMask(tokens, words.size()));
  }

  /** The quote mask over the token list (how it was computed when a Sentence kept its punctuation tokens). */
  private static boolean[] quoteMask(List<Token> tokens, int words) {
    boolean[] in = new boolean[words];
    int depth = 0;
    boolean ascii = false;
    int w = 0;
    for (Token t : tokens) {
      if (t.isWord()) {
        in[w++] = depth > 0;
        continue;
      }
      char c = t.norm().charAt(0);
      if (c == '«' || c == '“' || c == '„' || c == '‹') {
        depth++;
      } else if (c == '»' || c == '”' || c == '›') {
        depth = Math.max(0, depth - 1);
      } else if (c == '"') {
        depth = ascii ? Math.max(0, depth - 1) : depth + 1;
        ascii = !ascii;
      }
    }
    return in;
  }
}

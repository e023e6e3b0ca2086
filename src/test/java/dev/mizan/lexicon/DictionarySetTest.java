package dev.mizan.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.bench.CorpusGenerator;
import dev.mizan.text.Segmenter;
import dev.mizan.text.TextCleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-pass matcher gives every dictionary exactly the matches it finds alone. */
class DictionarySetTest {
  @Test
  void combinedPassEqualsSeparatePasses() throws Exception {
    Gazetteer g = Gazetteer.load(List.of(), null);
    Lexicon lex = Lexicon.load();
    List<Dictionary<?>> dicts = List.of(g.dictionary(), lex.titles(), lex.cues(), lex.modifiers(), lex.speech(),
        lex.relations());
    DictionarySet set = new DictionarySet(dicts);
    List<String> texts = new ArrayList<>();
    Path dev = Path.of(System.getProperty("mizan.basedir", ".")).resolve("src/sample/devset.jsonl");
    if (Files.exists(dev)) {
      texts.addAll(Files.readAllLines(dev));
    }
    CorpusGenerator gen = new CorpusGenerator(new CorpusGenerator.Options(5, 0.5, 0.6, LocalDate.of(2025, 1, 1),
        LocalDate.of(2025, 12, 31), 60), g);
    for (long i = 0; i < 150; i++) {
      String body = TextCleaner.clean(gen.article(i).body());
      for (Segmenter.Span sp : Segmenter.split(body)) {
        texts.add(body.substring(sp.start(), sp.end()));
      }
    }
    int matches = 0;
    for (String t : texts) {
      Sentence combined = new Sentence(t);
      set.matchAll(combined);
      for (Dictionary<?> d : dicts) {
        List<?> alone = d.findAll(new Sentence(t));
        assertThat(d.findAll(combined)).as(t).isEqualTo(alone);
        matches += alone.size();
      }
    }
    assertThat(matches).isGreaterThan(1000);
  }
}

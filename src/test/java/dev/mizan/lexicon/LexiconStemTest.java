package dev.mizan.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.text.ArabicNormalizer;
import org.junit.jupiter.api.Test;

/** The light-stem fallback for Arabic cue inflections. */
class LexiconStemTest {
  static final Lexicon LEXICON = Lexicon.load();

  static Lexicon.Cue cue(String word) {
    return LEXICON.cueByStem(ArabicNormalizer.normalize(word));
  }

  @Test
  void aRootWawIsNotAConjunction() {
    // «وعيد» (threat) is a cue; its و is a root letter, so «بالعيد» (at the holiday) must not match it
    assertThat(cue("بالعيد")).isNull();
    assertThat(cue("العيد")).isNull();
  }

  @Test
  void anInflectedCueStillMatchesThroughItsStem() {
    // «التهديدات» is not spelled out in the cue list; its stem is that of the cue «تهديد»
    assertThat(cue("والتهديدات")).isNotNull();
    assertThat(cue("والتهديدات").polarity()).isNegative();
  }
}

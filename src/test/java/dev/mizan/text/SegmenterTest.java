package dev.mizan.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {
  private static List<String> sentences(String text) {
    return Segmenter.split(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
  }

  @Test
  void arabicTerminatorsEndSentences() {
    assertThat(sentences("وصل الوفد. هل تنجح المحادثات؟ نعم! انتهى الاجتماع؛ ثم غادر الوفد… وعاد"))
        .containsExactly("وصل الوفد.", "هل تنجح المحادثات؟", "نعم!", "انتهى الاجتماع؛", "ثم غادر الوفد…", "وعاد");
  }

  @Test
  void lineBreaksEndSentencesAndBlankLinesStartParagraphs() {
    List<Segmenter.Span> spans = Segmenter.split("عنوان بلا نقطة\nسطر ثان\n\nفقرة جديدة.");
    assertThat(spans).extracting(Segmenter.Span::paragraph).containsExactly(0, 0, 1);
  }

  @Test
  void terminatorInsideQuotesDoesNotEndTheSentence() {
    assertThat(sentences("قال الوزير «نحن مستعدون. والحوار مستمر» ثم غادر. انتهى"))
        .containsExactly("قال الوزير «نحن مستعدون. والحوار مستمر» ثم غادر.", "انتهى");
  }

  @Test
  void quoteClosingRightAfterTerminatorEndsTheSentence() {
    assertThat(sentences("He said: \"We are ready.\" Then he left."))
        .containsExactly("He said: \"We are ready.\"", "Then he left.");
  }

  @Test
  void decimalsAbbreviationsAndInitialsDoNotEndSentences() {
    assertThat(sentences("Trade grew 3.5 percent, Mr. Smith told the U.S. Senate and J. Doe agreed. Next."))
        .containsExactly("Trade grew 3.5 percent, Mr. Smith told the U.S. Senate and J. Doe agreed.", "Next.");
  }

  @Test
  void fullStopMustBeFollowedBySpace() {
    assertThat(sentences("See example.org for details.")).containsExactly("See example.org for details.");
  }

  @Test
  void arabicCommaDoesNotEndASentence() {
    assertThat(sentences("التقى الوزيران، وبحثا العلاقات.")).hasSize(1);
  }

  @Test
  void spansAreTrimmedAndPunctuationOnlySpansDropped() {
    String text = "  أولا.  — \n ثانيا.  ";
    assertThat(sentences(text)).containsExactly("أولا.", "ثانيا.");
  }

  @Test
  void veryLongSentencesAreCutAtASpace() {
    String text = "كلمة ".repeat(1000);
    List<Segmenter.Span> spans = Segmenter.split(text);
    assertThat(spans).hasSizeGreaterThan(1);
    assertThat(spans).allSatisfy(s -> assertThat(s.end() - s.start()).isLessThanOrEqualTo(Segmenter.MAX_SENTENCE_CHARS));
  }
}

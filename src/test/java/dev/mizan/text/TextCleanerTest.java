package dev.mizan.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextCleanerTest {
  @Test
  void blockTagsBecomeParagraphBreaksInlineTagsSpaces() {
    assertThat(TextCleaner.clean("<p>أولا</p><b>ثانيا</b>")).isEqualTo("\n\nأولا\n\n ثانيا ");
  }

  @Test
  void entitiesAreDecoded() {
    assertThat(TextCleaner.clean("a&nbsp;b &amp; c &#1605; &lt;x&gt;")).isEqualTo("a b & c م <x>");
  }

  @Test
  void lessThanThatOpensNoTagIsKept() {
    assertThat(TextCleaner.clean("a < b")).isEqualTo("a < b");
  }

  @Test
  void carriageReturnsAreRemoved() {
    assertThat(TextCleaner.clean("a\r\nb\rc")).isEqualTo("a\nb\nc");
  }
}

package dev.mizan.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.analysis.Evidence;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void escapesEveryMarkupCharacter() {
    assertThat(Html.esc("<script>alert('x')</script> & \"<b>\"")).isEqualTo(
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;&lt;b&gt;&quot;");
    assertThat(Html.esc(null)).isEmpty();
    assertThat(Html.esc("a\u0000b")).isEqualTo("a\uFFFDb");
  }

  @Test
  void highlightsCuesAndEscapesAroundAndInsideThem() {
    String s = "<b>Russia</b> welcomed talks & warned";
    List<Evidence> ev = List.of(new Evidence("warned", 31, 37, -0.4), new Evidence("welcomed", 14, 22, 0.5),
        new Evidence("bad", 30, 99, 1.0), new Evidence("overlap", 15, 20, 1.0));
    assertThat(Html.highlight(s, ev)).isEqualTo("&lt;b&gt;Russia&lt;/b&gt; <mark class=\"pos\" title=\"cue weight +0.50\">"
        + "welcomed</mark> talks &amp; <mark class=\"neg\" title=\"cue weight -0.40\">warned</mark>");
  }

  @Test
  void fileNamesAreSafe() {
    assertThat(Html.fileName("RUS-USA")).isEqualTo("RUS-USA");
    assertThat(Html.fileName("../x")).isEqualTo("_002e_002e_002fx");
  }
}

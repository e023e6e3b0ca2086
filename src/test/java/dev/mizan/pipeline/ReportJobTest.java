package dev.mizan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.config.Settings;
import dev.mizan.config.SettingsLoader;
import dev.mizan.io.SparkTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run writes report/index.html and the evidence pages; article text is escaped; report.enabled=false skips it. */
class ReportJobTest extends SparkTest {
  @TempDir
  Path dir;

  static final List<String> ARTICLES = List.of(
      // raw tags in the body are stripped by the text cleaner; entity-encoded ones become literal text in the sentence
      "{\"id\":\"a1<script>\",\"published\":\"2025-08-01\",\"title\":\"<b>Bold</b> Russia\",\"body\":\"Russia and the United States agreed to expand cooperation. <script>alert(2)</script> Russia and the United States welcomed the &lt;script&gt;alert(1)&lt;/script&gt; talks.\",\"source\":\"<i>s1</i>\"}",
      "{\"id\":\"a2\",\"published\":\"2025-08-03\",\"body\":\"Russia and the United States traded sharp accusations.\",\"source\":\"s2\"}",
      "{\"id\":\"a3\",\"published\":\"2025-08-09\",\"body\":\"Russia and the United States agreed to expand cooperation.\",\"source\":\"s1\"}",
      "{\"id\":\"a4\",\"published\":\"2025-08-10\",\"body\":\"Iran and the United States traded threats. Iran and the United States warned each other.\",\"source\":\"s3\"}");

  private Settings settings(Path in, Path out, String... more) {
    List<String> sets = new ArrayList<>(List.of("input.path=" + in, "input.format=json", "output.path=" + out));
    sets.addAll(List.of(more));
    return SettingsLoader.load(new SettingsLoader.Overrides(List.of(), sets, List.of()));
  }

  @Test
  void runWritesAnEscapedReportWithChartsMoversActorsAndEvidence() throws Exception {
    Path in = write(dir, "in.jsonl", ARTICLES);
    Path out = dir.resolve("out");
    var manifest = RunJob.run(settings(in, out), spark);
    Path index = out.resolve("report/index.html");
    assertThat(index).exists();
    assertThat(manifest.get("report")).isEqualTo(index.toString());
    String html = Files.readString(index, StandardCharsets.UTF_8);
    assertThat(html).contains("Mizan daily report", "2025-08-10", "Top dyads by volume", "RUS-USA",
        "href=\"evidence/RUS-USA.html\"", "href=\"evidence/RUS-USA.html#d2025-08-09\"", "<svg", "Biggest movers",
        "Most-quoted actors");
    assertThat(html).doesNotContainIgnoringCase("<script");
    Path evidence = out.resolve("report/evidence/RUS-USA.html");
    String ev = Files.readString(evidence, StandardCharsets.UTF_8);
    assertThat(ev).contains("id=\"d2025-08-01\"", "id=\"d2025-08-09\"", "&lt;script&gt;alert(1)&lt;/script&gt;",
        "&lt;i&gt;s1&lt;/i&gt;", "a1&lt;script&gt;", "<mark class=\"pos\"");
    assertThat(ev).doesNotContainIgnoringCase("<script").doesNotContain("<i>s1</i>").doesNotContain("<b>Bold");
    // RUS-USA has mentions in both weeks (07-28..08-03 and 08-04..08-10): it is a mover
    assertThat(html).contains("<td><a href=\"evidence/RUS-USA.html\">RUS-USA</a></td>");
  }

  @Test
  void disabledReportIsNotWrittenAndTheCommandWritesIt() throws Exception {
    Path in = write(dir, "in.jsonl", ARTICLES.subList(2, 4));
    Path out = dir.resolve("out");
    RunJob.run(settings(in, out, "report.enabled=false"), spark);
    assertThat(out.resolve("report")).doesNotExist();
    String index = ReportJob.run(settings(in, out, "report.top-dyads=1"), spark);
    assertThat(Path.of(index)).exists();
    assertThat(out.resolve("report/evidence")).isDirectoryContaining(p -> p.getFileName().toString().endsWith(".html"));
    try (var files = Files.list(out.resolve("report/evidence"))) { // and no .crc files
      assertThat(files.count()).isEqualTo(1);
    }
  }
}

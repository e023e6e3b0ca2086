package dev.mizan.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.testutil.DevTools;
import dev.mizan.testutil.Paths;
import dev.mizan.testutil.SampleOutput;
import dev.mizan.testutil.Tools;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The daily report of a fresh run on the sample corpus (plus a hostile article) in headless Chromium: screenshots,
 * no console errors, every chart drawn, every chart link leads to an existing evidence anchor, and the article's
 * markup shows as text (no script from it in the DOM, no alert).
 */
class ReportBrowserIT {
  static final Path SHOTS = Paths.basedir().resolve("target/report-screenshots");
  static final ObjectMapper JSON = new ObjectMapper();

  static final String PAGE_STATE = "JSON.stringify({"
      + "images: [...document.images].map(i => ({src: i.src, complete: i.complete, w: i.naturalWidth})),"
      + "svgs: [...document.querySelectorAll('svg')].map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height]; }),"
      + "charts: [...document.querySelectorAll('svg.chart')].filter(s => s.querySelector('polyline, circle, rect')).length,"
      + "scripts: document.scripts.length,"
      + "foreign: document.querySelectorAll('main b, main img, main i, main iframe, main object, [onerror], [onload]').length,"
      + "links: [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href')),"
      + "ids: [...document.querySelectorAll('[id]')].map(e => e.id),"
      + "text: document.body.innerText})";

  JsonNode state(DevTools dt) throws Exception {
    return JSON.readTree(dt.eval(PAGE_STATE).asText());
  }

  @Test
  void reportRendersWithoutErrorsAndShowsArticleMarkupAsText() throws Exception {
    Path chromium = Tools.chromium();
    Path out = SampleOutput.get();
    Path index = out.resolve("report/index.html");
    assertThat(index).exists();
    String source = Files.readString(index, StandardCharsets.UTF_8);
    Path evidence = out.resolve("report/evidence/RUS-USA.html");
    String evidenceSource = Files.readString(evidence, StandardCharsets.UTF_8);
    // the raw markup of the article never reaches the HTML source; its escaped form does
    assertThat(source + evidenceSource).doesNotContainIgnoringCase("<script").doesNotContain("<b>Evil")
        .doesNotContain("<img src=x");
    assertThat(evidenceSource).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;Evil&lt;/b&gt;",
        "xss-&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(2)&gt;");

    long t0 = System.nanoTime();
    try (DevTools dt = new DevTools(chromium)) {
      dt.send("Runtime.enable", Map.of());
      dt.send("Log.enable", Map.of());
      dt.send("Page.enable", Map.of());
      // test the escaping, not the page's Content-Security-Policy: with the CSP bypassed an injected script would run
      dt.send("Page.setBypassCSP", Map.of("enabled", true));

      dt.open(index.toUri().toString());
      JsonNode page = state(dt);
      dt.screenshot(SHOTS.resolve("index.png"), 1280);
      assertThat(dt.problems()).as("console errors, exceptions, dialogs on index.html").isEmpty();
      for (JsonNode img : page.get("images")) {
        assertThat(img.get("complete").asBoolean() && img.get("w").asInt() > 0).as("image loaded: " + img).isTrue();
      }
      assertThat(page.get("svgs").size()).isGreaterThanOrEqualTo(7); // 6 top dyads + movers
      for (JsonNode box : page.get("svgs")) {
        assertThat(box.get(0).asDouble() > 0 && box.get(1).asDouble() > 0).as("svg drawn with a size: " + box).isTrue();
      }
      assertThat(page.get("charts").asInt()).isGreaterThanOrEqualTo(6);
      assertThat(page.get("scripts").asInt()).isZero();
      assertThat(page.get("text").asText()).contains("Mizan daily report", "Top dyads by volume", "RUS-USA",
          "Biggest movers since the previous week", "Most-quoted actors");
      // every link from a chart leads to an evidence page that has the anchor
      TreeSet<String> targets = new TreeSet<>();
      page.get("links").forEach(l -> targets.add(l.asText()));
      assertThat(targets).anyMatch(l -> l.startsWith("evidence/RUS-USA.html#d"));
      for (String href : targets) {
        URI u = index.toUri().resolve(href);
        Path file = Path.of(new URI(u.getScheme(), u.getSchemeSpecificPart(), null));
        assertThat(file).as("link target " + href).exists();
        if (u.getFragment() != null) {
          assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("anchor of " + href)
              .contains("id=\"" + u.getFragment() + "\"");
        }
      }

      dt.open(evidence.toUri().toString() + "#d2025-08-21");
      JsonNode ev = state(dt);
      dt.screenshot(SHOTS.resolve("evidence-RUS-USA.png"), 1280);
      assertThat(dt.problems()).as("console errors, exceptions, dialogs (an alert would be one)").isEmpty();
      assertThat(ev.get("scripts").asInt()).as("script elements in the DOM").isZero();
      assertThat(ev.get("foreign").asInt()).as("elements or handlers from article markup").isZero();
      assertThat(ev.get("text").asText()).contains(SampleOutput.SCRIPT_TEXT, "<b>Evil</b> Wire", SampleOutput.HOSTILE_ID,
          "<img src=x onerror=alert(2)>");
      Thread.sleep(500); // an injected handler or timer would have fired by now
      assertThat(dt.problems()).isEmpty();
    }
    System.err.printf("ReportBrowserIT: chromium checks in %.1f s; screenshots: %s, %s%n", (System.nanoTime() - t0) / 1e9,
        SHOTS.resolve("index.png"), SHOTS.resolve("evidence-RUS-USA.png"));
  }
}

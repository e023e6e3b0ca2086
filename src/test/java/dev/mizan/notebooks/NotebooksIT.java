package dev.mizan.notebooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.testutil.Paths;
import dev.mizan.testutil.SampleOutput;
import dev.mizan.testutil.Tools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The notebooks run headlessly (nbclient + the venv's ipykernel) on fresh outputs of the sample corpus, the
 * committed notebooks carry no outputs, and the Parquet tables read back unchanged with pyarrow and pandas.
 */
class NotebooksIT {
  static final Path ROOT = Paths.basedir();
  static final Path NOTEBOOKS = ROOT.resolve("notebooks");

  static List<Path> notebooks() throws Exception {
    try (var s = Files.list(NOTEBOOKS)) {
      return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  @Test
  void notebooksAreCommittedWithoutOutputsAndWithAParametersCell() throws Exception {
    List<Path> nbs = notebooks();
    assertThat(nbs).extracting(p -> p.getFileName().toString())
        .containsExactly("01-trends.ipynb", "02-actors.ipynb", "03-evidence.ipynb", "04-model.ipynb");
    for (Path p : nbs) {
      JsonNode nb = new ObjectMapper().readTree(p.toFile());
      boolean firstCode = true;
      for (JsonNode cell : nb.get("cells")) {
        if (!cell.get("cell_type").asText().equals("code")) {
          continue;
        }
        assertThat(cell.get("outputs")).as(p + ": outputs of a code cell").isEmpty();
        assertThat(cell.get("execution_count").isNull()).as(p + ": execution_count of a code cell").isTrue();
        if (firstCode) {
          assertThat(cell.path("metadata").path("tags").toString()).as(p + ": first code cell's tags").contains("\"parameters\"");
          assertThat(cell.get("source").toString()).contains("output =", "dyad =", "date_from =", "date_to =", "actor =");
          firstCode = false;
        }
      }
      assertThat(nb.path("metadata").path("widgets").isMissingNode()).as(p + ": widget state").isTrue();
    }
  }

  @Test
  void tablesReadWithPyarrowAndPandasAsDocumented() throws Exception {
    Path py = Tools.venvPython();
    Path out = SampleOutput.get();
    long t0 = System.nanoTime();
    Tools.Result r = Tools.exec(List.of(py.toString(), ROOT.resolve("src/test/python/check_tables.py").toString(),
        out.toString(), SampleOutput.expected().toString()), ROOT, Map.of(), 5);
    System.err.printf("check_tables.py: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    assertThat(r.status()).as(r.output()).isZero();
    assertThat(r.output()).contains("sentences:", "mentions:", "trends:", "actor_trends:", "quarantine:")
        .doesNotContain("PROBLEM");
  }

  @Test
  void everyNotebookRunsOnFreshOutputsAndDrawsItsFigures() throws Exception {
    Path py = Tools.venvPython();
    Path out = SampleOutput.get();
    Path executed = ROOT.resolve("target/notebooks-executed");
    List<String> cmd = new ArrayList<>(List.of(py.toString(), ROOT.resolve("src/test/python/run_notebooks.py").toString(),
        NOTEBOOKS.toString(), executed.toString(), "output=" + out, "dyad=RUS-USA", "actor=kirill-dmitriev"));
    long t0 = System.nanoTime();
    Tools.Result r = Tools.exec(cmd, ROOT, Map.of("MIZAN_JAR", System.getProperty("mizan.jar",
        ROOT.resolve("target/mizan-0.1.0-SNAPSHOT.jar").toString()), "MPLBACKEND", "module://matplotlib_inline.backend_inline"), 20);
    System.err.printf("run_notebooks.py: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    assertThat(r.status()).as(r.output()).isZero();
    assertThat(r.output()).contains("01-trends.ipynb: OK", "02-actors.ipynb: OK", "03-evidence.ipynb: OK",
        "04-model.ipynb: OK");
    // 03 shows the hostile article's text escaped in its HTML evidence table, never as markup
    JsonNode nb = new ObjectMapper().readTree(executed.resolve("03-evidence.ipynb").toFile());
    StringBuilder html = new StringBuilder();
    for (JsonNode cell : nb.get("cells")) {
      for (JsonNode o : cell.path("outputs")) {
        JsonNode h = o.path("data").path("text/html");
        h.forEach(line -> html.append(line.asText()));
        if (h.isTextual()) {
          html.append(h.asText());
        }
      }
    }
    assertThat(html.toString()).contains("&lt;script&gt;alert(1)&lt;/script&gt;", "<mark").doesNotContainIgnoringCase("<script");
  }
}

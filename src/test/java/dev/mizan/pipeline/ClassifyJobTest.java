package dev.mizan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.config.Settings;
import dev.mizan.config.SettingsLoader;
import dev.mizan.io.SparkTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyJobTest extends SparkTest {
  @TempDir
  Path dir;

  private static Settings settings(String... sets) {
    return SettingsLoader.load(new SettingsLoader.Overrides(List.of(), List.of(sets), List.of()));
  }

  private static List<JsonNode> jsonRows(Path table) throws IOException {
    ObjectMapper om = new ObjectMapper();
    List<JsonNode> rows = new ArrayList<>();
    try (Stream<Path> files = Files.walk(table)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("part-")).toList()) {
        for (String line : Files.readAllLines(f)) {
          rows.add(om.readTree(line));
        }
      }
    }
    return rows;
  }

  @Test
  void classifiesJsonLinesIntoJsonPredictions() throws IOException {
    Path in = write(dir, "units.jsonl", List.of(
        "{\"id\":\"u1\",\"published\":\"2025-08-07\",\"body\":\"Russia and the United States agreed to cooperate.\"}",
        "{\"id\":\"u2\",\"body\":\"العلاقات بين روسيا وأمريكا تتحسن\",\"lang\":\"ar\"}",
        "{\"id\":\"u3\",\"body\":\"\"}",
        "{\"body\":\"no id\"}"));
    Path out = dir.resolve("out");
    Settings s = settings("input.path=" + in, "input.format=json", "output.path=" + out, "output.format=json");
    var manifest = ClassifyJob.run(s, spark);

    List<JsonNode> predictions = jsonRows(out.resolve("predictions"));
    assertThat(predictions).extracting(n -> n.get("id").asText()).containsExactlyInAnyOrder("u1", "u2");
    JsonNode u1 = predictions.stream().filter(n -> n.get("id").asText().equals("u1")).findFirst().orElseThrow();
    assertThat(u1.get("text").asText()).isEqualTo("Russia and the United States agreed to cooperate.");
    assertThat(u1.has("stance")).isTrue();
    assertThat(u1.has("score")).isTrue();
    assertThat(u1.has("quad_class")).isTrue();
    assertThat(u1.get("dyads").isArray()).isTrue();
    assertThat(u1.get("evidence").isArray()).isTrue();
    assertThat(Files.list(out.resolve("predictions")).map(p -> p.getFileName().toString()))
        .noneMatch(n -> n.startsWith("date="));

    List<JsonNode> quarantine = jsonRows(out.resolve("quarantine"));
    assertThat(quarantine).extracting(n -> n.get("reason").asText()).containsExactlyInAnyOrder("MISSING_BODY", "MISSING_ID");
    assertThat(manifest.get("rows_read")).isEqualTo(4L);
    assertThat(manifest.get("rows_scored")).isEqualTo(2L);
    assertThat(manifest.get("rows_quarantined")).isEqualTo(2L);
    JsonNode m = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
    assertThat(m.get("command").asText()).isEqualTo("classify");
    assertThat(m.get("tables").get("predictions").asLong()).isEqualTo(2);
  }

  @Test
  void readsATextColumnWhenThereIsNoBody() throws IOException {
    Path in = write(dir, "t.jsonl", List.of("{\"id\":\"t1\",\"text\":\"Turkey and Iran signed a trade deal.\"}"));
    Path out = dir.resolve("out2");
    ClassifyJob.run(settings("input.path=" + in, "input.format=json", "output.path=" + out, "output.format=json"), spark);
    assertThat(jsonRows(out.resolve("predictions"))).extracting(n -> n.get("text").asText())
        .containsExactly("Turkey and Iran signed a trade deal.");
  }
}

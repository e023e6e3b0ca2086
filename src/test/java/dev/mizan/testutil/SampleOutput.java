package dev.mizan.testutil;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.cli.Main;
import dev.mizan.io.TableIO;
import dev.mizan.io.Tables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Fresh outputs of {@code jobs/mizan run} on the sample corpus plus one hostile article (markup and scripts in its
 * id, title, source and body), made once per test JVM through the CLI entry point in local[2], under
 * target/it-sample/. Also dumps every table as Spark reads it (JSON lines, under expected/) for the
 * pyarrow/pandas round-trip check.
 */
public final class SampleOutput {
  private SampleOutput() {}

  public static final String HOSTILE_ID = "xss-<script>alert(1)</script>";
  /** The hostile sentence holds this as text (it is entity-encoded in the article body). */
  public static final String SCRIPT_TEXT = "<script>alert(1)</script>";
  static final String HOSTILE = "{\"id\":\"xss-<script>alert(1)</script>\",\"published\":\"2025-08-21\","
      + "\"title\":\"<b>Bold</b> headline <script>alert(1)</script>\","
      + "\"source\":\"<b>Evil</b> Wire <script>alert(1)</script>\",\"lang\":\"en\","
      + "\"body\":\"<b>Russia and the United States</b> signed a landmark cooperation agreement, "
      + "&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; &lt;img src=x onerror=alert(2)&gt; "
      + "and welcomed a new partnership. <script>alert(3)</script>\"}";

  private static Path out;

  public static synchronized Path get() {
    if (out == null) {
      try {
        out = make();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  public static Path expected() {
    return get().resolveSibling("expected");
  }

  private static Path make() throws IOException {
    Path root = Paths.basedir().resolve("target/it-sample");
    deleteTree(root);
    Path in = Files.createDirectories(root.resolve("in"));
    Files.copy(Paths.basedir().resolve("src/sample/articles.jsonl"), in.resolve("articles.jsonl"));
    Files.writeString(in.resolve("hostile.jsonl"), HOSTILE + "\n", StandardCharsets.UTF_8);
    Path output = root.resolve("out");
    long t0 = System.nanoTime();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"run", "--input", in.toString(), "--input-format", "json", "--output",
        output.toString(), "--master", "local[2]", "--set", "spark.shuffle-partitions=2"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    System.err.printf("SampleOutput: run on the sample corpus in %.1f s -> %s%n", (System.nanoTime() - t0) / 1e9, output);

    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.session.timeZone", "UTC").getOrCreate();
    try {
      Path expected = Files.createDirectories(root.resolve("expected"));
      for (String t : List.of(Tables.SENTENCES, Tables.MENTIONS, Tables.TRENDS, Tables.ACTOR_TRENDS, Tables.QUARANTINE)) {
        List<String> rows = TableIO.read(spark, output.resolve(t).toString(), "parquet", t, null, null).toJSON().collectAsList();
        Files.write(expected.resolve(t + ".jsonl"), rows, StandardCharsets.UTF_8);
      }
    } finally {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
    return output;
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}

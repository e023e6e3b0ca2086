package dev.mizan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.cli.Main;
import dev.mizan.io.Tables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jobs/daily.sh as cron runs it (embedded local mode): one day twice, then a backfill range, the lock, the errors. */
class DailyIT {
  static final Path ROOT = SparkDist.root();
  static final Path SAMPLE = ROOT.resolve("src/sample/articles.jsonl");

  @TempDir
  Path dir;

  @AfterAll
  static void stopSpark() {
    SparkSession.getDefaultSession().foreach(s -> {
      s.stop();
      return null;
    });
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  record Result(int status, String log) {}

  Result daily(String name, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("jobs/daily.sh").toString(), "--input", SAMPLE.toString(),
        "--output", dir.resolve("out").toString()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--", "--input-format", "json", "--master", "local[2]", "--set", "spark.shuffle-partitions=2"));
    Procs.Proc p = Procs.start(cmd, dir, Map.of("MIZAN_SKIP_BUILD", "1", "MIZAN_JAVA_OPTS", "-Xmx1g"),
        dir.resolve("logs/" + name + ".log"));
    int status = p.await(300);
    String log = Files.readString(p.log(), StandardCharsets.UTF_8);
    System.err.println("DailyIT " + name + ": exit " + status + "\n" + p.tail(8));
    return new Result(status, log);
  }

  @Test
  void runsEachDateOnceBackfillsTheGapsAndIsSafeToRunTwice() throws Exception {
    SparkDist.jar();
    Path out = dir.resolve("out");
    Path state = out.resolve("_state/processed");

    Result first = daily("day", "--date", "2025-08-07");
    assertThat(first.status()).as(first.log()).isZero();
    assertThat(first.log()).contains("running: ").contains("--from 2025-08-07 --to 2025-08-07");
    assertThat(state.resolve("2025-08-07")).exists();
    assertThat(partitions(out.resolve(Tables.MENTIONS))).containsExactly("date=2025-08-07");
    FileTime manifestTime = Files.getLastModifiedTime(out.resolve("_manifest.json"));
    List<String> files = Outputs.dataFiles(out.resolve(Tables.MENTIONS));

    Result again = daily("day-again", "--date", "2025-08-07");
    assertThat(again.status()).as(again.log()).isZero();
    assertThat(again.log()).contains("2025-08-07 already processed").contains("nothing to do").doesNotContain("running: ");
    assertThat(Files.getLastModifiedTime(out.resolve("_manifest.json"))).isEqualTo(manifestTime);
    assertThat(Outputs.dataFiles(out.resolve(Tables.MENTIONS))).isEqualTo(files);

    Result backfill = daily("backfill", "--from", "2025-08-07", "--to", "2025-08-09");
    assertThat(backfill.status()).as(backfill.log()).isZero();
    assertThat(backfill.log()).contains("2025-08-07 already processed").contains("--from 2025-08-08 --to 2025-08-09")
        .containsOnlyOnce("daily.sh: running: ");
    for (String d : List.of("2025-08-07", "2025-08-08", "2025-08-09")) {
      assertThat(state.resolve(d)).exists();
    }
    assertThat(partitions(out.resolve(Tables.MENTIONS)))
        .containsExactly("date=2025-08-07", "date=2025-08-08", "date=2025-08-09");

    // the same rows as one run over the whole range
    Path ref = dir.resolve("ref");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(new String[] {"run", "--input", SAMPLE.toString(), "--input-format", "json", "--output",
        ref.toString(), "--from", "2025-08-07", "--to", "2025-08-09", "--master", "local[2]", "--set",
        "spark.shuffle-partitions=2"}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "2").config("spark.sql.session.timeZone", "UTC").getOrCreate();
    assertThat(Outputs.countsByDate(spark, out, Tables.MENTIONS)).isEqualTo(Outputs.countsByDate(spark, ref, Tables.MENTIONS))
        .containsOnlyKeys("2025-08-07", "2025-08-08", "2025-08-09");
    assertThat(Outputs.diff(spark, ref, out, Outputs.RUN_TABLES)).isEmpty();

    // another daily.sh holding the lock: exit 3, nothing done
    Procs.Proc holder = Procs.start(List.of("flock", out.resolve("_state/lock").toString(), "sleep", "60"), dir, Map.of(),
        dir.resolve("logs/lock-holder.log"));
    try {
      Thread.sleep(500);
      Result locked = daily("locked", "--date", "2025-08-10");
      assertThat(locked.status()).as(locked.log()).isEqualTo(3);
      assertThat(locked.log()).contains("another daily.sh is running");
    } finally {
      Procs.kill(holder);
    }
    assertThat(state.resolve("2025-08-10")).doesNotExist();

    Result usage = daily("usage", "--date", "2025-02-30");
    assertThat(usage.status()).as(usage.log()).isEqualTo(2);
    assertThat(usage.log()).contains("\"2025-02-30\" is not a date");
  }

  static List<String> partitions(Path table) throws Exception {
    try (var s = Files.list(table)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("date=")).sorted().toList();
    }
  }
}

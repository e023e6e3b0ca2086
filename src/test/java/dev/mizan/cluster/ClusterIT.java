package dev.mizan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mizan.io.StagedCommit;
import dev.mizan.io.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mizan submitted with the real spark-submit of the .venv's Spark 4.2.0 to local[2] and to a real standalone cluster
 * (one master, two 1-core workers on 127.0.0.1) in client and cluster deploy mode; then the same cluster losing a
 * worker mid-job and a driver killed mid-write. Every process is started and stopped (by PID) here.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  static final Path ROOT = SparkDist.root();
  static final Path SAMPLE = ROOT.resolve("src/sample/articles.jsonl");
  /** Copies of the sample in the generated corpus (41 valid articles each); big enough for tens of seconds. */
  static final int REPLICAS = Integer.getInteger("mizan.it.replicas", 20);

  @TempDir
  static Path dir;
  static Path sparkHome;
  static StandaloneCluster cluster;
  static SparkSession spark;
  static Path work;
  static Path corpus;
  static Path cleanScore;

  @BeforeAll
  static void startCluster() throws Exception {
    sparkHome = SparkDist.sparkHome();
    SparkDist.jar();
    work = Files.createDirectories(dir.resolve("work"));
    cluster = new StandaloneCluster(sparkHome, Files.createDirectories(dir.resolve("cluster")));
    cluster.start(2);
    spark = SparkSession.builder().master("local[2]").appName("cluster-it-reader")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC").getOrCreate();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
    if (spark != null) {
      spark.stop();
      SparkSession.clearActiveSession();
      SparkSession.clearDefaultSession();
    }
  }

  /** Starts jobs/mizan with SPARK_HOME set (so through spark-submit), in the work directory. */
  static Procs.Proc mizan(String name, Map<String, String> env, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ROOT.resolve("jobs/mizan").toString());
    cmd.addAll(args);
    Map<String, String> e = new HashMap<>(cluster.env(name));
    e.put("SPARK_HOME", sparkHome.toString());
    e.put("MIZAN_SKIP_BUILD", "1");
    e.putAll(env);
    return Procs.start(cmd, work, e, dir.resolve("logs").resolve(name + ".log"));
  }

  static void succeeds(Procs.Proc p, int seconds) throws InterruptedException {
    int status = p.await(seconds);
    assertThat(status).as("exit status of %s\n%s", p.describe(), p.tail(60)).isZero();
  }

  static List<String> master(String... more) {
    List<String> l = new ArrayList<>(List.of("--master", cluster.masterUrl()));
    l.addAll(List.of(more));
    return l;
  }

  static List<String> concat(List<String> a, List<String> b) {
    List<String> l = new ArrayList<>(a);
    l.addAll(b);
    return l;
  }

  // ---------------------------------------------------------------------------------------------------------------

  @Test
  @Order(1)
  void localClientAndClusterModeWriteIdenticalOutputs() throws Exception {
    // a configuration file (shipped to the driver in cluster mode) that reads an environment variable, plus --set
    Path conf = work.resolve("it.conf");
    Files.writeString(conf, "mizan {\n  spark.shuffle-partitions = 5\n  output.compression = ${?MIZAN_IT_CODEC}\n}\n",
        StandardCharsets.UTF_8);
    Path out = work.resolve("out-sample");
    List<String> job = List.of("run", "--input", SAMPLE.toString(), "--input-format", "json", "--output",
        out.toString(), "--conf", "it.conf", "--set", "spark.shuffle-partitions=2", "--conf", "spark.ui.enabled=false");
    Map<String, String> env = Map.of("MIZAN_IT_CODEC", "gzip",
        "MIZAN_SUBMIT_OPTS", "--driver-memory 512m --executor-memory 512m");
    Map<String, List<String>> modes = new LinkedHashMap<>();
    modes.put("local", List.of("--master", "local[2]"));
    modes.put("client", master("--deploy-mode", "client"));
    modes.put("cluster", master("--deploy-mode", "cluster"));
    Map<String, Path> results = new LinkedHashMap<>();
    for (var m : modes.entrySet()) {
      long t0 = System.nanoTime();
      Procs.Proc p = mizan("sample-" + m.getKey(), env, concat(m.getValue(), job));
      succeeds(p, 300);
      if (m.getKey().equals("cluster")) {
        driverFinished(p);
      }
      assertThat(out.resolve("_manifest.json")).as("%s: manifest\n%s", m.getKey(), p.tail(40)).exists();
      Path res = Files.move(out, dir.resolve("result-" + m.getKey()));
      results.put(m.getKey(), res);
      System.err.printf("ClusterIT: sample run in %s mode: %.1f s%n", m.getKey(), (System.nanoTime() - t0) / 1e9);
    }
    Path local = results.get("local");
    assertThat(Outputs.table(spark, local, Tables.MENTIONS).count()).isPositive();
    for (var r : results.entrySet()) {
      // the environment variable reached the driver through the configuration file in every mode
      assertThat(Outputs.dataFiles(r.getValue().resolve(Tables.MENTIONS)))
          .as(r.getKey() + ": gzip-compressed parquet").isNotEmpty().allMatch(f -> f.endsWith(".gz.parquet"));
      assertThat(Outputs.diff(spark, local, r.getValue(), Outputs.RUN_TABLES)).as("local vs " + r.getKey()).isEmpty();
      assertThat(Outputs.manifest(r.getValue())).as("manifest local vs " + r.getKey())
          .isEqualTo(Outputs.manifest(local));
      assertThat(r.getValue().resolve(StagedCommit.STAGING)).as(r.getKey() + ": staging left behind").doesNotExist();
    }
  }

  // ---------------------------------------------------------------------------------------------------------------
  // The generated corpus, scored on the cluster (client mode): a clean run, a run whose driver is killed mid-write,
  // a run that loses a worker. All write to the same output path (moved aside after each run) so manifests compare.

  static final List<String> BIG_SPARK = List.of("--conf", "spark.sql.adaptive.coalescePartitions.enabled=false");
  static final Map<String, String> BIG_ENV = Map.of("MIZAN_SUBMIT_OPTS", "--driver-memory 768m --executor-memory 512m");

  static List<String> scoreBig(Path out) throws Exception {
    List<String> args = master("--deploy-mode", "client");
    args.addAll(BIG_SPARK);
    args.addAll(List.of("score", "--input", corpus().toString(), "--output", out.toString(), "--set",
        "spark.shuffle-partitions=8"));
    return args;
  }

  static synchronized Path corpus() {
    if (corpus == null) {
      long t0 = System.nanoTime();
      corpus = Corpus.generate(spark, SAMPLE, REPLICAS, LocalDate.of(2025, 9, 1), 6, 8, dir.resolve("corpus"));
      System.err.printf("ClusterIT: generated %d copies of the sample in %.1f s%n", REPLICAS, (System.nanoTime() - t0) / 1e9);
    }
    return corpus;
  }

  static Path bigOut() {
    return work.resolve("out-big");
  }

  /** The clean run's output (computed once). */
  static synchronized Path cleanScore() throws Exception {
    if (cleanScore == null) {
      long t0 = System.nanoTime();
      List<String> args = scoreBig(bigOut());
      args.addAll(List.of("--conf", "spark.ui.enabled=false"));
      succeeds(mizan("big-clean", BIG_ENV, args), 600);
      cleanScore = Files.move(bigOut(), dir.resolve("result-big-clean"));
      System.err.printf("ClusterIT: clean score of the generated corpus: %.1f s, %s%n", (System.nanoTime() - t0) / 1e9,
          Outputs.manifest(cleanScore).path("tables"));
    }
    return cleanScore;
  }

  static Path staging(Path out, String table) throws IOException {
    Path st = out.resolve(StagedCommit.STAGING);
    if (!Files.isDirectory(st)) {
      return null;
    }
    try (Stream<Path> s = Files.list(st)) {
      return s.filter(p -> p.getFileName().toString().contains("-" + table + "-")).findFirst().orElse(null);
    }
  }

  /**
   * The previous output holds every other article of the clean output, so each date's row count tells the previous
   * partition from the new one. A reader polls all tables during both runs: each date must have the previous count,
   * the complete new count, or be absent. (1) The driver (the spark-submit JVM, client mode) is SIGKILLed once
   * sentences is committed and mentions is being staged: sentences is new, mentions and quarantine are the previous
   * ones, intact. (2) The rerun loses a worker (SIGKILL of the Worker JVM and its executor) part-way through the
   * analysis; Spark retries the lost tasks on the other worker, and the output is exactly the clean run's.
   */
  @Test
  @Order(2)
  void aKilledDriverLeavesCompletePartitionsAndTheRerunLosingAWorkerCompletesThemExactly() throws Exception {
    Path clean = cleanScore();
    Path out = bigOut();
    Map<String, Map<String, Long>> prev = new LinkedHashMap<>();
    Map<String, Map<String, Long>> next = new LinkedHashMap<>();
    for (String t : Outputs.SCORE_TABLES) {
      String key = t.equals(Tables.QUARANTINE) ? "id" : "article_id";
      Outputs.table(spark, clean, t).where(org.apache.spark.sql.functions.pmod(
          org.apache.spark.sql.functions.hash(org.apache.spark.sql.functions.col(key)),
          org.apache.spark.sql.functions.lit(2)).equalTo(0))
          .write().partitionBy(Tables.DATE).parquet(out.resolve(t).toString());
      prev.put(t, Outputs.countsByDate(spark, out, t));
      next.put(t, Outputs.countsByDate(spark, clean, t));
      assertThat(prev.get(t)).as(t).isNotEqualTo(next.get(t));
    }
    Path prevCopy = dir.resolve("prev-copy");
    copyTree(out, prevCopy);

    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger newSeen = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    SparkSession reader = spark.newSession();
    // the reader's expected failures (a partition renamed away mid-read) are retried: keep Spark from logging them
    spark.sparkContext().setLogLevel("OFF");
    Thread poller = new Thread(() -> {
      while (!stop.get()) {
        for (String t : Outputs.SCORE_TABLES) {
          try {
            Map<String, Long> seen = Outputs.countsByDate(reader, out, t);
            reads.incrementAndGet();
            seen.forEach((d, n) -> {
              if (!n.equals(prev.get(t).get(d)) && !n.equals(next.get(t).get(d))) {
                violations.add(t + " date=" + d + ": " + n + " rows (previous " + prev.get(t).get(d) + ", complete "
                    + next.get(t).get(d) + ")");
              } else if (!n.equals(prev.get(t).get(d))) {
                newSeen.incrementAndGet();
              }
            });
          } catch (Exception e) {
            // a partition renamed away between listing and reading: the read fails and is retried (no partial data)
          }
        }
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "partial-partition-reader");
    poller.start();
    Procs.Proc killed = null;
    Procs.Proc rerun = null;
    Procs.Proc victim = cluster.workers().get(0);
    String killedAt = null;
    try {
      // (1) kill the driver mid-write
      List<String> args = scoreBig(out);
      args.addAll(List.of("--conf", "spark.ui.enabled=false"));
      killed = mizan("big-driver-killed", BIG_ENV, args);
      long end = System.nanoTime() + 600_000_000_000L;
      while (staging(out, Tables.MENTIONS) == null) {
        assertThat(killed.process().isAlive()).as("the run ended before mentions were staged: %s\n%s",
            killed.describe(), killed.tail(30)).isTrue();
        assertThat(System.nanoTime()).as("mentions staged within 10 minutes").isLessThan(end);
        Thread.sleep(50);
      }
      System.err.println("ClusterIT: SIGKILL driver " + killed.describe() + " while " + staging(out, Tables.MENTIONS)
          + " is written");
      Procs.kill(killed);
      assertThat(Outputs.diff(spark, clean, out, List.of(Tables.SENTENCES))).as("sentences, committed").isEmpty();
      assertThat(Outputs.diff(spark, prevCopy, out, List.of(Tables.MENTIONS, Tables.QUARANTINE)))
          .as("mentions and quarantine, not committed: the previous output intact").isEmpty();
      assertThat(staging(out, Tables.MENTIONS)).as("the dead run's staging").isNotNull();
      awaitNoActiveApps();

      // (2) the rerun, treating staging older than 1 s as dead, loses a worker part-way through the analysis
      int ui = Procs.freePort();
      args = scoreBig(out);
      args.addAll(List.of("--conf", "spark.ui.enabled=true", "--conf", "spark.ui.port=" + ui, "--conf",
          "spark.ui.showConsoleProgress=false", "--conf", StagedCommit.STALE_KEY + "=1"));
      rerun = mizan("big-rerun-worker-killed", BIG_ENV, args);
      end = System.nanoTime() + 600_000_000_000L;
      while (killedAt == null) {
        assertThat(rerun.process().isAlive()).as("the rerun ended before the analysis was part-way: %s\n%s",
            rerun.describe(), rerun.tail(30)).isTrue();
        assertThat(System.nanoTime()).as("analysis part-way within 10 minutes").isLessThan(end);
        killedAt = analysisPartWay(ui);
        if (killedAt == null) {
          Thread.sleep(100);
        }
      }
      System.err.println("ClusterIT: SIGKILL worker " + victim.describe() + " at " + killedAt);
      Procs.kill(victim);
      succeeds(rerun, 600);
    } finally {
      stop.set(true);
      poller.join(120_000);
      spark.sparkContext().setLogLevel("WARN");
      Procs.kill(killed);
      Procs.kill(rerun);
    }
    System.err.printf("ClusterIT: the reader made %d reads, saw new complete partitions %d times%n", reads.get(),
        newSeen.get());
    assertThat(violations).as("partial partitions seen by the reader").isEmpty();
    assertThat(reads.get()).as("reads during the runs").isGreaterThan(5);
    assertThat(newSeen.get()).as("new partitions seen by the reader").isPositive();
    assertThat(cluster.state().path("aliveworkers").asInt()).as("alive workers after the kill").isEqualTo(1);
    assertThat(Files.readString(rerun.log())).as("the driver lost an executor and retried its tasks")
        .containsAnyOf("Lost executor", "ExecutorLostFailure", "Lost task");
    assertThat(Outputs.diff(spark, clean, out, Outputs.SCORE_TABLES)).as("rerun vs clean").isEmpty();
    assertThat(Outputs.manifest(out)).isEqualTo(Outputs.manifest(clean));
    assertThat(out.resolve(StagedCommit.STAGING)).as("staging after the rerun (the dead run's cleaned up)")
        .doesNotExist();
  }

  /** "job N (...): k of n tasks done, m running" once the analysis job has finished a task and runs others. */
  static String analysisPartWay(int uiPort) {
    try {
      JsonNode apps = StandaloneCluster.getJson("http://127.0.0.1:" + uiPort + "/api/v1/applications");
      if (apps.size() == 0) {
        return null;
      }
      String app = apps.get(0).path("id").asText();
      for (JsonNode job : StandaloneCluster.getJson("http://127.0.0.1:" + uiPort + "/api/v1/applications/" + app + "/jobs")) {
        if (job.path("description").asText().contains("analyse articles") && job.path("numCompletedTasks").asInt() >= 1
            && job.path("numActiveTasks").asInt() >= 1) {
          return "job " + job.path("jobId") + " (" + job.path("description").asText() + "): "
              + job.path("numCompletedTasks") + " of " + job.path("numTasks") + " tasks done, "
              + job.path("numActiveTasks") + " running";
        }
      }
    } catch (IOException e) {
      // the driver's UI is not up yet
    }
    return null;
  }

  static void awaitNoActiveApps() throws Exception {
    for (int i = 0; i < 120; i++) {
      if (cluster.state().path("activeapps").isEmpty()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the killed driver's application is still active at " + cluster.masterUi());
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  /** In standalone cluster mode spark-submit exits 0 whatever the driver did: ask the master. */
  static void driverFinished(Procs.Proc submit) throws IOException {
    JsonNode drivers = cluster.state().path("completeddrivers");
    assertThat(drivers.size()).as("completed drivers at %s\n%s", cluster.masterUi(), submit.tail(30)).isPositive();
    JsonNode last = drivers.get(drivers.size() - 1);
    assertThat(last.path("state").asText()).as("driver %s (on worker %s): see %s/driver-*/stderr", last.path("id"),
        last.path("worker"), cluster.dir()).isEqualTo("FINISHED");
    assertThat(last.path("worker").asText()).as("the driver ran on a worker").startsWith("worker-");
  }
}

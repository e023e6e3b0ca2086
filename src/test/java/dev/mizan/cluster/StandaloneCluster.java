package dev.mizan.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Spark standalone cluster on 127.0.0.1: one master and workers with 1 core each, each with its own work
 * directory, log and free ports, started with {@code spark-class} from the Spark distribution and stopped by PID.
 */
public final class StandaloneCluster implements AutoCloseable {
  private final Path sparkHome;
  private final Path dir;
  private final int masterPort = Procs.freePort();
  private final int masterUiPort = Procs.freePort();
  private Procs.Proc master;
  private final List<Procs.Proc> workers = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::close, "stop-standalone-cluster");

  public StandaloneCluster(Path sparkHome, Path dir) {
    this.sparkHome = sparkHome;
    this.dir = dir;
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  public String masterUi() {
    return "http://127.0.0.1:" + masterUiPort;
  }

  /** The environment every cluster process (and spark-submit) gets: loopback only, lean daemons. */
  public Map<String, String> env(String name) {
    Path local = dir.resolve("local-" + name);
    try {
      Files.createDirectories(local);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Map.of("SPARK_LOCAL_IP", "127.0.0.1", "SPARK_LOCAL_DIRS", local.toString(), "SPARK_DAEMON_MEMORY", "384m");
  }

  public StandaloneCluster start(int workerCount) throws Exception {
    String sparkClass = sparkHome.resolve("bin/spark-class").toString();
    master = Procs.start(List.of(sparkClass, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
        "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort)), dir, env("master"),
        dir.resolve("master.log"));
    for (int i = 0; i < workerCount; i++) {
      startWorker();
    }
    awaitAliveWorkers(workerCount, 120);
    return this;
  }

  /** Starts one more worker (1 core, 1 GB, its own work dir and ports). */
  public Procs.Proc startWorker() throws IOException {
    int n = workers.size() + 1;
    Path work = dir.resolve("worker" + n);
    Files.createDirectories(work);
    Procs.Proc w = Procs.start(List.of(sparkHome.resolve("bin/spark-class").toString(),
        "org.apache.spark.deploy.worker.Worker", masterUrl(), "--cores", "1", "--memory", "1g", "--work-dir",
        work.toString(), "--host", "127.0.0.1", "--port", Integer.toString(Procs.freePort()), "--webui-port",
        Integer.toString(Procs.freePort())), dir, env("worker" + n), dir.resolve("worker" + n + ".log"));
    workers.add(w);
    return w;
  }

  public List<Procs.Proc> workers() {
    return workers;
  }

  public Procs.Proc master() {
    return master;
  }

  public Path dir() {
    return dir;
  }

  /** Waits until the master's JSON API lists {@code n} ALIVE workers. */
  public void awaitAliveWorkers(int n, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    String last = "(no answer)";
    while (System.nanoTime() < end) {
      if (!master.process().isAlive()) {
        throw new AssertionError("the Spark master died: " + master.describe() + "\n" + master.tail(40));
      }
      try {
        JsonNode m = state();
        last = m.path("aliveworkers").asText() + " alive workers: " + m.path("workers");
        if (m.path("aliveworkers").asInt() == n) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      Thread.sleep(500);
    }
    StringBuilder logs = new StringBuilder();
    for (Procs.Proc w : workers) {
      logs.append("\n--- ").append(w.describe()).append(" alive=").append(w.process().isAlive()).append('\n')
          .append(w.tail(15));
    }
    throw new AssertionError("the master " + masterUi() + " did not list " + n + " ALIVE workers within " + seconds
        + " s; last: " + last + "\n--- master " + master.describe() + "\n" + master.tail(20) + logs);
  }

  /** The master's JSON state ({@code /json/}: workers, aliveworkers, activeapps, completeddrivers, ...). */
  public JsonNode state() throws IOException {
    return getJson(masterUi() + "/json/");
  }

  public static JsonNode getJson(String url) throws IOException {
    HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
    c.setConnectTimeout(2000);
    c.setReadTimeout(5000);
    try (InputStream in = c.getInputStream()) {
      return new ObjectMapper().readTree(in);
    } finally {
      c.disconnect();
    }
  }

  /** Stops every process this cluster started, by PID, workers first. */
  @Override
  public synchronized void close() {
    for (Procs.Proc w : workers) {
      Procs.kill(w);
    }
    Procs.kill(master);
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down
    }
  }
}

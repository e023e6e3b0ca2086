package dev.mizan.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Processes the tests start: each with its own log file, each stopped by PID (with its descendants). */
public final class Procs {
  private Procs() {}

  /** A started process, its command line and log. */
  public record Proc(Process process, List<String> command, Path log) {
    public long pid() {
      return process.pid();
    }

    public String describe() {
      return "PID " + pid() + " (" + String.join(" ", command) + "; log " + log + ")";
    }

    /** The last {@code lines} lines of the log, for failure messages. */
    public String tail(int lines) {
      return Procs.tail(log, lines);
    }

    /** Waits for the exit status; kills the process (and its descendants) when it takes longer than the limit. */
    public int await(long seconds) throws InterruptedException {
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        kill(this);
        throw new AssertionError("timed out after " + seconds + " s: " + describe() + "\n" + tail(40));
      }
      return process.exitValue();
    }
  }

  public static Proc start(List<String> command, Path dir, Map<String, String> env, Path log) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    pb.environment().remove("SPARK_HOME");
    pb.environment().remove("SPARK_CONF_DIR");
    pb.environment().putAll(env);
    try {
      Files.createDirectories(log.getParent());
      return new Proc(pb.start(), List.copyOf(command), log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command) + " in " + dir, e);
    }
  }

  /** SIGKILLs the process and every descendant (collected before the parent dies), then waits for them. */
  public static void kill(Proc p) {
    if (p != null) {
      kill(p.process().toHandle());
    }
  }

  public static void kill(ProcessHandle root) {
    List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
    all.add(0, root);
    for (ProcessHandle h : all) {
      h.destroyForcibly();
    }
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("Procs: PID " + h.pid() + " did not exit within 20 s of SIGKILL: " + e);
      }
    }
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on 127.0.0.1", e);
    }
  }

  public static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }
}

package dev.mizan.testutil;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** External tools the end-to-end tests drive: the project's Python venv and Chromium. */
public final class Tools {
  private Tools() {}

  /** CI=true: a missing tool fails the test; elsewhere it skips it. */
  public static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Fails in CI, skips locally. */
  public static void require(boolean present, String message) {
    if (!present && ci()) {
      fail(message + " (CI=true: required; .ci/run sets it up)");
    }
    assumeTrue(present, message + " (skipped outside CI)");
  }

  /** The venv's python with the notebook packages, after require(). */
  public static Path venvPython() {
    Path py = Paths.basedir().resolve(".venv/bin/python");
    require(Files.isExecutable(py), "no Python venv at " + py + ": run `bash jobs/setup-venv.sh`");
    return py;
  }

  /** Debian's chromium ($MIZAN_CHROMIUM overrides), after require(). */
  public static Path chromium() {
    String env = System.getenv("MIZAN_CHROMIUM");
    Path found = null;
    if (env != null && !env.isBlank()) {
      found = Path.of(env);
    } else {
      for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
        for (String name : List.of("chromium", "chromium-browser")) {
          Path p = Path.of(dir, name);
          if (Files.isExecutable(p)) {
            found = p;
            break;
          }
        }
        if (found != null) {
          break;
        }
      }
    }
    require(found != null && Files.isExecutable(found),
        "no chromium on PATH: `apt-get install -y chromium` (or set MIZAN_CHROMIUM)");
    return found;
  }

  public record Result(int status, String output) {}

  /** Runs a command (stdout+stderr together, echoed to stderr), failing when it outlives the timeout. */
  public static Result exec(List<String> cmd, Path workDir, java.util.Map<String, String> env, long timeoutMinutes)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
    pb.environment().remove("SPARK_HOME");
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().putAll(env);
    Path log = Files.createTempFile("mizan-exec-", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      fail(String.join(" ", cmd) + " did not finish in " + timeoutMinutes + " minutes:\n"
          + Files.readString(log, StandardCharsets.UTF_8));
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    Files.deleteIfExists(log);
    System.err.println(out);
    return new Result(p.exitValue(), out);
  }
}

package dev.mizan.cluster;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mizan.testutil.Paths;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Spark distribution the integration tests submit to: pyspark 4.2.0 in the project's {@code .venv}
 * (created by {@code jobs/setup-venv.sh}). Missing: the test fails in CI ({@code CI=true}) and is skipped elsewhere.
 */
public final class SparkDist {
  private SparkDist() {}

  public static Path root() {
    return Paths.basedir();
  }

  /** The .venv's pyspark directory (a full Spark distribution), or fail/skip with what is missing. */
  public static Path sparkHome() {
    Path venv = root().resolve(".venv");
    Path found = null;
    File[] pythons = venv.resolve("lib").toFile().listFiles();
    if (pythons != null) {
      for (File py : pythons) {
        Path p = py.toPath().resolve("site-packages/pyspark");
        if (Files.isExecutable(p.resolve("bin/spark-submit")) && Files.isExecutable(p.resolve("bin/spark-class"))) {
          found = p;
        }
      }
    }
    if (found == null) {
      missing("no Spark distribution: " + venv + "/lib/python*/site-packages/pyspark/bin/spark-submit not found; run "
          + "`bash jobs/setup-venv.sh` first (it installs pyspark==4.2.0, whose package is the SPARK_HOME of these tests)");
    }
    return found;
  }

  /** The .venv's Python interpreter, or fail/skip. */
  public static Path python() {
    Path py = root().resolve(".venv/bin/python");
    if (!Files.isExecutable(py)) {
      missing("no " + py + "; run `bash jobs/setup-venv.sh` first");
    }
    return py;
  }

  /** The shaded job jar (built by `package` before failsafe runs). */
  public static Path jar() {
    Path jar = Path.of(System.getProperty("mizan.jar", root().resolve("target/mizan-0.1.0-SNAPSHOT.jar").toString()));
    if (!Files.isRegularFile(jar)) {
      fail("the job jar " + jar + " is missing: run `mvn -B verify` (it builds the jar in `package`, before the ITs)");
    }
    return jar;
  }

  static void missing(String what) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail("CI=true and " + what);
    }
    assumeTrue(false, what + " (skipped outside CI; with CI=true this fails)");
  }
}

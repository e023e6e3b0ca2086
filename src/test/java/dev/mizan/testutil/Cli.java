package dev.mizan.testutil;

import dev.mizan.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;

/** Runs the CLI entry point in-process for end-to-end tests, and stops the session it leaves behind. */
public final class Cli {
  private Cli() {}

  /** Main.run with stdout captured into {@code out}; stderr is echoed to the test log. Returns the exit status. */
  public static int main(ByteArrayOutputStream out, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    System.err.print(err.toString(StandardCharsets.UTF_8));
    return status;
  }

  public static void stopSpark() {
    SparkSession.getDefaultSession().foreach(s -> {
      s.stop();
      return null;
    });
  }
}

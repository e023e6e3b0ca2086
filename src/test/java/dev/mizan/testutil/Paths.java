package dev.mizan.testutil;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the repository and the read-only shared folder (../shared beside the checkout). */
public final class Paths {
  private Paths() {}

  public static Path basedir() {
    String p = System.getProperty("mizan.basedir");
    return Path.of(p == null ? "." : p).toAbsolutePath().normalize();
  }

  public static Path shared() {
    String p = System.getProperty("mizan.shared");
    Path s = p == null ? basedir().resolve("../shared") : Path.of(p);
    s = s.toAbsolutePath().normalize();
    if (!Files.isDirectory(s)) {
      throw new IllegalStateException("shared folder not found at " + s + " (set -Dmizan.shared=...)");
    }
    return s;
  }
}

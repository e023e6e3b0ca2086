package dev.mizan.config;

import java.util.List;

/**
 * A usage or configuration problem: exit status 2. The message names the key or option, the bad value and
 * where it came from. Several problems found at once are reported together, one per line.
 */
public class ConfigError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ConfigError(String message) {
    this(List.of(message));
  }

  public ConfigError(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}

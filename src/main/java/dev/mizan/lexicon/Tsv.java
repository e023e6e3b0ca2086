package dev.mizan.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Tab-separated data files: first non-comment line is the header; {@code #} lines and blank lines are skipped. */
public final class Tsv {
  /** One data row with its 1-based line number in {@code file}. */
  public record Row(String file, int line, String[] cells) {
    public String get(int i) {
      return i < cells.length ? cells[i].trim() : "";
    }

    public String where() {
      return file + ":" + line;
    }
  }

  private Tsv() {}

  /** Reads a classpath resource; a missing resource is a packaging error. */
  public static List<Row> resource(String path, int columns) {
    try (InputStream in = Tsv.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("bundled data file " + path + " is missing from the classpath");
      }
      return parse(path.substring(path.lastIndexOf('/') + 1), new String(in.readAllBytes(), StandardCharsets.UTF_8), columns);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read bundled data file " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses TSV content. Rows must have {@code columns} cells (trailing empty cells may be omitted).
   *
   * @throws IllegalArgumentException naming file:line when a row has more cells than expected
   */
  public static List<Row> parse(String file, String content, int columns) {
    List<Row> rows = new ArrayList<>();
    String[] lines = content.split("\n", -1);
    boolean header = true;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      if (header) {
        header = false;
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells.length > columns) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected " + columns + " tab-separated columns, found "
            + cells.length);
      }
      rows.add(new Row(file, i + 1, cells));
    }
    return rows;
  }
}

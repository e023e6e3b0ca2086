package dev.mizan.report;

import dev.mizan.analysis.Evidence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** HTML text helpers. Every string that comes from the data (article text, sources, ids, codes) goes through {@link #esc}. */
public final class Html {
  private Html() {}

  /** Escapes text for HTML element content and quoted attribute values ({@code & < > " '}); null → "". */
  public static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> {
          // drop C0 controls except tab/newline/carriage return: they are invalid in HTML
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
            sb.append('\uFFFD');
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /**
   * The sentence, escaped, with each evidence span wrapped in {@code <mark>} (class {@code pos} or {@code neg} by the
   * sign of its weight). Spans are [start, end) offsets into the sentence; spans out of bounds or overlapping an
   * earlier span are ignored.
   */
  public static String highlight(String sentence, List<Evidence> evidence) {
    String s = sentence == null ? "" : sentence;
    List<Evidence> spans = new ArrayList<>(evidence == null ? List.of() : evidence);
    spans.sort(Comparator.comparingInt(Evidence::start).thenComparingInt(Evidence::end));
    StringBuilder sb = new StringBuilder();
    int at = 0;
    for (Evidence e : spans) {
      if (e.start() < at || e.end() <= e.start() || e.end() > s.length()) {
        continue;
      }
      sb.append(esc(s.substring(at, e.start())));
      sb.append("<mark class=\"").append(e.weight() >= 0 ? "pos" : "neg").append("\" title=\"cue weight ")
          .append(signed(e.weight())).append("\">").append(esc(s.substring(e.start(), e.end()))).append("</mark>");
      at = e.end();
    }
    sb.append(esc(s.substring(at)));
    return sb.toString();
  }

  /** A signed number with the given decimals, e.g. +0.42 / -0.10 (Locale.ROOT). */
  public static String signed(double d, int decimals) {
    if (Double.isNaN(d)) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%+." + decimals + "f", d);
  }

  public static String signed(double d) {
    return signed(d, 2);
  }

  /** A file name safe on any file system for a dyad code or slug: [A-Za-z0-9_-] kept, the rest as _XXXX. */
  public static String fileName(String key) {
    StringBuilder sb = new StringBuilder();
    for (char c : (key == null ? "" : key).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
        sb.append(c);
      } else {
        sb.append('_').append(String.format(Locale.ROOT, "%04x", (int) c));
      }
    }
    return sb.length() == 0 ? "_" : sb.toString();
  }
}

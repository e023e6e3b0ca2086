package dev.mizan.text;

/**
 * Removes what feeds leave in article text before it is read: HTML tags (replaced by a space, or by a
 * paragraph break for block tags such as {@code <p>}, {@code <br>}, {@code <div>}), the common HTML entities
 * (&amp;nbsp; &amp;amp; &amp;quot; &amp;#39; &amp;lt; &amp;gt; and numeric ones), carriage returns and
 * non-breaking spaces. A {@code <} that does not open a tag ({@code a < b}) is kept. The cleaned text is what
 * sentences are cut from, so evidence offsets always point into the stored sentence.
 */
public final class TextCleaner {
  private TextCleaner() {}

  public static String clean(String s) {
    if (s == null) {
      return "";
    }
    // four vectorised scans beat one char-by-char loop on text that needs no cleaning (most of it)
    if (s.indexOf('<') < 0 && s.indexOf('&') < 0 && s.indexOf('\r') < 0 && s.indexOf('\u00A0') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '<' && i + 1 < n && (Character.isLetter(s.charAt(i + 1)) || s.charAt(i + 1) == '/' || s.charAt(i + 1) == '!')) {
        int close = s.indexOf('>', i + 1);
        if (close > 0 && close - i < 500) {
          String tag = tagName(s, i + 1, close);
          out.append(isBlock(tag) ? "\n\n" : " ");
          i = close + 1;
          continue;
        }
      }
      if (c == '&') {
        int semi = s.indexOf(';', i + 1);
        if (semi > 0 && semi - i <= 8) {
          String ent = s.substring(i + 1, semi);
          String rep = entity(ent);
          if (rep != null) {
            out.append(rep);
            i = semi + 1;
            continue;
          }
        }
      }
      if (c == '\r') {
        if (i + 1 < n && s.charAt(i + 1) == '\n') {
          i++;
          continue;
        }
        out.append('\n');
        i++;
        continue;
      }
      out.append(c == '\u00A0' ? ' ' : c);
      i++;
    }
    return out.toString();
  }

  private static String tagName(String s, int from, int to) {
    int i = from;
    if (i < to && s.charAt(i) == '/') {
      i++;
    }
    int j = i;
    while (j < to && Character.isLetterOrDigit(s.charAt(j))) {
      j++;
    }
    return s.substring(i, j).toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isBlock(String tag) {
    return switch (tag) {
      case "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "blockquote", "section",
          "article", "hr" -> true;
      default -> false;
    };
  }

  private static String entity(String e) {
    switch (e) {
      case "nbsp":
        return " ";
      case "amp":
        return "&";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "laquo":
        return "«";
      case "raquo":
        return "»";
      case "hellip":
        return "…";
      case "ndash":
        return "–";
      case "mdash":
        return "—";
      default:
        break;
    }
    if (e.length() >= 2 && e.charAt(0) == '#') {
      try {
        int cp = (e.charAt(1) == 'x' || e.charAt(1) == 'X')
            ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
        if (Character.isValidCodePoint(cp) && cp != 0) {
          return cp == 0xA0 ? " " : new String(Character.toChars(cp));
        }
      } catch (NumberFormatException ignored) {
        return null;
      }
    }
    return null;
  }
}

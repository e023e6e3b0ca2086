package dev.mizan.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.config.ConfigError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Readers of labelled data for {@code evaluate}, plain Java (the files are small): UN QuadClass (the fixed SHA-1
 * split), UNSCon sentences (binary conflict) and JSON lines of our own format. Problems with the input (a missing
 * file, an unknown split, a bad label) are {@link ConfigError}s naming the file, row and value.
 */
public final class LabelledData {
  /** Stance labels, in report order. */
  public static final List<String> STANCES = List.of("cooperative", "neutral", "conflictual");
  /** Quad classes by their UN QuadClass code 0..4 (see the data's LABELS.md). */
  public static final List<String> QUADS = List.of("irrelevant", "material_conflict", "material_cooperation",
      "verbal_conflict", "verbal_cooperation");
  /** Labels of the binary conflict view. */
  public static final List<String> CONFLICT = List.of("conflict", "no_conflict");
  /** The UN QuadClass splits. */
  public static final List<String> UN_SPLITS = List.of("test", "train", "all");
  /** A UN QuadClass row is in the test split iff the first byte of SHA-1(text) is below this. */
  static final int UN_TEST_BELOW = 39;

  private LabelledData() {}

  /** The rows read and what was read. */
  public record Data(String dataset, Path file, String lang, String split, List<Example> rows) {}

  // ---- UN QuadClass ----

  /** The fixed split of the data's README: test iff int(sha1(text, UTF-8)[0:2], 16) < 39. */
  public static boolean unIsTest(String text) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return (h[0] & 0xff) < UN_TEST_BELOW;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The 3-way stance view of a QuadClass code: 2, 4 cooperative; 1, 3 conflictual; 0 neutral. */
  public static String stanceOfQuad(String quad) {
    return switch (quad) {
      case "material_cooperation", "verbal_cooperation" -> "cooperative";
      case "material_conflict", "verbal_conflict" -> "conflictual";
      case "irrelevant" -> "neutral";
      default -> throw new IllegalArgumentException("not a quad class: " + quad);
    };
  }

  /**
   * UN QuadClass: {@code input} is the dataset folder (then {@code <lang>/<lang>_annotations_quad_multiclass.tsv})
   * or a quad TSV itself (header {@code <lang>\tQuadClass}).
   *
   * @param lang  "ar" or "en"
   * @param split test, train or all
   */
  public static Data unQuadClass(Path input, String lang, String split) {
    if (!UN_SPLITS.contains(split)) {
      throw new ConfigError("--split \"" + split + "\" is not a split of un-quadclass: expected one of "
          + String.join(", ", UN_SPLITS));
    }
    Path file = Files.isDirectory(input) ? input.resolve(lang).resolve(lang + "_annotations_quad_multiclass.tsv") : input;
    List<List<String>> records = Delimited.parse(read(file), '\t');
    if (records.isEmpty() || records.get(0).size() < 2 || !records.get(0).get(1).equals("QuadClass")) {
      throw new ConfigError("--input " + file + ": not a UN QuadClass quad file (expected the header \"" + lang
          + "<TAB>QuadClass\")");
    }
    String column = records.get(0).get(0);
    if (!column.equals(lang)) {
      throw new ConfigError("--input " + file + " holds the \"" + column + "\" column but --lang is \"" + lang + "\"");
    }
    List<Example> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      if (r.size() == 1 && r.get(0).isEmpty()) {
        continue;
      }
      if (r.size() != 2) {
        throw new ConfigError(file + ": row " + i + " has " + r.size() + " fields, expected 2 (text, QuadClass)");
      }
      String text = r.get(0);
      String code = r.get(1).trim();
      int c;
      try {
        c = Integer.parseInt(code);
      } catch (NumberFormatException e) {
        c = -2;
      }
      if (c == -1) {
        continue; // multi-label rows: not part of the 5-way task
      }
      if (c < 0 || c >= QUADS.size()) {
        throw new ConfigError(file + ": row " + i + ": QuadClass \"" + code + "\" is not a code 0..4");
      }
      String rowSplit = unIsTest(text) ? "test" : "train";
      if (!split.equals("all") && !split.equals(rowSplit)) {
        continue;
      }
      String quad = QUADS.get(c);
      rows.add(new Example("un-quadclass-" + lang + "-" + i, i, text, lang, null, rowSplit, stanceOfQuad(quad), quad,
          null, false, null, null));
    }
    return new Data("un-quadclass", file, lang, split, rows);
  }

  // ---- UNSCon ----

  /**
   * UNSCon sentences: {@code input} is the folder or {@code conflict_annotations_sentences.csv}. Gold conflict: a
   * negative evaluation (column A0) or a challenge/correction (column B1) annotated, i.e. either is not "_".
   */
  public static Data unscon(Path input, String split) {
    if (!split.equals("all")) {
      throw new ConfigError("--split \"" + split + "\" is not a split of unscon: it has one, \"all\" (evaluation only)");
    }
    Path file = Files.isDirectory(input) ? input.resolve("conflict_annotations_sentences.csv") : input;
    List<List<String>> records = Delimited.parse(read(file), ',');
    List<String> header = records.isEmpty() ? List.of() : records.get(0);
    int text = header.indexOf("sentence_text");
    int a0 = header.indexOf("A0");
    int b1 = header.indexOf("B1");
    if (text < 0 || a0 < 0 || b1 < 0) {
      throw new ConfigError("--input " + file + ": not UNSCon's sentence file (expected the columns sentence_text, A0, B1;"
          + " found " + header + ")");
    }
    List<Example> rows = new ArrayList<>();
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      if (r.size() == 1 && r.get(0).isEmpty()) {
        continue;
      }
      if (r.size() != header.size()) {
        throw new ConfigError(file + ": row " + i + " has " + r.size() + " fields, expected " + header.size());
      }
      rows.add(new Example("unscon-" + i, i, r.get(text), "en", null, "all", null, null, null, false, null,
          unsconConflict(r.get(a0), r.get(b1))));
    }
    return new Data("unscon", file, "en", split, rows);
  }

  static boolean unsconConflict(String a0, String b1) {
    return !a0.trim().equals("_") || !b1.trim().equals("_");
  }

  /**
   * The Lexicoder baseline shipped with UNSCon ({@code lexicoder_output_sents.csv} beside the sentence file),
   * recomputed: its {@code lexicoder_score_binary} against its {@code ALL_score_binary}. Also checks that
   * ALL_score_binary equals our gold rule (A0 or B1 annotated) row by row.
   *
   * @return null when the file is not there
   */
  public static Baseline lexicoderBaseline(Path sentenceFile) {
    Path file = sentenceFile.resolveSibling("lexicoder_output_sents.csv");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    List<List<String>> records = Delimited.parse(read(file), ',');
    List<String> h = records.get(0);
    int gold = h.indexOf("ALL_score_binary");
    int pred = h.indexOf("lexicoder_score_binary");
    int a0 = h.indexOf("A0");
    int b1 = h.indexOf("B1");
    if (gold < 0 || pred < 0 || a0 < 0 || b1 < 0) {
      throw new ConfigError(file + ": expected the columns A0, B1, ALL_score_binary, lexicoder_score_binary; found " + h);
    }
    Metrics.Confusion c = new Metrics.Confusion(CONFLICT);
    long agree = 0;
    long n = 0;
    for (int i = 1; i < records.size(); i++) {
      List<String> r = records.get(i);
      if (r.size() != h.size()) {
        continue;
      }
      boolean g = r.get(gold).trim().equals("1");
      boolean p = r.get(pred).trim().equals("1");
      c.add(g ? "conflict" : "no_conflict", p ? "conflict" : "no_conflict");
      n++;
      if (g == unsconConflict(r.get(a0), r.get(b1))) {
        agree++;
      }
    }
    return new Baseline(file, c, n, agree);
  }

  /** A recomputed baseline: its confusion, rows, and rows whose shipped gold equals our gold rule. */
  public record Baseline(Path file, Metrics.Confusion confusion, long rows, long goldAgreement) {}

  // ---- JSON lines ----

  /**
   * JSON lines of {@code {id, text, lang?, dyads?, stance?, quad?, speaker?, date?, split?}} ({@code dyad}, one
   * string, is accepted for {@code dyads}). Rows without {@code split} count as "train".
   *
   * @param lang  "" = every row, else only rows of that lang
   * @param split "all" or a value of the rows' split field
   */
  public static Data jsonl(Path file, String lang, String split) {
    ObjectMapper om = new ObjectMapper();
    List<Example> rows = new ArrayList<>();
    Set<String> splits = new TreeSet<>();
    Set<String> ids = new HashSet<>();
    long lineNo = 0;
    for (String line : read(file).split("\n", -1)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = om.readTree(line);
      } catch (JsonProcessingException e) {
        throw new ConfigError(file + ": line " + lineNo + " is not JSON: " + e.getOriginalMessage());
      }
      String at = file + ": line " + lineNo;
      if (!n.isObject()) {
        throw new ConfigError(at + " is not a JSON object");
      }
      String id = n.hasNonNull("id") ? n.get("id").asText() : null;
      String text = n.hasNonNull("text") ? n.get("text").asText() : null;
      if (id == null || id.isBlank() || text == null || text.isBlank()) {
        throw new ConfigError(at + ": id and text are required");
      }
      if (!ids.add(id)) {
        throw new ConfigError(at + ": id \"" + id + "\" appears twice");
      }
      String rowLang = n.hasNonNull("lang") ? n.get("lang").asText() : null;
      String rowSplit = n.hasNonNull("split") ? n.get("split").asText() : "train";
      splits.add(rowSplit);
      String stance = label(n, "stance", STANCES, at);
      String quad = label(n, "quad", QUADS, at);
      List<String> dyads = null;
      if (n.has("dyads") || n.has("dyad")) {
        dyads = new ArrayList<>();
        JsonNode d = n.has("dyads") ? n.get("dyads") : n.get("dyad");
        if (d.isArray()) {
          for (JsonNode x : d) {
            dyads.add(x.asText());
          }
        } else if (!d.isNull()) {
          dyads.add(d.asText());
        }
      }
      boolean speakerLabelled = n.has("speaker");
      String speaker = n.hasNonNull("speaker") ? n.get("speaker").asText() : null;
      LocalDate date = null;
      if (n.hasNonNull("date")) {
        try {
          date = LocalDate.parse(n.get("date").asText());
        } catch (DateTimeParseException e) {
          throw new ConfigError(at + ": date \"" + n.get("date").asText() + "\" is not yyyy-MM-dd");
        }
      }
      if (!lang.isEmpty() && !lang.equals(rowLang)) {
        continue;
      }
      if (!split.equals("all") && !split.equals(rowSplit)) {
        continue;
      }
      rows.add(new Example(id, lineNo, text, rowLang, date, rowSplit, stance, quad, dyads, speakerLabelled, speaker,
          stance == null ? null : stance.equals("conflictual")));
    }
    if (!split.equals("all") && !splits.contains(split)) {
      throw new ConfigError("--split \"" + split + "\" is not a split of " + file + ": its splits are " + splits
          + " (or use all)");
    }
    return new Data("jsonl", file, lang, split, rows);
  }

  private static String label(JsonNode n, String field, List<String> allowed, String at) {
    if (!n.hasNonNull(field)) {
      return null;
    }
    String v = n.get(field).asText();
    if (!allowed.contains(v)) {
      throw new ConfigError(at + ": " + field + " \"" + v + "\" is not one of " + String.join(", ", allowed));
    }
    return v;
  }

  /** Reads a whole UTF-8 file; a missing file is a ConfigError naming it. */
  static String read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigError("--input " + file + ": no such file" + (Files.exists(file) ? " (it is a directory)" : ""));
    }
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Counts of gold labels, for logs. */
  static Map<String, Long> counts(List<Example> rows) {
    Map<String, Long> m = new java.util.TreeMap<>();
    for (Example e : rows) {
      m.merge(String.valueOf(e.quad() != null ? e.quad() : e.stance() != null ? e.stance() : e.conflict()), 1L, Long::sum);
    }
    return m;
  }

  /**
   * Delimiter-separated records with optional double-quote quoting: a field that starts with {@code "} runs to the
   * next lone {@code "}, a doubled {@code ""} inside it is one quote, and it may hold separators and line breaks.
   * Quotes inside an unquoted field are literal. Records end at {@code \n} (a preceding {@code \r} is dropped).
   */
  static final class Delimited {
    private Delimited() {}

    static List<List<String>> parse(String s, char sep) {
      List<List<String>> out = new ArrayList<>();
      List<String> rec = new ArrayList<>();
      StringBuilder f = new StringBuilder();
      int i = 0;
      int n = s.length();
      boolean fieldStart = true;
      boolean any = false;
      while (i < n) {
        char c = s.charAt(i);
        if (fieldStart && c == '"') {
          i++;
          while (i < n) {
            char q = s.charAt(i);
            if (q == '"') {
              if (i + 1 < n && s.charAt(i + 1) == '"') {
                f.append('"');
                i += 2;
                continue;
              }
              i++;
              break;
            }
            f.append(q);
            i++;
          }
          fieldStart = false;
          any = true;
          continue;
        }
        if (c == sep) {
          rec.add(f.toString());
          f.setLength(0);
          fieldStart = true;
          any = true;
        } else if (c == '\n') {
          if (f.length() > 0 && f.charAt(f.length() - 1) == '\r') {
            f.setLength(f.length() - 1);
          }
          rec.add(f.toString());
          out.add(rec);
          rec = new ArrayList<>();
          f.setLength(0);
          fieldStart = true;
          any = false;
        } else {
          f.append(c);
          fieldStart = false;
          any = true;
        }
        i++;
      }
      if (any || f.length() > 0) {
        if (f.length() > 0 && f.charAt(f.length() - 1) == '\r') {
          f.setLength(f.length() - 1);
        }
        rec.add(f.toString());
        out.add(rec);
      }
      return out;
    }
  }
}

package dev.mizan.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mizan.config.ConfigError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@code docs/evaluation.md} from the evaluate runs that {@code jobs/evaluate-all.sh} leaves in RUNS_DIR:
 * {@code RUNS_DIR/<mode>/<name>/metrics.json} and {@code errors.jsonl} per mode (rules, model, hybrid) and run name
 * (un-ar-test, un-en-test, unscon, devset-all, devset-train, devset-dev, news-validation), {@code RUNS_DIR/<mode>/NOTE}
 * when a mode ran with a caveat and {@code RUNS_DIR/<mode>/SKIPPED} when it could not run. The hand-written error
 * notes ({@code error-notes.tsv} beside the output file: id, run, what the sentence does, what would fix it) are
 * merged into the error-analysis section. Published figures are computed from the UN QuadClass folder's
 * {@code published_results/*_MultiClass_full_report.csv} (the mean macro-F1 of each model's runs). No UN or UNSCon
 * text is written: their rows are cited by row number; only our own JSONL rows are quoted.
 */
public final class EvaluationReport {
  public static final List<String> MODES = List.of("rules", "model", "hybrid");
  /** Run names and their titles, in report order. */
  static final Map<String, String> RUNS = new LinkedHashMap<>();

  static {
    RUNS.put("un-ar-test", "UN QuadClass Arabic, test split");
    RUNS.put("un-en-test", "UN QuadClass English, test split");
    RUNS.put("unscon", "UNSCon sentences (English), all");
    RUNS.put("devset-all", "development set, all rows");
    RUNS.put("devset-train", "development set, train split");
    RUNS.put("devset-dev", "development set, dev split (held out)");
    RUNS.put("news-validation", "news sentences, validation split");
  }

  private static final ObjectMapper OM = new ObjectMapper();

  private final Path runs;
  private final Map<String, Map<String, JsonNode>> metrics = new LinkedHashMap<>();
  private final Map<String, String> notes = new LinkedHashMap<>();
  private final Map<String, String> skipped = new LinkedHashMap<>();

  private EvaluationReport(Path runs) {
    this.runs = runs;
    for (String mode : MODES) {
      Path dir = runs.resolve(mode);
      Map<String, JsonNode> byRun = new LinkedHashMap<>();
      for (String run : RUNS.keySet()) {
        Path f = dir.resolve(run).resolve("metrics.json");
        if (Files.isRegularFile(f)) {
          byRun.put(run, readJson(f));
        }
      }
      metrics.put(mode, byRun);
      if (Files.isRegularFile(dir.resolve("SKIPPED"))) {
        skipped.put(mode, readString(dir.resolve("SKIPPED")).strip());
      }
      if (Files.isRegularFile(dir.resolve("NOTE"))) {
        notes.put(mode, readString(dir.resolve("NOTE")).strip());
      }
    }
  }

  /** Writes the report to {@code out} and returns its path. */
  public static Path write(Path runs, Path out) {
    if (!Files.isDirectory(runs)) {
      throw new ConfigError("--report " + runs + ": no such directory (run jobs/evaluate-all.sh first)");
    }
    EvaluationReport r = new EvaluationReport(runs);
    if (r.metrics.values().stream().allMatch(Map::isEmpty)) {
      throw new ConfigError("--report " + runs + ": no <mode>/<run>/metrics.json under it (modes " + MODES + ", runs "
          + RUNS.keySet() + ")");
    }
    Path notesFile = out.toAbsolutePath().resolveSibling("error-notes.tsv");
    String md = r.render(ErrorNote.read(notesFile), notesFile);
    try {
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      Files.writeString(out, md, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
    return out;
  }

  /**
   * A hand-written note on one error: the row, the run it comes from, what the text does, what would fix it, and the
   * system whose error it is ({@code mode}: rules, model or hybrid; optional 5th column, default rules).
   */
  record ErrorNote(String id, String run, String what, String fix, String mode) {
    ErrorNote(String id, String run, String what, String fix) {
      this(id, run, what, fix, "rules");
    }

    static List<ErrorNote> read(Path file) {
      List<ErrorNote> out = new ArrayList<>();
      if (!Files.isRegularFile(file)) {
        return out;
      }
      int lineNo = 0;
      for (String line : readString(file).split("\n")) {
        lineNo++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        if (f.length != 4 && f.length != 5) {
          throw new ConfigError(file + ": line " + lineNo + " has " + f.length
              + " tab-separated fields, expected 4 or 5 (id, run, what, fix[, mode])");
        }
        if (!RUNS.containsKey(f[1])) {
          throw new ConfigError(file + ": line " + lineNo + ": run \"" + f[1] + "\" is not one of " + RUNS.keySet());
        }
        String mode = f.length == 5 && !f[4].isBlank() ? f[4].strip() : "rules";
        if (!MODES.contains(mode)) {
          throw new ConfigError(file + ": line " + lineNo + ": mode \"" + mode + "\" is not one of " + MODES);
        }
        out.add(new ErrorNote(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), mode));
      }
      return out;
    }
  }

  // ---- rendering ----

  String render(List<ErrorNote> errorNotes, Path notesFile) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Evaluation\n\n");
    sb.append("<!-- Generated by jobs/evaluate-all.sh (evaluate runs, then `mizan evaluate --report`). "
        + "Do not edit by hand: edit docs/error-notes.tsv or the generator (dev.mizan.eval.EvaluationReport). -->\n\n");
    sb.append("Regenerate with one command: `jobs/evaluate-all.sh` (about a minute per evaluate run; it writes the runs "
        + "under `target/evaluation/` and then this file). Every figure below is read from those runs' `metrics.json`.\n\n");
    sb.append("Systems: **rules** = the lexicon/rule scorer alone; **model** = the learned model alone; **hybrid** = "
        + "both combined (`--set mizan.model.mode=rules|model|hybrid`).\n\n");
    for (String mode : MODES) {
      if (skipped.containsKey(mode)) {
        sb.append("> **").append(mode).append(": not run.** ").append(oneLine(skipped.get(mode))).append("\n>\n");
      }
      if (notes.containsKey(mode)) {
        sb.append("> **").append(mode).append(":** ").append(oneLine(notes.get(mode))).append("\n>\n");
      }
    }
    if (!skipped.isEmpty() || !notes.isEmpty()) {
      sb.setLength(sb.length() - 2);
      sb.append("\n");
    }
    summary(sb);
    details(sb);
    reliability(sb);
    errors(sb, errorNotes, notesFile);
    keys(sb);
    return sb.toString();
  }

  private JsonNode m(String mode, String run) {
    return metrics.get(mode).get(run);
  }

  private List<String> ranModes() {
    return MODES.stream().filter(mo -> !metrics.get(mo).isEmpty()).toList();
  }

  private void summary(StringBuilder sb) {
    List<String> modes = ranModes();
    sb.append("## Summary, side by side with published figures\n\n");
    sb.append("| benchmark | published | ").append(String.join(" | ", modes)).append(" |\n");
    sb.append("|---|---|").append("---:|".repeat(modes.size())).append("\n");
    Published pub = published();
    row(sb, modes, "UN QuadClass **Arabic** 5-way macro-F1, test split", pub.arabic(), "un-ar-test", "quad", "macro_f1");
    row(sb, modes, "UN QuadClass Arabic 3-way stance macro-F1 (coop = 2,4; conflict = 1,3; neutral = 0)", "—",
        "un-ar-test", "stance", "macro_f1");
    row(sb, modes, "UN QuadClass Arabic 3-way stance accuracy", majority("un-ar-test", "stance"), "un-ar-test",
        "stance", "accuracy");
    row(sb, modes, "UN QuadClass **English** 5-way macro-F1, test split", pub.english(), "un-en-test", "quad",
        "macro_f1");
    row(sb, modes, "UN QuadClass English 3-way stance macro-F1", "—", "un-en-test", "stance", "macro_f1");
    row(sb, modes, "UN QuadClass Arabic 3-way view of the predicted quad_class, macro-F1", "—", "un-ar-test",
        "stance_from_quad", "macro_f1");
    row(sb, modes, "UN QuadClass English 3-way view of the predicted quad_class, macro-F1", "—", "un-en-test",
        "stance_from_quad", "macro_f1");
    JsonNode base = firstBaseline();
    String lexAcc = "Lexicoder 0.704" + (base != null ? fmt(" (recomputed %.3f)", base.path("conflict").path("accuracy"))
        : "");
    String lexF1 = "Lexicoder 0.513" + (base != null ? fmt(" (recomputed %.3f)",
        base.path("conflict").path("per_class").path("conflict").path("f1")) : "");
    row(sb, modes, "UNSCon conflict vs none: accuracy", lexAcc, "unscon", "conflict", "accuracy");
    rowPath(sb, modes, "UNSCon conflict-class F1", lexF1, "unscon", "conflict", "per_class", "conflict", "f1");
    row(sb, modes, "UNSCon conflict read from quad_class (material or verbal conflict): accuracy", "Lexicoder 0.704",
        "unscon", "conflict_from_quad", "accuracy");
    rowPath(sb, modes, "UNSCon conflict read from quad_class: conflict-class F1", "Lexicoder 0.513", "unscon",
        "conflict_from_quad", "per_class", "conflict", "f1");
    for (String run : List.of("devset-all", "devset-train", "devset-dev", "news-validation")) {
      if (modes.stream().noneMatch(mo -> m(mo, run) != null)) {
        continue;
      }
      String t = RUNS.get(run);
      row(sb, modes, t + ": dyad precision", "—", run, "dyads", "precision");
      row(sb, modes, t + ": dyad recall", "—", run, "dyads", "recall");
      row(sb, modes, t + ": dyad F1", "—", run, "dyads", "f1");
      row(sb, modes, t + ": stance macro-F1", "—", run, "stance", "macro_f1");
      row(sb, modes, t + ": quad 5-way macro-F1", "—", run, "quad", "macro_f1");
      row(sb, modes, t + ": speaker accuracy", "—", run, "speaker", "accuracy");
    }
    sb.append("\n");
    sb.append("Rows evaluated: ");
    List<String> counts = new ArrayList<>();
    for (String run : RUNS.keySet()) {
      for (String mo : modes) {
        if (m(mo, run) != null) {
          counts.add(run + " " + m(mo, run).path("rows").asLong());
          break;
        }
      }
    }
    sb.append(String.join(", ", counts)).append(".\n\n");
    sb.append("Published figures: ").append(pub.source()).append(" Each is the mean over 50 rows "
        + "per model (10 seeds × epochs 1–5 of fine-tuning) on the authors' own held-out split; ours use the fixed SHA-1 test split of "
        + "`../shared/data/README.md` (about 15% of the rows), so the comparison is indicative, not exact. "
        + "The Lexicoder figures are recomputed from UNSCon's own `lexicoder_output_sents.csv` "
        + "(its `lexicoder_score_binary` against `ALL_score_binary`); our gold for UNSCon is \"A0 or B1 annotated\", "
        + "which equals `ALL_score_binary` on ")
        .append(base != null ? base.path("gold_agreement").asLong() + " of " + base.path("rows").asLong() : "every")
        .append(" rows. For UNSCon a prediction counts as conflict when the stance is conflictual (rows \"UNSCon "
            + "conflict vs none\") or, in the rows \"read from quad_class\", when the quad class is material or verbal "
            + "conflict. With `mizan.model.neutral-without-pair` (the default) the model and hybrid give a sentence "
            + "that names no country pair the neutral stance: stance is the stance on a relation, and UN and UNSCon "
            + "sentences seldom name a pair, so on these two datasets the quad_class views are the sentence-level "
            + "reading; both views are shown.\n\n");
  }

  /** "majority class X" for a run's confusion block: the largest support over n (any mode: the gold is the same). */
  private String majority(String run, String block) {
    for (String mo : MODES) {
      JsonNode c = m(mo, run) == null ? null : m(mo, run).path(block);
      if (c != null && c.path("n").asLong() > 0) {
        long max = 0;
        for (JsonNode pc : c.path("per_class")) {
          max = Math.max(max, pc.path("support").asLong());
        }
        return fmt("always the majority class: %.3f", (double) max / c.path("n").asLong());
      }
    }
    return "—";
  }

  private JsonNode firstBaseline() {
    for (String mo : MODES) {
      JsonNode x = m(mo, "unscon");
      if (x != null && !x.path("baseline").isNull() && !x.path("baseline").isMissingNode()) {
        return x.path("baseline");
      }
    }
    return null;
  }

  private void row(StringBuilder sb, List<String> modes, String title, String published, String run, String block,
      String key) {
    rowPath(sb, modes, title, published, run, block, key);
  }

  private void rowPath(StringBuilder sb, List<String> modes, String title, String published, String run,
      String... path) {
    boolean any = false;
    for (String mo : modes) {
      JsonNode x = m(mo, run);
      if (x != null) {
        for (String p : path) {
          x = x.path(p);
        }
        any |= x.isNumber();
      }
    }
    if (!any) {
      return; // no mode measured it (e.g. quad on a dataset without quad labels)
    }
    sb.append("| ").append(title).append(" | ").append(published).append(" |");
    for (String mo : modes) {
      JsonNode x = m(mo, run);
      if (x != null) {
        for (String p : path) {
          x = x.path(p);
        }
      }
      sb.append(' ').append(x == null || !x.isNumber() ? "—" : fmt("%.3f", x)).append(" |");
    }
    sb.append('\n');
  }

  /** Published 5-way figures and where they come from. */
  record Published(String arabic, String english, String source) {}

  private Published published() {
    Path dir = null;
    for (String mo : MODES) {
      JsonNode x = m(mo, "un-ar-test") != null ? m(mo, "un-ar-test") : m(mo, "un-en-test");
      if (x != null) {
        Path f = Path.of(x.path("input").asText());
        // <dataset>/<lang>/<lang>_annotations_quad_multiclass.tsv → <dataset>/published_results
        Path candidate = f.toAbsolutePath().getParent().getParent().resolve("published_results");
        if (Files.isDirectory(candidate)) {
          dir = candidate;
          break;
        }
      }
    }
    if (dir == null) {
      return new Published("ConfliBERT 0.629, AraBERT 0.510, mBERT 0.555–0.561", "0.62–0.66",
          "from `../shared/data/README.md` (the published_results folder was not found).");
    }
    Map<String, Double> ar = means(dir.resolve("Arabic_MultiClass_full_report.csv"));
    Map<String, Double> en = means(dir.resolve("English_MultiClass_full_report.csv"));
    String arabic = fmt("ConfliBERT %.3f, ConfliBERT-AraBERT %.3f, mBERT %.3f–%.3f, AraBERT %.3f",
        ar.getOrDefault("ConfliBERT-v2-Arabic-multilingual-uncased", Double.NaN),
        ar.getOrDefault("ConfliBERT-v2-Arabic-arabertv2", Double.NaN),
        ar.getOrDefault("bert-multilingual-uncased-finetune", Double.NaN),
        ar.getOrDefault("bert-multilingual-cased-finetune", Double.NaN),
        ar.getOrDefault("arabertv2-base-finetune", Double.NaN));
    double lo = en.values().stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double hi = en.values().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    String english = fmt("%.3f–%.3f (mBERT … ConfliBERT-scr-cased; BERT %.3f)", lo, hi,
        en.getOrDefault("bert-base-uncased-finetune", Double.NaN));
    return new Published(arabic, english, "mean `f1_macro` per model over the rows of `" + dir.getFileName()
        + "/Arabic_MultiClass_full_report.csv` and `English_MultiClass_full_report.csv` in the UN QuadClass folder"
        + " (Osorio et al., \"Keep it Local\").");
  }

  /** model_name → mean f1_macro over its rows. */
  static Map<String, Double> means(Path csv) {
    Map<String, double[]> acc = new TreeMap<>();
    if (!Files.isRegularFile(csv)) {
      return Map.of();
    }
    List<List<String>> recs = LabelledData.Delimited.parse(readString(csv), ',');
    List<String> h = recs.get(0);
    int f1 = h.indexOf("f1_macro");
    int name = h.indexOf("model_name");
    for (int i = 1; i < recs.size(); i++) {
      List<String> r = recs.get(i);
      if (r.size() != h.size()) {
        continue;
      }
      double[] a = acc.computeIfAbsent(r.get(name), k -> new double[2]);
      a[0] += Double.parseDouble(r.get(f1));
      a[1]++;
    }
    Map<String, Double> out = new TreeMap<>();
    acc.forEach((k, v) -> out.put(k, v[0] / v[1]));
    return out;
  }

  private void details(StringBuilder sb) {
    sb.append("## Per-class results and confusion matrices\n\n");
    sb.append("Rows are gold labels, columns predictions.\n\n");
    for (String mode : ranModes()) {
      for (Map.Entry<String, String> run : RUNS.entrySet()) {
        JsonNode x = m(mode, run.getKey());
        if (x == null || run.getKey().equals("devset-train") || run.getKey().equals("devset-dev")) {
          continue;
        }
        sb.append("### ").append(run.getValue()).append(" — ").append(mode).append(" (").append(x.path("rows").asLong())
            .append(" rows)\n\n");
        for (String block : List.of("quad", "stance", "stance_from_quad", "conflict", "conflict_from_quad")) {
          JsonNode c = x.path(block);
          boolean derived = block.equals("conflict") && !x.path("dataset").asText().equals("unscon");
          if (c.isNull() || c.isMissingNode() || derived) {
            continue;
          }
          sb.append("**").append(switch (block) {
            case "quad" -> "quad class (5-way)";
            case "stance" -> "stance (3-way)";
            case "stance_from_quad" -> "3-way view of the predicted quad_class";
            case "conflict_from_quad" -> "conflict vs none, read from the predicted quad_class";
            default -> "conflict vs none";
          }).append("**: macro-F1 ").append(fmt("%.3f", c.path("macro_f1"))).append(", accuracy ")
              .append(fmt("%.3f", c.path("accuracy"))).append("\n\n");
          confusion(sb, c);
        }
      }
    }
  }

  private static void confusion(StringBuilder sb, JsonNode c) {
    List<String> labels = new ArrayList<>();
    c.path("labels").forEach(l -> labels.add(l.asText()));
    sb.append("| gold \\ predicted |");
    for (String l : labels) {
      sb.append(' ').append(l).append(" |");
    }
    sb.append(" precision | recall | F1 | support |\n|---|");
    sb.append("---:|".repeat(labels.size() + 4)).append('\n');
    for (int i = 0; i < labels.size(); i++) {
      sb.append("| ").append(labels.get(i)).append(" |");
      for (int j = 0; j < labels.size(); j++) {
        sb.append(' ').append(c.path("confusion").path(i).path(j).asLong()).append(" |");
      }
      JsonNode pc = c.path("per_class").path(labels.get(i));
      sb.append(fmt(" %.3f | %.3f | %.3f |", pc.path("precision"), pc.path("recall"), pc.path("f1")))
          .append(' ').append(pc.path("support").asLong()).append(" |\n");
    }
    sb.append('\n');
  }

  private void reliability(StringBuilder sb) {
    sb.append("## Reliability of `confidence`\n\n");
    sb.append("Predictions binned by confidence; accuracy per bin (stance correct, or for UNSCon the conflict call "
        + "correct). Confidence that means something has accuracy rising with the bin and close to the bin's mean "
        + "confidence (ECE = count-weighted mean gap).\n\n");
    for (String mode : ranModes()) {
      for (String run : List.of("un-ar-test", "un-en-test", "unscon", "devset-all", "news-validation")) {
        JsonNode x = m(mode, run);
        if (x == null || x.path("reliability").isNull() || x.path("reliability").isMissingNode()) {
          continue;
        }
        JsonNode r = x.path("reliability");
        sb.append("**").append(RUNS.get(run)).append(" — ").append(mode).append("** (").append(r.path("target").asText())
            .append("; ECE ").append(fmt("%.3f", r.path("ece"))).append(")\n\n");
        sb.append("| confidence | count | accuracy | mean confidence |\n|---|---:|---:|---:|\n");
        for (JsonNode b : r.path("bins")) {
          if (b.path("count").asLong() == 0) {
            continue;
          }
          sb.append(fmt("| %.1f–%.1f |", b.path("from"), b.path("to"))).append(' ').append(b.path("count").asLong())
              .append(fmt(" | %.3f | %.3f |\n", b.path("accuracy"), b.path("mean_confidence")));
        }
        sb.append('\n');
      }
    }
  }

  private void errors(StringBuilder sb, List<ErrorNote> errorNotes, Path notesFile) {
    sb.append("## Error analysis\n\n");
    sb.append("Representative errors chosen by hand from the runs' `errors.jsonl` samples to cover the main "
        + "confusions; the notes on what would fix each are hand-written in `")
        .append(notesFile.getFileName()).append("` (keyed by id; the optional 5th column names the system whose "
        + "error it is, default rules) and merged here. UN QuadClass and UNSCon rows are "
        + "cited by their row number in the source file (header not counted) and described in our own words, never "
        + "quoted; development-set and news rows are our own sentences and are quoted.\n\n");
    if (errorNotes.isEmpty()) {
      sb.append("(no notes: ").append(notesFile.getFileName()).append(" is missing or empty)\n\n");
      return;
    }
    List<ErrorNote> rules = errorNotes.stream().filter(n -> !n.mode().equals("hybrid")).toList();
    List<ErrorNote> hybrid = errorNotes.stream().filter(n -> n.mode().equals("hybrid")).toList();
    sb.append("### Errors of the rules\n\n");
    sb.append(rules.size()).append(" errors of the lexicon/rule scorer alone, chosen to cover its main confusions: "
        + "cue-less rows read as irrelevant (the largest group), cue words used out of their sense, negation and "
        + "reversal, and "
        + "dyad/speaker misses.\n\n");
    errorList(sb, rules);
    sb.append("### Errors of the hybrid scorer (the default)\n\n");
    sb.append(hybrid.size()).append(" errors of the system we ship (`mizan.model.mode=hybrid`), each looked up in "
        + "the hybrid run's `errors.jsonl`. They were chosen to cover the largest off-diagonal cells of the hybrid's "
        + "confusion "
        + "matrices above: cooperation and conflict swapped (on the UN test splits, in both directions), material "
        + "vs verbal within one side (most often material cooperation read as verbal cooperation), irrelevant rows "
        + "read as events and events read as irrelevant, UNSCon conflict missed (with no country pair the stance "
        + "is neutral; the quad_class reading is shown beside it) and read as cooperation, and rows of our own "
        + "held-out data (devset dev split, news validation split), where a missed country pair now also costs "
        + "the stance.\n\n");
    if (hybrid.isEmpty()) {
      sb.append("(no hybrid notes yet in ").append(notesFile.getFileName()).append(")\n\n");
    } else {
      errorList(sb, hybrid);
    }
  }

  private void errorList(StringBuilder sb, List<ErrorNote> errorNotes) {
    int k = 0;
    for (ErrorNote note : errorNotes) {
      k++;
      JsonNode e = null;
      String foundIn = null;
      // a rules note keeps the historical lookup order (rules, then the others); a model/hybrid note is looked up
      // only in its own system's run, so the prediction shown is that system's
      List<String> lookIn = note.mode().equals("rules") ? MODES : List.of(note.mode());
      for (String mode : lookIn) {
        e = findError(mode, note.run(), note.id());
        if (e != null) {
          foundIn = mode;
          break;
        }
      }
      JsonNode run = null;
      for (String mode : MODES) {
        if (m(mode, note.run()) != null) {
          run = m(mode, note.run());
          break;
        }
      }
      boolean ours = run != null && run.path("dataset").asText().equals("jsonl");
      sb.append(k).append(". **").append(note.id()).append("** (").append(RUNS.get(note.run()));
      if (e != null) {
        sb.append(", row ").append(e.path("row").asLong()).append(")");
        sb.append(" — gold ").append(gold(e)).append("; ").append(foundIn).append(" predicted ").append(predicted(e))
            .append(fmt(" (score %.2f, confidence %.2f)", e.path("score"), e.path("confidence")));
        List<String> ev = new ArrayList<>();
        e.path("evidence").forEach(x -> ev.add(x.path("text").asText() + " " + fmt("%+.2f", x.path("weight"))));
        sb.append(ev.isEmpty() ? "; no cue matched" : "; cues: " + String.join(", ", ev));
        if (ours) {
          sb.append("\n   > ").append(e.path("text").asText().replace("\n", " "));
        }
      } else {
        sb.append(") — not among this report's ").append(note.mode().equals("rules") ? "" : note.mode() + " ")
            .append("error samples (fixed, or outside the bounded sample)");
      }
      sb.append("\n   - *What it does:* ").append(note.what());
      sb.append("\n   - *What would fix it:* ").append(note.fix()).append("\n");
    }
    sb.append('\n');
  }

  private static String gold(JsonNode e) {
    JsonNode g = e.path("gold");
    List<String> parts = new ArrayList<>();
    if (!g.path("quad").isNull()) {
      parts.add(g.path("quad").asText());
    }
    if (!g.path("stance").isNull() && g.path("quad").isNull()) {
      parts.add(g.path("stance").asText());
    }
    if (g.path("quad").isNull() && g.path("stance").isNull() && !g.path("conflict").isNull()) {
      parts.add(g.path("conflict").asBoolean() ? "conflict" : "no conflict");
    }
    if (!g.path("dyads").isNull() && e.path("wrong").toString().contains("dyads")) {
      parts.add("dyads " + g.path("dyads"));
    }
    if (e.path("wrong").toString().contains("speaker")) {
      parts.add("speaker " + g.path("speaker").asText("none"));
    }
    return String.join(", ", parts);
  }

  private static String predicted(JsonNode e) {
    JsonNode p = e.path("predicted");
    JsonNode g = e.path("gold");
    List<String> parts = new ArrayList<>();
    if (!g.path("quad").isNull()) {
      parts.add(p.path("quad").asText());
    } else {
      parts.add(p.path("stance").asText());
    }
    if (e.path("wrong").toString().contains("dyads")) {
      parts.add("dyads " + p.path("dyads"));
    }
    if (e.path("wrong").toString().contains("speaker")) {
      parts.add("speaker " + p.path("speaker").asText("none"));
    }
    return String.join(", ", parts);
  }

  private JsonNode findError(String mode, String run, String id) {
    Path f = runs.resolve(mode).resolve(run).resolve("errors.jsonl");
    if (!Files.isRegularFile(f)) {
      return null;
    }
    for (String line : readString(f).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n;
      try {
        n = OM.readTree(line);
      } catch (IOException ex) {
        throw new UncheckedIOException(f + ": not JSON lines", ex);
      }
      if (n.path("id").asText().equals(id)) {
        return n;
      }
    }
    return null;
  }

  private static void keys(StringBuilder sb) {
    sb.append("## Reading the raw results\n\n");
    sb.append("`mizan evaluate --input PATH --dataset un-quadclass|unscon|jsonl [--lang ar|en] [--split ...] --output DIR` "
        + "writes `DIR/metrics.json`, `DIR/metrics.txt` (the same figures as aligned tables, also printed) and "
        + "`DIR/errors.jsonl` (a bounded, deterministic sample of misclassified rows: id, row, split, text, lang, "
        + "gold, predicted, score, confidence, evidence, wrong). The keys of `metrics.json` (layout version "
        + "`metrics_version` = 1; a block is `null` when the data has no such labels):\n\n");
    sb.append("| key | meaning |\n|---|---|\n");
    sb.append("| `dataset`, `input`, `lang`, `split`, `rows` | what was evaluated: reader, file, language (\"\" = all), "
        + "split, units scored |\n");
    sb.append("| `model_mode`, `config_digest`, `version` | the analyser: `mizan.model.mode` (null = a build without "
        + "model settings, rules only), the settings digest, the application version |\n");
    sb.append("| `stance`, `quad`, `conflict` | confusion blocks: `labels`, `per_class.<label>.{precision, recall, f1, "
        + "support}`, `macro_f1`, `accuracy`, `n`, `confusion` (rows gold, columns predicted, in `labels` order). "
        + "`stance` is 3-way (for UN QuadClass the 3-way view of the code), `quad` 5-way, `conflict` binary |\n");
    sb.append("| `stance_from_quad`, `conflict_from_quad` | the same layout, the prediction read from `quad_class`: "
        + "UN QuadClass only, its 3-way view (2,4 cooperative; 1,3 conflictual; 0 neutral); UNSCon only, conflict = "
        + "material or verbal conflict |\n");
    sb.append("| `dyads` | `precision`, `recall`, `f1`, `tp`, `fp`, `fn` (micro over rows; dyad sets compared), `n` |\n");
    sb.append("| `speaker` | `accuracy` (null equals null), `n`, `accuracy_on_gold`, `n_gold` (rows with a gold speaker) |\n");
    sb.append("| `reliability` | `target` (stance or conflict), `bins[]` {`from`, `to`, `count`, `correct`, `accuracy`, "
        + "`mean_confidence`}, `ece` |\n");
    sb.append("| `baseline` | UNSCon only: the shipped Lexicoder output recomputed: `name`, `file`, `rows`, "
        + "`gold_agreement`, `conflict` (a confusion block) |\n");
    sb.append("| `errors` | `misclassified` (rows wrong on any labelled field), `written` (rows in errors.jsonl) |\n");
  }

  // ---- helpers ----

  private static String fmt(String pattern, Object... args) {
    Object[] a = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      a[i] = args[i] instanceof JsonNode j ? (j.isNumber() ? j.asDouble() : Double.NaN) : args[i];
    }
    return String.format(Locale.ROOT, pattern, a);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\n\\s*", " ");
  }

  private static JsonNode readJson(Path f) {
    try {
      return OM.readTree(f.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }

  static String readString(Path f) {
    try {
      return Files.readString(f, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
  }
}

package dev.mizan.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Evaluation arithmetic, no Spark: a confusion matrix with per-class precision/recall/F1, macro-F1 and accuracy;
 * set-valued (dyad) micro precision/recall; exact-match (speaker) accuracy.
 */
public final class Metrics {
  private Metrics() {}

  /** Confusion matrix over a fixed label order: rows gold, columns predicted. */
  public static final class Confusion {
    private final List<String> labels;
    private final long[][] m;

    public Confusion(List<String> labels) {
      this.labels = List.copyOf(labels);
      this.m = new long[labels.size()][labels.size()];
    }

    public void add(String gold, String predicted) {
      add(gold, predicted, 1);
    }

    /** Adds {@code n} cases of (gold, predicted): a count from an aggregate. */
    public void add(String gold, String predicted, long n) {
      int g = labels.indexOf(gold);
      int p = labels.indexOf(predicted);
      if (g < 0 || p < 0) {
        throw new IllegalArgumentException("label not in " + labels + ": gold=" + gold + ", predicted=" + predicted);
      }
      m[g][p] += n;
    }

    /** Gold count of a label (its row sum). */
    public long support(String label) {
      long row = 0;
      for (long v : m[labels.indexOf(label)]) {
        row += v;
      }
      return row;
    }

    /**
     * A JSON-ready view: labels, per_class {label: precision, recall, f1, support}, macro_f1, accuracy, n and
     * confusion (rows gold, columns predicted, in the order of labels).
     */
    public Map<String, Object> toMap() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("labels", labels);
      Map<String, Object> per = new LinkedHashMap<>();
      for (String l : labels) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("precision", precision(l));
        c.put("recall", recall(l));
        c.put("f1", f1(l));
        c.put("support", support(l));
        per.put(l, c);
      }
      out.put("per_class", per);
      out.put("macro_f1", macroF1());
      out.put("accuracy", accuracy());
      out.put("n", total());
      List<List<Long>> rows = new ArrayList<>();
      for (long[] row : m) {
        List<Long> r = new ArrayList<>();
        for (long v : row) {
          r.add(v);
        }
        rows.add(r);
      }
      out.put("confusion", rows);
      return out;
    }

    public long count(String gold, String predicted) {
      return m[labels.indexOf(gold)][labels.indexOf(predicted)];
    }

    public long total() {
      long t = 0;
      for (long[] row : m) {
        for (long v : row) {
          t += v;
        }
      }
      return t;
    }

    public double precision(String label) {
      int k = labels.indexOf(label);
      long col = 0;
      for (long[] row : m) {
        col += row[k];
      }
      return col == 0 ? 0 : (double) m[k][k] / col;
    }

    public double recall(String label) {
      int k = labels.indexOf(label);
      long row = 0;
      for (long v : m[k]) {
        row += v;
      }
      return row == 0 ? 0 : (double) m[k][k] / row;
    }

    public double f1(String label) {
      double p = precision(label);
      double r = recall(label);
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the labels that occur in gold or predictions. */
    public double macroF1() {
      double sum = 0;
      int n = 0;
      for (int k = 0; k < labels.size(); k++) {
        long row = 0;
        long col = 0;
        for (int j = 0; j < labels.size(); j++) {
          row += m[k][j];
          col += m[j][k];
        }
        if (row + col > 0) {
          sum += f1(labels.get(k));
          n++;
        }
      }
      return n == 0 ? 0 : sum / n;
    }

    public double accuracy() {
      long t = total();
      long d = 0;
      for (int k = 0; k < labels.size(); k++) {
        d += m[k][k];
      }
      return t == 0 ? 0 : (double) d / t;
    }

    public List<String> labels() {
      return labels;
    }

    /** A readable table: per-class P/R/F1 and the matrix. */
    public String table() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%-22s %9s %9s %9s %7s%n", "class", "precision", "recall", "f1", "support"));
      for (int k = 0; k < labels.size(); k++) {
        long row = 0;
        for (long v : m[k]) {
          row += v;
        }
        sb.append(String.format(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f %7d%n", labels.get(k), precision(labels.get(k)),
            recall(labels.get(k)), f1(labels.get(k)), row));
      }
      sb.append(String.format(Locale.ROOT, "macro-F1 %.3f  accuracy %.3f  n=%d%n", macroF1(), accuracy(), total()));
      sb.append("confusion (rows gold, columns predicted):\n");
      sb.append(String.format(Locale.ROOT, "%-22s", ""));
      for (String l : labels) {
        sb.append(String.format(Locale.ROOT, " %12.12s", l));
      }
      sb.append('\n');
      for (int k = 0; k < labels.size(); k++) {
        sb.append(String.format(Locale.ROOT, "%-22s", labels.get(k)));
        for (int j = 0; j < labels.size(); j++) {
          sb.append(String.format(Locale.ROOT, " %12d", m[k][j]));
        }
        sb.append('\n');
      }
      return sb.toString();
    }
  }

  /**
   * Reliability of confidence: predictions binned by confidence (bin k of n holds [k/n, (k+1)/n), the last bin
   * also 1.0), each bin's count, correct count, accuracy and mean confidence. Well-calibrated confidence has
   * accuracy close to the mean confidence, and accuracy rising with the bin.
   */
  public static final class Reliability {
    private final int bins;
    private final long[] count;
    private final long[] correct;
    private final double[] confidenceSum;

    public Reliability(int bins) {
      if (bins < 1) {
        throw new IllegalArgumentException("bins must be >= 1: " + bins);
      }
      this.bins = bins;
      this.count = new long[bins];
      this.correct = new long[bins];
      this.confidenceSum = new double[bins];
    }

    /** The bin of a confidence in [0, 1] (values outside are clamped). */
    public static int bin(double confidence, int bins) {
      int b = (int) Math.floor(confidence * bins);
      return Math.max(0, Math.min(bins - 1, b));
    }

    public void add(double confidence, boolean ok) {
      addBin(bin(confidence, bins), 1, ok ? 1 : 0, confidence);
    }

    /** Adds an aggregate: {@code n} predictions in bin {@code b}, {@code ok} of them correct, confidences summing to {@code sum}. */
    public void addBin(int b, long n, long ok, double sum) {
      count[b] += n;
      correct[b] += ok;
      confidenceSum[b] += sum;
    }

    public int bins() {
      return bins;
    }

    public long count(int b) {
      return count[b];
    }

    public double accuracy(int b) {
      return count[b] == 0 ? 0 : (double) correct[b] / count[b];
    }

    public double meanConfidence(int b) {
      return count[b] == 0 ? 0 : confidenceSum[b] / count[b];
    }

    /** Expected calibration error: the count-weighted mean |accuracy - mean confidence| over the bins. */
    public double ece() {
      long n = 0;
      double e = 0;
      for (int b = 0; b < bins; b++) {
        n += count[b];
        e += count[b] * Math.abs(accuracy(b) - meanConfidence(b));
      }
      return n == 0 ? 0 : e / n;
    }

    /** JSON-ready rows: from, to, count, correct, accuracy, mean_confidence. */
    public List<Map<String, Object>> toList() {
      List<Map<String, Object>> out = new ArrayList<>();
      for (int b = 0; b < bins; b++) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("from", (double) b / bins);
        r.put("to", (double) (b + 1) / bins);
        r.put("count", count[b]);
        r.put("correct", correct[b]);
        r.put("accuracy", accuracy(b));
        r.put("mean_confidence", meanConfidence(b));
        out.add(r);
      }
      return out;
    }

    public String table() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%-13s %7s %9s %9s%n", "confidence", "count", "accuracy", "mean conf"));
      for (int b = 0; b < bins; b++) {
        sb.append(String.format(Locale.ROOT, "[%.2f, %.2f%s %7d %9s %9s%n", (double) b / bins, (double) (b + 1) / bins,
            b == bins - 1 ? "]" : ")", count[b], count[b] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", accuracy(b)),
            count[b] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", meanConfidence(b))));
      }
      sb.append(String.format(Locale.ROOT, "expected calibration error %.3f%n", ece()));
      return sb.toString();
    }
  }

  /** Micro precision/recall/F1 of predicted sets against gold sets. */
  public static final class SetScore {
    private long tp;
    private long fp;
    private long fn;

    public void add(Collection<String> gold, Collection<String> predicted) {
      Set<String> g = new TreeSet<>(gold);
      Set<String> p = new TreeSet<>(predicted);
      for (String x : p) {
        if (g.contains(x)) {
          tp++;
        } else {
          fp++;
        }
      }
      for (String x : g) {
        if (!p.contains(x)) {
          fn++;
        }
      }
    }

    public double precision() {
      return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    public double recall() {
      return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }

    public double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Adds aggregate counts (true positives, false positives, false negatives). */
    public void addCounts(long tp, long fp, long fn) {
      this.tp += tp;
      this.fp += fp;
      this.fn += fn;
    }

    public Map<String, Long> counts() {
      Map<String, Long> m = new LinkedHashMap<>();
      m.put("tp", tp);
      m.put("fp", fp);
      m.put("fn", fn);
      return m;
    }
  }

  /** Exact-match accuracy (null equals null), overall and on the rows whose gold value is not null. */
  public static final class Exact {
    private long n;
    private long ok;
    private long nGold;
    private long okGold;
    private final List<String> errors = new ArrayList<>();

    public void add(String id, String gold, String predicted) {
      n++;
      boolean same = Objects.equals(gold, predicted);
      if (same) {
        ok++;
      } else {
        errors.add(id + ": gold=" + gold + " predicted=" + predicted);
      }
      if (gold != null) {
        nGold++;
        if (same) {
          okGold++;
        }
      }
    }

    public double accuracy() {
      return n == 0 ? 0 : (double) ok / n;
    }

    public double accuracyOnGold() {
      return nGold == 0 ? 0 : (double) okGold / nGold;
    }

    public List<String> errors() {
      return errors;
    }
  }
}

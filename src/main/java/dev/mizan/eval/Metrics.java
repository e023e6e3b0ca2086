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
      int g = labels.indexOf(gold);
      int p = labels.indexOf(predicted);
      if (g < 0 || p < 0) {
        throw new IllegalArgumentException("label not in " + labels + ": gold=" + gold + ", predicted=" + predicted);
      }
      m[g][p]++;
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

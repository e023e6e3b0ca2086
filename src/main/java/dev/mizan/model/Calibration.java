package dev.mizan.model;

/** Temperature scaling and reliability tables. Pure Java. */
public final class Calibration {
  private Calibration() {}

  /** Mean negative log-likelihood of {@code labels} under softmax(logits / t). */
  public static double nll(double[][] logits, int[] labels, double t) {
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      double[] p = LinearTextModel.softmax(logits[i], t);
      sum -= Math.log(Math.max(p[labels[i]], 1e-12));
    }
    return logits.length == 0 ? 0 : sum / logits.length;
  }

  /**
   * The temperature in [0.01, 100] that minimises the NLL of the labels (golden-section search on log t; the NLL of
   * temperature scaling is unimodal in practice). Deterministic. Returns 1 for no data.
   */
  public static double fitTemperature(double[][] logits, int[] labels) {
    if (logits.length == 0) {
      return 1.0;
    }
    double a = Math.log(0.01);
    double b = Math.log(100);
    double g = (Math.sqrt(5) - 1) / 2;
    double c = b - g * (b - a);
    double d = a + g * (b - a);
    double fc = nll(logits, labels, Math.exp(c));
    double fd = nll(logits, labels, Math.exp(d));
    for (int it = 0; it < 60; it++) {
      if (fc < fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - g * (b - a);
        fc = nll(logits, labels, Math.exp(c));
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + g * (b - a);
        fd = nll(logits, labels, Math.exp(d));
      }
    }
    return Math.exp((a + b) / 2);
  }

  /** Candidate values of one decision offset: -1.00, -0.98, …, 1.00 (in units of the temperature-scaled logits). */
  static final double OFFSET_RANGE = 1.0;
  static final double OFFSET_STEP = 0.02;
  /** Coordinate-ascent sweeps over the classes; it stops earlier when a sweep changes nothing. */
  static final int OFFSET_SWEEPS = 4;

  /**
   * Per-class decision offsets δ (δ[0] = 0: a common shift changes nothing) that maximise the macro-F1 of
   * argmax(a + δ) over the rows, where {@code scaled} are logits already divided by their temperature. Coordinate
   * ascent: for class 1..K-1 in turn, the value on the grid [-1, 1] step 0.02 that raises macro-F1 most (strict gains
   * only: on a tie a class keeps its offset, and every offset stays 0 when nothing helps). Deterministic.
   */
  public static double[] fitOffsets(double[][] scaled, int[] labels, int k) {
    double[] d = new double[k];
    double best = macroF1(scaled, labels, d, k);
    int steps = (int) Math.round(2 * OFFSET_RANGE / OFFSET_STEP);
    for (int sweep = 0; sweep < OFFSET_SWEEPS; sweep++) {
      boolean changed = false;
      for (int c = 1; c < k; c++) {
        double keep = d[c];
        double bestV = keep;
        for (int s = 0; s <= steps; s++) {
          d[c] = -OFFSET_RANGE + s * OFFSET_STEP;
          double f = macroF1(scaled, labels, d, k);
          if (f > best + 1e-12) {
            best = f;
            bestV = d[c];
          }
        }
        d[c] = bestV;
        changed |= bestV != keep;
      }
      if (!changed) {
        break;
      }
    }
    return d;
  }

  /** Macro-F1 (mean over the K classes; a class with no true positive scores 0) of argmax(a + δ). */
  public static double macroF1(double[][] scaled, int[] labels, double[] offsets, int k) {
    int[] tp = new int[k];
    int[] predicted = new int[k];
    int[] gold = new int[k];
    for (int i = 0; i < scaled.length; i++) {
      double[] a = scaled[i];
      int b = 0;
      double bv = a[0] + offsets[0];
      for (int c = 1; c < k; c++) {
        double v = a[c] + offsets[c];
        if (v > bv) {
          b = c;
          bv = v;
        }
      }
      predicted[b]++;
      gold[labels[i]]++;
      if (b == labels[i]) {
        tp[b]++;
      }
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      sum += tp[c] == 0 ? 0 : 2.0 * tp[c] / (predicted[c] + gold[c]);
    }
    return sum / k;
  }

  /**
   * Reliability: predictions bucketed by confidence into {@code edges} (ascending lower bounds), with count and
   * accuracy per bucket. Returns rows {lower, upper, count, correct, accuracy, meanConfidence}.
   */
  public static double[][] reliability(double[] confidence, boolean[] correct, double[] edges) {
    double[][] rows = new double[edges.length][6];
    for (int b = 0; b < edges.length; b++) {
      rows[b][0] = edges[b];
      rows[b][1] = b + 1 < edges.length ? edges[b + 1] : 1.0;
    }
    for (int i = 0; i < confidence.length; i++) {
      int b = edges.length - 1;
      while (b > 0 && confidence[i] < edges[b]) {
        b--;
      }
      rows[b][2]++;
      rows[b][3] += correct[i] ? 1 : 0;
      rows[b][5] += confidence[i];
    }
    for (double[] r : rows) {
      r[4] = r[2] == 0 ? Double.NaN : r[3] / r[2];
      r[5] = r[2] == 0 ? Double.NaN : r[5] / r[2];
    }
    return rows;
  }
}

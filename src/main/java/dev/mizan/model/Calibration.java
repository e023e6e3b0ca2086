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

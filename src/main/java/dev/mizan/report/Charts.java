package dev.mizan.report;

import static dev.mizan.report.Html.esc;
import static dev.mizan.report.Html.signed;

import dev.mizan.report.ReportData.DayPoint;
import dev.mizan.report.ReportData.DyadSeries;
import dev.mizan.report.ReportData.Mover;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Inline SVG charts, drawn from the collected aggregates (no scripts, no external resources). */
public final class Charts {
  private Charts() {}

  static final int W = 680;
  static final int H = 270;
  static final int LEFT = 44;
  static final int RIGHT = 12;
  static final int SCORE_TOP = 22;
  static final int SCORE_BOTTOM = 164;
  static final int BARS_TOP = 186;
  static final int BARS_BOTTOM = 236;

  /**
   * A dyad's trend over [from, to]: the daily mean score (dots and line) with its 95% band, the trailing 7-day line
   * (dashed), and the daily volume as bars below. Every dot and bar links to that day's evidence at
   * {@code evidenceHref + "#d" + date}.
   */
  public static String trend(DyadSeries s, LocalDate from, LocalDate to, String evidenceHref) {
    long n = ChronoUnit.DAYS.between(from, to) + 1;
    double slot = (W - LEFT - RIGHT) / (double) n;
    Function<LocalDate, Double> x = d -> LEFT + (ChronoUnit.DAYS.between(from, d) + 0.5) * slot;
    Function<Double, Double> y = v -> SCORE_TOP + (1 - clamp(v)) / 2 * (SCORE_BOTTOM - SCORE_TOP);
    long maxMentions = Math.max(1, s.days().stream().mapToLong(DayPoint::mentions).max().orElse(1));
    List<DayPoint> days = s.days().stream().filter(d -> !d.date().isBefore(from) && !d.date().isAfter(to)).toList();

    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
        + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">", W, H, W, H,
        esc("Stance of " + s.dyad() + " from " + from + " to " + to)));
    sb.append("<title>").append(esc(s.dyad())).append(": daily mean score, 95% band, 7-day line, mentions</title>");
    // score axis and grid
    for (double v : new double[] {1, 0.5, 0, -0.5, -1}) {
      double yy = y.apply(v);
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"%s\"/>", LEFT, yy,
          W - RIGHT, yy, v == 0 ? "zero" : "grid"));
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"ax\" text-anchor=\"end\">%s</text>",
          LEFT - 4, yy + 3.5, v == 0 ? "0" : signed(v, 1)));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" class=\"ax\">score</text>", SCORE_TOP - 12));
    // volume axis
    sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"grid\"/>", LEFT,
        BARS_BOTTOM, W - RIGHT, BARS_BOTTOM));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"ax\" text-anchor=\"end\">%d</text>", LEFT - 4,
        BARS_TOP + 4, maxMentions));
    sb.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" class=\"ax\">n</text>", BARS_TOP + 4));
    // date labels: first, middle, last day of the window
    LocalDate mid = from.plusDays(n / 2);
    for (LocalDate d : List.of(from, mid, to)) {
      String anchor = d.equals(from) ? "start" : d.equals(to) ? "end" : "middle";
      double xx = d.equals(from) ? LEFT : d.equals(to) ? W - RIGHT : x.apply(d);
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"ax\" text-anchor=\"%s\">%s</text>", xx,
          BARS_BOTTOM + 14, anchor, d));
    }
    if (!days.isEmpty()) {
      // 95% band through the days with data
      List<String> upper = new ArrayList<>();
      List<String> lower = new ArrayList<>();
      for (DayPoint d : days) {
        upper.add(pt(x.apply(d.date()), y.apply(d.ciHigh())));
        lower.add(0, pt(x.apply(d.date()), y.apply(d.ciLow())));
      }
      if (days.size() == 1) {
        DayPoint d = days.get(0);
        double xx = x.apply(d.date());
        double half = Math.max(3, slot / 3);
        sb.append(String.format(Locale.ROOT, "<rect class=\"band\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
            xx - half, y.apply(d.ciHigh()), 2 * half, Math.max(1, y.apply(d.ciLow()) - y.apply(d.ciHigh()))));
      } else {
        sb.append("<polygon class=\"band\" points=\"").append(String.join(" ", upper)).append(' ')
            .append(String.join(" ", lower)).append("\"/>");
      }
      // 7-day line
      List<String> seven = new ArrayList<>();
      for (DayPoint d : days) {
        if (!Double.isNaN(d.score7d())) {
          seven.add(pt(x.apply(d.date()), y.apply(d.score7d())));
        }
      }
      if (seven.size() > 1) {
        sb.append("<polyline class=\"s7\" points=\"").append(String.join(" ", seven)).append("\"/>");
      }
      // daily mean line
      if (days.size() > 1) {
        sb.append("<polyline class=\"mean\" points=\"")
            .append(String.join(" ", days.stream().map(d -> pt(x.apply(d.date()), y.apply(d.mean()))).toList()))
            .append("\"/>");
      }
      // dots and bars, each a link to the day's evidence
      double barW = Math.max(2, slot * 0.7);
      for (DayPoint d : days) {
        double xx = x.apply(d.date());
        double h = (BARS_BOTTOM - BARS_TOP) * (d.mentions() / (double) maxMentions);
        String tip = d.date() + ": mean " + signed(d.mean()) + " (95% " + signed(d.ciLow()) + " to " + signed(d.ciHigh())
            + "), 7-day " + signed(d.score7d()) + ", " + d.mentions() + " mention" + (d.mentions() == 1 ? "" : "s");
        sb.append("<a href=\"").append(esc(evidenceHref + "#d" + d.date())).append("\">")
            .append("<title>").append(esc(tip)).append("</title>")
            .append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
                xx - barW / 2, BARS_BOTTOM - h, barW, Math.max(1, h)))
            .append(String.format(Locale.ROOT, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>", xx,
                y.apply(d.mean())))
            .append("</a>");
      }
    }
    // legend
    int ly = H - 8;
    sb.append(String.format(Locale.ROOT, "<circle class=\"dot\" cx=\"%d\" cy=\"%d\" r=\"3.5\"/>", LEFT + 4, ly - 4));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"lg\">daily mean</text>", LEFT + 12, ly));
    sb.append(String.format(Locale.ROOT, "<rect class=\"band\" x=\"%d\" y=\"%d\" width=\"14\" height=\"8\"/>", LEFT + 90,
        ly - 8));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"lg\">95%% band</text>", LEFT + 108, ly));
    sb.append(String.format(Locale.ROOT, "<line class=\"s7\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", LEFT + 180,
        ly - 4, LEFT + 200, ly - 4));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"lg\">7-day mean</text>", LEFT + 206, ly));
    sb.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"8\" height=\"8\"/>", LEFT + 286,
        ly - 8));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" class=\"lg\">mentions per day</text>", LEFT + 298, ly));
    sb.append("</svg>");
    return sb.toString();
  }

  /** Diverging horizontal bars of the movers' score change (last week minus the week before). */
  public static String movers(List<Mover> movers) {
    int row = 22;
    int w = 420;
    int labelW = 80;
    int h = Math.max(1, movers.size()) * row + 24;
    double mid = labelW + (w - labelW) / 2.0;
    double half = (w - labelW) / 2.0 - 40;
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "<svg class=\"chart movers\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
        + "width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"change of the mean score, last week minus the week before\">",
        w, h, w, h));
    sb.append("<title>Change of the mean score: last 7 days minus the 7 days before</title>");
    sb.append(String.format(Locale.ROOT, "<line class=\"zero\" x1=\"%.1f\" y1=\"4\" x2=\"%.1f\" y2=\"%d\"/>", mid, mid, h - 18));
    sb.append(String.format(Locale.ROOT, "<text class=\"ax\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">0</text>", mid, h - 6));
    sb.append(String.format(Locale.ROOT, "<text class=\"ax\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">-2</text>", mid - half, h - 6));
    sb.append(String.format(Locale.ROOT, "<text class=\"ax\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">+2</text>", mid + half, h - 6));
    for (int i = 0; i < movers.size(); i++) {
      Mover m = movers.get(i);
      double d = Math.max(-2, Math.min(2, m.delta()));
      double len = Math.abs(d) / 2 * half;
      double yy = 6 + i * row;
      sb.append(String.format(Locale.ROOT, "<text class=\"lg\" x=\"0\" y=\"%.1f\">%s</text>", yy + 12, esc(m.dyad())));
      sb.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"14\"><title>%s</title></rect>",
          d >= 0 ? "up" : "down", d >= 0 ? mid : mid - len, yy, Math.max(1, len),
          esc(m.dyad() + ": " + signed(m.prevMean()) + " → " + signed(m.lastMean()))));
      sb.append(String.format(Locale.ROOT, "<text class=\"lg\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>",
          d >= 0 ? mid + len + 4 : mid - len - 4, yy + 12, d >= 0 ? "start" : "end", signed(m.delta())));
    }
    sb.append("</svg>");
    return sb.toString();
  }

  private static double clamp(double v) {
    return Double.isNaN(v) ? 0 : Math.max(-1, Math.min(1, v));
  }

  private static String pt(double x, double y) {
    return String.format(Locale.ROOT, "%.1f,%.1f", x, y);
  }
}

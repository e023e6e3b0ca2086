package dev.mizan.report;

import static dev.mizan.report.Html.esc;
import static dev.mizan.report.Html.signed;

import dev.mizan.report.ReportData.ActorRow;
import dev.mizan.report.ReportData.DyadSeries;
import dev.mizan.report.ReportData.EvidenceRow;
import dev.mizan.report.ReportData.Mover;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the report's pages as self-contained HTML (inline CSS, inline SVG, no scripts). */
public final class ReportPage {
  private ReportPage() {}

  /** The evidence page of a dyad, relative to index.html. */
  public static String evidenceHref(String dyad) {
    return "evidence/" + Html.fileName(dyad) + ".html";
  }

  static final String CSS = """
      body{font-family:"DejaVu Sans","Noto Sans","Noto Naskh Arabic",Arial,sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
      header{background:#1d3557;color:#fff;padding:16px 28px}
      header h1{margin:0 0 4px;font-size:24px} header p{margin:2px 0;color:#dfe6ef;font-size:14px}
      header a{color:#fff} header mark{color:#1d2330;padding:0 3px}
      main{padding:8px 28px 40px;max-width:1480px}
      h2{margin:28px 0 8px;font-size:20px;border-bottom:2px solid #d7dce3;padding-bottom:4px}
      .totals{display:flex;gap:12px;flex-wrap:wrap;margin-top:14px}
      .totals div{background:#fff;border:1px solid #d7dce3;border-radius:6px;padding:8px 14px}
      .totals b{display:block;font-size:22px}
      .cards{display:flex;flex-wrap:wrap;gap:16px}
      .card{background:#fff;border:1px solid #d7dce3;border-radius:6px;padding:10px 12px;width:560px}
      .card h3{margin:0 0 2px;font-size:18px} .card p{margin:0 0 6px;font-size:13px;color:#4a5568}
      svg.chart{display:block;max-width:100%;height:auto}
      .card svg.chart{width:100%}
      svg .grid{stroke:#e3e7ed;stroke-width:1} svg .zero{stroke:#8a94a6;stroke-width:1}
      svg .ax{font-size:10px;fill:#5b6475} svg .lg{font-size:11px;fill:#2d3748}
      svg .band{fill:#457b9d;fill-opacity:.18;stroke:none}
      svg .mean{fill:none;stroke:#1d3557;stroke-width:2} svg .dot{fill:#1d3557}
      svg .s7{fill:none;stroke:#e76f51;stroke-width:2;stroke-dasharray:5 3}
      svg .bar{fill:#a8b8cc} svg a:hover .bar{fill:#457b9d} svg a:hover .dot{fill:#e76f51}
      svg .up{fill:#2a9d8f} svg .down{fill:#e63946}
      table{border-collapse:collapse;background:#fff;font-size:14px}
      th,td{border:1px solid #d7dce3;padding:5px 9px;text-align:left;vertical-align:top}
      th{background:#eef1f5} td.num{text-align:right;font-variant-numeric:tabular-nums}
      .pos{color:#1b7f5b} .neg{color:#c0392b}
      mark.pos{background:#c9f2dc;color:inherit} mark.neg{background:#ffd3d3;color:inherit}
      .sent{max-width:760px;font-size:15px;line-height:1.6}
      .muted{color:#6b7485;font-size:13px}
      footer{padding:12px 28px;color:#6b7485;font-size:12px}
      """;

  static void head(StringBuilder sb, String title) {
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<title>").append(esc(title)).append("</title>\n<style>").append(CSS).append("</style>\n</head>\n<body>\n");
  }

  /** report/index.html. */
  public static String index(ReportData r) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    head(sb, "Mizan daily report " + r.to());
    sb.append("<header><h1>Mizan daily report &middot; ").append(r.to() == null ? "no data" : esc(r.to().toString()))
        .append("</h1>\n<p>Stance on bilateral relations in the news, ").append(esc(String.valueOf(r.from()))).append(" to ")
        .append(esc(String.valueOf(r.to()))).append(". Scores run from &minus;1 (conflictual) to +1 (cooperative).</p>\n")
        .append("<p>Output: <code>").append(esc(r.output())).append("</code> &middot; generated ").append(esc(r.generated()))
        .append(" &middot; every dot and bar links to the sentences behind it.</p></header>\n<main>\n");
    sb.append("<div class=\"totals\">");
    for (Map.Entry<String, Long> e : r.totals().entrySet()) {
      sb.append("<div><b>").append(e.getValue()).append("</b>").append(esc(e.getKey())).append("</div>");
    }
    sb.append("</div>\n");

    sb.append("<h2 id=\"top-dyads\">Top dyads by volume</h2>\n");
    if (r.top().isEmpty()) {
      sb.append("<p>No mentions in this period.</p>\n");
    }
    sb.append("<div class=\"cards\">\n");
    for (DyadSeries s : r.top()) {
      String href = evidenceHref(s.dyad());
      sb.append("<section class=\"card\" id=\"dyad-").append(esc(Html.fileName(s.dyad()))).append("\">")
          .append("<h3><a href=\"").append(esc(href)).append("\">").append(esc(s.dyad())).append("</a></h3>")
          .append("<p>").append(s.mentions()).append(" mentions on ").append(s.days().size()).append(" days, mean score ")
          .append("<span class=\"").append(s.mean() >= 0 ? "pos" : "neg").append("\">").append(signed(s.mean()))
          .append("</span> &middot; <a href=\"").append(esc(href)).append("\">evidence &rarr;</a></p>\n")
          .append(Charts.trend(s, r.from(), r.to(), href)).append("</section>\n");
    }
    sb.append("</div>\n");

    sb.append("<h2 id=\"movers\">Biggest movers since the previous week</h2>\n");
    if (r.to() != null) {
      sb.append("<p class=\"muted\">Mention-weighted mean score, ").append(r.to().minusDays(13)).append(" to ")
          .append(r.to().minusDays(7)).append(" against ").append(r.to().minusDays(6)).append(" to ").append(r.to())
          .append("; dyads with mentions in both weeks.</p>\n");
    }
    if (r.movers().isEmpty()) {
      sb.append("<p>No dyad has mentions in both weeks.</p>\n");
    } else {
      sb.append(Charts.movers(r.movers()));
      sb.append("<table><tr><th>dyad</th><th>previous week</th><th>last week</th><th>change</th></tr>\n");
      for (Mover m : r.movers()) {
        sb.append("<tr><td>").append(dyadLink(r, m.dyad())).append("</td><td class=\"num\">").append(signed(m.prevMean()))
            .append(" <span class=\"muted\">(").append(m.prevMentions()).append(")</span></td><td class=\"num\">")
            .append(signed(m.lastMean())).append(" <span class=\"muted\">(").append(m.lastMentions())
            .append(")</span></td><td class=\"num ").append(m.delta() >= 0 ? "pos" : "neg").append("\">")
            .append(signed(m.delta())).append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }

    sb.append("<h2 id=\"actors\">Most-quoted actors</h2>\n");
    if (r.actors().isEmpty()) {
      sb.append("<p>No actor is quoted in this period.</p>\n");
    } else {
      sb.append("<table><tr><th>actor</th><th>country</th><th>quoted</th><th>mentions</th><th>mean score</th>"
          + "<th>dyads</th></tr>\n");
      for (ActorRow a : r.actors()) {
        sb.append("<tr><td>").append(esc(a.actor())).append("</td><td>").append(esc(a.country())).append("</td><td class=\"num\">")
            .append(a.asSpeaker()).append("</td><td class=\"num\">").append(a.mentions()).append("</td><td class=\"num ")
            .append(a.mean() >= 0 ? "pos" : "neg").append("\">").append(signed(a.mean())).append("</td><td>");
        for (int i = 0; i < a.dyads().size(); i++) {
          sb.append(i > 0 ? ", " : "").append(dyadLink(r, a.dyads().get(i)));
        }
        sb.append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    sb.append("</main>\n<footer>Written by <code>mizan report</code> from the trends, actor_trends, mentions and sentences "
        + "tables. Article text is shown as text, never as markup.</footer>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static String dyadLink(ReportData r, String dyad) {
    if (r.evidence().containsKey(dyad)) {
      return "<a href=\"" + esc(evidenceHref(dyad)) + "\">" + esc(dyad) + "</a>";
    }
    return esc(dyad);
  }

  /** report/evidence/&lt;dyad&gt;.html: the sentences behind a chart, by day (anchors {@code #dYYYY-MM-DD}). */
  public static String evidence(ReportData r, DyadSeries s, List<EvidenceRow> rows) {
    StringBuilder sb = new StringBuilder(32 * 1024);
    head(sb, "Mizan evidence " + s.dyad());
    sb.append("<header><h1>Evidence &middot; ").append(esc(s.dyad())).append("</h1>\n<p>")
        .append(esc(String.valueOf(r.from()))).append(" to ").append(esc(String.valueOf(r.to())))
        .append(": the strongest sentences of each day (by |score|, then confidence); cues are highlighted, ")
        .append("<mark class=\"pos\">cooperative</mark> and <mark class=\"neg\">conflictual</mark>.</p>\n")
        .append("<p><a href=\"../index.html#dyad-").append(esc(Html.fileName(s.dyad()))).append("\">&larr; back to the report</a></p>")
        .append("</header>\n<main>\n");
    LocalDate day = null;
    boolean open = false;
    for (EvidenceRow e : rows) {
      if (!e.date().equals(day)) {
        if (open) {
          sb.append("</table>\n");
        }
        day = e.date();
        long shown = rows.stream().filter(x -> x.date().equals(e.date())).count();
        sb.append("<h2 id=\"d").append(day).append("\">").append(day).append("</h2>\n<p class=\"muted\">")
            .append(shown).append(" of ").append(e.dayTotal()).append(" mention").append(e.dayTotal() == 1 ? "" : "s")
            .append(" shown.</p>\n<table><tr><th>sentence (cues highlighted)</th><th>speaker</th><th>stance</th>"
                + "<th>score</th><th>confidence</th><th>source</th><th>article</th></tr>\n");
        open = true;
      }
      sb.append("<tr><td class=\"sent\" dir=\"auto\" lang=\"").append(esc(e.lang())).append("\">")
          .append(Html.highlight(e.sentence(), e.evidence())).append("</td><td>").append(esc(e.speaker() == null ? "–" : e.speaker()))
          .append("</td><td class=\"").append("cooperative".equals(e.stance()) ? "pos" : "conflictual".equals(e.stance()) ? "neg" : "")
          .append("\">").append(esc(e.stance())).append("</td><td class=\"num\">").append(signed(e.score()))
          .append("</td><td class=\"num\">").append(String.format(Locale.ROOT, "%.2f", e.confidence())).append("</td><td>")
          .append(esc(e.source())).append("</td><td>").append(esc(e.articleId())).append(" #").append(e.sentenceIdx())
          .append("</td></tr>\n");
    }
    if (open) {
      sb.append("</table>\n");
    } else {
      sb.append("<p>No sentences in this period.</p>\n");
    }
    sb.append("</main>\n<footer>Written by <code>mizan report</code>. Article text is shown as text, never as markup.</footer>\n"
        + "</body>\n</html>\n");
    return sb.toString();
  }
}

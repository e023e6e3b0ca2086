package dev.mizan.bench.jmh;

import dev.mizan.analysis.Analyzer;
import dev.mizan.analysis.ArticleResult;
import dev.mizan.bench.CorpusGenerator;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes the analyser's full reading of N generated articles (both languages) to a file, one line per article:
 * run it on two builds and diff the files to check that an optimisation changes no result.
 * {@code DumpAnalysis OUT_FILE [N] [rules|hybrid]} (default hybrid).
 */
public final class DumpAnalysis {
  private DumpAnalysis() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
    Analyzer a = Analyzer.create(CoreBench.options(args.length > 2 ? args[2] : "hybrid"));
    CorpusGenerator g = new CorpusGenerator(new CorpusGenerator.Options(99, 0.5, 0.4, LocalDate.of(2024, 1, 1),
        LocalDate.of(2025, 12, 31), 60), a.gazetteer());
    try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
      for (long i = 0; i < n; i++) {
        CorpusGenerator.Article x = g.article(i);
        ArticleResult r = a.analyzeArticle(x.title(), x.body(), i % 7 == 0 ? null : x.lang(),
            LocalDate.ofEpochDay(x.epochDay()));
        w.println(r);
      }
    }
  }
}

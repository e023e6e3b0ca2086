package dev.mizan.bench.jmh;

import dev.mizan.bench.CorpusGenerator;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A plain loop over {@link CoreBench}'s batch for a profiler (JFR): {@code ProfileLoop [lang] [seconds] [mode]}. Prints
 * MB/s once a second. See jobs/jmh --profile.
 */
public final class ProfileLoop {
  private ProfileLoop() {}

  public static void main(String[] args) {
    String lang = args.length > 0 ? args[0] : "ar";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    CoreBench.Batch b = CoreBench.batch(lang, args.length > 2 ? args[2] : "hybrid");
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long sink = 0;
    while (System.nanoTime() < end) {
      long t0 = System.nanoTime();
      long bytes = 0;
      while (System.nanoTime() - t0 < 1_000_000_000L) {
        for (CorpusGenerator.Article x : b.articles()) {
          sink += b.analyzer().analyzeArticle(x.title(), x.body(), x.lang(), LocalDate.ofEpochDay(x.epochDay()))
              .sentenceCount();
        }
        bytes += b.bytes();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "%.1f MB/s%n", bytes / 1e6 / s);
    }
    System.out.println(sink);
  }
}

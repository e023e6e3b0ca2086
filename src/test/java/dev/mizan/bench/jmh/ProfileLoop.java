package dev.mizan.bench.jmh;

import dev.mizan.bench.CorpusGenerator;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A plain loop over {@link CoreBench}'s batch for a profiler (JFR): {@code ProfileLoop [lang] [seconds] [mode]}. Prints
 * MB/s once a second, of wall time and of the loop thread's CPU time: on a shared machine the second is the steadier
 * figure (other processes take wall time from the thread, not CPU time). See jobs/jmh --profile.
 */
public final class ProfileLoop {
  private ProfileLoop() {}

  public static void main(String[] args) {
    String lang = args.length > 0 ? args[0] : "ar";
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    CoreBench.Batch b = CoreBench.batch(lang, args.length > 2 ? args[2] : "hybrid");
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long sink = 0;
    java.lang.management.ThreadMXBean tm = java.lang.management.ManagementFactory.getThreadMXBean();
    while (System.nanoTime() < end) {
      long t0 = System.nanoTime();
      long c0 = tm.getCurrentThreadCpuTime();
      long bytes = 0;
      while (System.nanoTime() - t0 < 1_000_000_000L) {
        for (CorpusGenerator.Article x : b.articles()) {
          sink += b.analyzer().analyzeArticle(x.title(), x.body(), x.lang(), LocalDate.ofEpochDay(x.epochDay()))
              .sentenceCount();
        }
        bytes += b.bytes();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      double cpu = (tm.getCurrentThreadCpuTime() - c0) / 1e9;
      System.out.printf(Locale.ROOT, "%.1f MB/s  (%.1f MB per CPU-second)%n", bytes / 1e6 / s, bytes / 1e6 / cpu);
    }
    System.out.println(sink);
  }
}

package dev.mizan.bench.jmh;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of the analyser in one JVM, alternating, for a before/after comparison on a loaded machine: each build
 * (a directory holding its {@code classes} and {@code test-classes}) gets its own class loader over the same
 * dependencies (dev.mizan classes and resources child-first), builds {@link CoreBench}'s batch
 * in {@code mode}, and the two read the batch in turns of about half a second. Other processes then slow both builds
 * alike within a round, so the per-round ratio of their rates (MB per CPU-second of this thread) is steadier than two
 * separate runs. {@code AbLoop DIR_A DIR_B SECONDS MODE[,MODE_B] [lang]} (MODE_B: B's mode when it differs, e.g.
 * the same build twice as {@code hybrid,rules} for the model's cost); prints per-round rates and, at the end, the totals
 * and the median of the per-round ratios B/A.
 */
public final class AbLoop {
  private AbLoop() {}

  /** Loads dev.mizan classes and resources from its own directories first, everything else from this JVM's class path. */
  private static final class ChildFirst extends URLClassLoader {
    ChildFirst(URL[] urls) {
      super(urls, ClassLoader.getSystemClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.mizan.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }

    @Override
    public URL getResource(String name) {
      URL u = findResource(name); // the build's own lexicons, gazetteer and model
      return u != null ? u : super.getResource(name);
    }

    @Override
    public java.io.InputStream getResourceAsStream(String name) {
      URL u = getResource(name);
      try {
        return u == null ? null : u.openStream();
      } catch (java.io.IOException e) {
        return null;
      }
    }
  }

  /** One build's batch, read through method handles (its classes are not this loader's). */
  private static final class Build {
    final String name;
    final Object analyzer;
    final MethodHandle analyze;
    final List<Object[]> args = new ArrayList<>();
    final long bytes;

    Build(Path dir, String mode, String lang) throws Throwable {
      name = dir.getFileName().toString() + "/" + mode;
      URLClassLoader cl = new ChildFirst(new URL[] {dir.resolve("test-classes").toUri().toURL(),
          dir.resolve("classes").toUri().toURL()});
      Class<?> cb = Class.forName("dev.mizan.bench.jmh.CoreBench", true, cl);
      Object batch = cb.getMethod("batch", String.class, String.class).invoke(null, lang, mode);
      Class<?> bc = batch.getClass();
      analyzer = bc.getMethod("analyzer").invoke(batch);
      bytes = ((Number) bc.getMethod("bytes").invoke(batch)).longValue();
      Class<?> ac = analyzer.getClass();
      analyze = MethodHandles.publicLookup().findVirtual(ac, "analyzeArticle",
          MethodType.methodType(Class.forName("dev.mizan.analysis.ArticleResult", false, cl), String.class, String.class,
              String.class, LocalDate.class));
      for (Object a : (List<?>) bc.getMethod("articles").invoke(batch)) {
        Class<?> c = a.getClass();
        args.add(new Object[] {c.getMethod("title").invoke(a), c.getMethod("body").invoke(a),
            c.getMethod("lang").invoke(a), LocalDate.ofEpochDay(((Number) c.getMethod("epochDay").invoke(a)).longValue())});
      }
    }

    /** Reads the batch until {@code nanos} have passed; returns {bytes, cpu ns}. */
    long[] run(long nanos, ThreadMXBean tm) throws Throwable {
      long t0 = System.nanoTime();
      long c0 = tm.getCurrentThreadCpuTime();
      long b = 0;
      while (System.nanoTime() - t0 < nanos) {
        for (Object[] x : args) {
          analyze.invoke(analyzer, (String) x[0], (String) x[1], (String) x[2], (LocalDate) x[3]);
        }
        b += bytes;
      }
      return new long[] {b, tm.getCurrentThreadCpuTime() - c0};
    }
  }

  public static void main(String[] args) throws Throwable {
    String[] modes = args[3].split(",");
    Build a = new Build(Path.of(args[0]), modes[0], args.length > 4 ? args[4] : "ar");
    Build b = new Build(Path.of(args[1]), modes[modes.length - 1], args.length > 4 ? args[4] : "ar");
    int seconds = Integer.parseInt(args[2]);
    ThreadMXBean tm = ManagementFactory.getThreadMXBean();
    for (int w = 0; w < 10; w++) { // warm-up: both compiled before anything counts
      a.run(500_000_000L, tm);
      b.run(500_000_000L, tm);
    }
    long[] ta = new long[2];
    long[] tb = new long[2];
    List<Double> ratios = new ArrayList<>();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    for (int round = 0; System.nanoTime() < end; round++) {
      // alternate which goes first, so neither always follows the other's cache state
      long[] ra;
      long[] rb;
      if (round % 2 == 0) {
        ra = a.run(500_000_000L, tm);
        rb = b.run(500_000_000L, tm);
      } else {
        rb = b.run(500_000_000L, tm);
        ra = a.run(500_000_000L, tm);
      }
      double mA = ra[0] / 1e6 / (ra[1] / 1e9);
      double mB = rb[0] / 1e6 / (rb[1] / 1e9);
      ratios.add(mB / mA);
      for (int k = 0; k < 2; k++) {
        ta[k] += ra[k];
        tb[k] += rb[k];
      }
      System.out.printf(Locale.ROOT, "round %d: %s %.1f, %s %.1f MB per CPU-second, ratio %.2f%n", round, a.name, mA,
          b.name, mB, mB / mA);
    }
    ratios.sort(null);
    double totA = ta[0] / 1e6 / (ta[1] / 1e9);
    double totB = tb[0] / 1e6 / (tb[1] / 1e9);
    System.out.printf(Locale.ROOT, "total (%s, %d rounds): %s %.1f, %s %.1f MB per CPU-second; B/A %.2f, median of the "
            + "per-round ratios %.2f (quartiles %.2f-%.2f)%n", args[3], ratios.size(), a.name, totA, b.name, totB,
        totB / totA, ratios.get(ratios.size() / 2), ratios.get(ratios.size() / 4), ratios.get(3 * ratios.size() / 4));
  }
}

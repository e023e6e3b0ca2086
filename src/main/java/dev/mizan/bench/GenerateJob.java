package dev.mizan.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import dev.mizan.config.ConfigError;
import dev.mizan.config.Settings;
import dev.mizan.lexicon.Gazetteer;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * generate: N synthetic articles → Parquet (id, published, title, body, source, url, lang). The rows are made on the
 * executors, each partition generating its own range of article numbers ({@code spark.range(N)}); the driver holds
 * only the vocabulary. Progress: one log line per finished partition (a driver-side listener).
 */
public final class GenerateJob {
  private static final Logger LOG = LoggerFactory.getLogger("dev.mizan");
  /** Articles per partition (and so per output file): about 100 MB of text. */
  static final long ARTICLES_PER_PARTITION = 25_000;

  static final StructType RAW = createStructType(List.of(
      createStructField("id", StringType, false),
      createStructField("epoch_day", IntegerType, false),
      createStructField("title", StringType, true),
      createStructField("body", StringType, false),
      createStructField("source", StringType, true),
      createStructField("url", StringType, true),
      createStructField("lang", StringType, true)));

  private GenerateJob() {}

  /** The generate options from the command line (--articles, --seed, --ar-share, --relevant-share, --sources). */
  public static CorpusGenerator.Options options(Map<String, String> extra, Settings settings) {
    LocalDate from = settings.range().from() != null ? settings.range().from() : LocalDate.of(2025, 1, 1);
    LocalDate to = settings.range().to() != null ? settings.range().to() : from.plusDays(364);
    try {
      return new CorpusGenerator.Options(
          longOpt(extra, "--seed", 42),
          doubleOpt(extra, "--ar-share", 0.6),
          doubleOpt(extra, "--relevant-share", 0.3),
          from, to,
          (int) longOpt(extra, "--sources", 60));
    } catch (IllegalArgumentException e) {
      throw new ConfigError(e.getMessage());
    }
  }

  /** Checks the generate options (a ConfigError, exit 2, names the bad one). */
  public static void validate(Map<String, String> extra, Settings settings) {
    articles(extra);
    options(extra, settings);
  }

  static long articles(Map<String, String> extra) {
    if (!extra.containsKey("--articles")) {
      throw new ConfigError("--articles N is required");
    }
    long n = longOpt(extra, "--articles", 0);
    if (n < 1) {
      throw new ConfigError("option --articles = \"" + extra.get("--articles") + "\" must be a positive integer");
    }
    return n;
  }

  private static long longOpt(Map<String, String> extra, String name, long dflt) {
    String v = extra.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Long.parseLong(v.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new ConfigError("option " + name + " = \"" + v + "\" is not an integer");
    }
  }

  private static double doubleOpt(Map<String, String> extra, String name, double dflt) {
    String v = extra.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new ConfigError("option " + name + " = \"" + v + "\" is not a number");
    }
  }

  /** The generated articles as a Dataset (lazy; rows are made on the executors). */
  public static Dataset<Row> corpus(SparkSession spark, long articles, CorpusGenerator gen, int partitions) {
    MapPartitionsFunction<Long, Row> fn = ids -> new Iterator<>() {
      @Override
      public boolean hasNext() {
        return ids.hasNext();
      }

      @Override
      public Row next() {
        CorpusGenerator.Article a = gen.article(ids.next());
        return RowFactory.create(a.id(), a.epochDay(), a.title(), a.body(), a.source(), a.url(), a.lang());
      }
    };
    return spark.range(0, articles, 1, partitions)
        .mapPartitions(fn, Encoders.row(RAW))
        .select(col("id"), date_from_unix_date(col("epoch_day")).as("published"), col("title"), col("body"),
            col("source"), col("url"), col("lang"));
  }

  public static void run(Settings settings, SparkSession spark, Map<String, String> extra, PrintStream out) {
    long n = articles(extra);
    CorpusGenerator.Options opts = options(extra, settings);
    String path = settings.output().path();
    CorpusGenerator gen = new CorpusGenerator(opts, Gazetteer.load(List.of(), null));
    int partitions = (int) Math.max(spark.sparkContext().defaultParallelism(),
        (n + ARTICLES_PER_PARTITION - 1) / ARTICLES_PER_PARTITION);
    LOG.info("mizan generate: {} articles, seed {}, ar-share {}, relevant-share {}, {} .. {}, {} sources, {} partitions"
        + " -> {}", n, opts.seed(), opts.arShare(), opts.relevantShare(), opts.from(), opts.to(), opts.sources(),
        partitions, path);
    AtomicInteger done = new AtomicInteger();
    long t0 = System.nanoTime();
    SparkListener progress = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd e) {
        int d = done.incrementAndGet();
        double s = (System.nanoTime() - t0) / 1e9;
        long approx = Math.min(n, (long) d * ((n + partitions - 1) / partitions));
        LOG.info("mizan generate: {}/{} partitions written (~{} articles, {} s, ~{} articles/s)", d, partitions, approx,
            String.format("%.1f", s), String.format("%.0f", approx / Math.max(s, 1e-3)));
      }
    };
    spark.sparkContext().addSparkListener(progress);
    spark.sparkContext().setJobDescription("mizan generate: write " + n + " articles");
    try {
      corpus(spark, n, gen, partitions).write().mode(SaveMode.Overwrite)
          .option("compression", settings.output().codec()).parquet(path);
    } finally {
      spark.sparkContext().removeSparkListener(progress);
      spark.sparkContext().setJobDescription(null);
    }
    double s = (System.nanoTime() - t0) / 1e9;
    String msg = String.format("mizan generate: wrote %d articles to %s in %.1f s (%.0f articles/s)", n, path, s, n / s);
    LOG.info(msg);
    out.println(msg);
  }
}

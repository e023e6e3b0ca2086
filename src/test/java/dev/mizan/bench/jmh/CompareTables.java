package dev.mizan.bench.jmh;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** {@code CompareTables DIR_A DIR_B}: for sentences, mentions, quarantine (and trends when both have them), the rows
 * of A not in B and of B not in A (as multisets). Used to check that an optimisation changes no output row. */
public final class CompareTables {
  private CompareTables() {}

  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC").getOrCreate();
    boolean same = true;
    for (String t : new String[] {"sentences", "mentions", "quarantine", "trends", "actor_trends"}) {
      java.io.File fa = new java.io.File(args[0], t);
      java.io.File fb = new java.io.File(args[1], t);
      if (!fa.exists() || !fb.exists()) {
        continue;
      }
      Dataset<Row> a = spark.read().parquet(fa.getPath());
      Dataset<Row> b = spark.read().parquet(fb.getPath()).select(a.columns()[0],
          java.util.Arrays.copyOfRange(a.columns(), 1, a.columns().length));
      long na = a.count();
      long nb = b.count();
      long ab = a.exceptAll(b).count();
      long ba = b.exceptAll(a).count();
      System.out.printf("%-12s A %d rows, B %d rows, A-B %d, B-A %d%n", t, na, nb, ab, ba);
      same &= na == nb && ab == 0 && ba == 0;
    }
    System.out.println(same ? "IDENTICAL" : "DIFFERENT");
    spark.stop();
  }
}

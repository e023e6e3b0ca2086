package dev.mizan.pipeline;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_from_unix_date;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split_part;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import dev.mizan.analysis.Analyzer;
import dev.mizan.analysis.ArticleResult;
import dev.mizan.analysis.Evidence;
import dev.mizan.analysis.SentenceResult;
import dev.mizan.io.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Valid articles → analysed articles → {@code sentences} and {@code mentions}. Dataset functions, no I/O. */
public final class ScorePipeline {
  private ScorePipeline() {}

  /** Reason code of an article the analyser threw on (it goes to quarantine, not lost). */
  public static final String ANALYSIS_FAILED = "ANALYSIS_FAILED";

  static final StructType SENTENCE_STRUCT = createStructType(concat(List.of(
      createStructField("sentence_idx", IntegerType, false),
      createStructField("paragraph_idx", IntegerType, false),
      createStructField("sentence", StringType, true)), Tables.READING_FIELDS));

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** One row per article: its reading, or the error the analyser threw. */
  public static final StructType ANALYZED_SCHEMA = createStructType(List.of(
      createStructField("article_id", StringType, true),
      createStructField("epoch_day", IntegerType, true),
      createStructField("source", StringType, true),
      createStructField("lang", StringType, true),
      createStructField("source_file", StringType, true),
      createStructField("sentence_count", IntegerType, false),
      createStructField("error", StringType, true),
      createStructField("sentences", createArrayType(SENTENCE_STRUCT, false), true)));

  /** The columns of {@link #ANALYZED_SCHEMA} (with date instead of epoch_day), in order. */
  static final Column[] ANALYZED_COLUMNS = {col("article_id"), col("source"), col("lang"), col("source_file"),
      col("sentence_count"), col("error"), col("sentences"), col("date")};

  /** {@link #ANALYZED_SCHEMA} plus the validation columns carried through: row_no, pre_ok, reason, detail. */
  public static final StructType CHECKED_ANALYZED_SCHEMA = ANALYZED_SCHEMA
      .add(createStructField("row_no", DataTypes.LongType, true))
      .add(createStructField("pre_ok", DataTypes.BooleanType, true))
      .add(createStructField("reason", StringType, true))
      .add(createStructField("detail", StringType, true));

  /**
   * One pass over ALL pre-checked rows (ArticleValidator.precheck, mapped columns plus row_no, pre_ok, reason,
   * detail): the rows that passed the row checks are analysed, the others pass through with no reading; the article
   * text is dropped. So the input is read once: validation, duplicate detection (on the narrow result) and the
   * tables all come from this, instead of from a cached copy of the articles.
   *
   * @return CHECKED_ANALYZED_SCHEMA columns with {@code date} instead of epoch_day
   */
  public static Dataset<Row> analyzeAll(Dataset<Row> prechecked, Broadcast<Analyzer> analyzer) {
    Dataset<Row> in = prechecked.select(col("id"), unix_date(col("date")).as("epoch_day"), col("title"), col("body"),
        col("source"), col("lang"), col("source_file"), col("row_no"), col("pre_ok"), col("reason"), col("detail"));
    MapPartitionsFunction<Row, Row> fn = rows -> new Iterator<>() {
      private final Analyzer a = analyzer.value();
      private final scala.collection.immutable.Seq<Row> none = seq(List.of());

      private boolean released;

      /** At the partition's end the task thread's caches are dropped: the pooled thread goes on to other work. */
      @Override
      public boolean hasNext() {
        boolean more = rows.hasNext();
        if (!more && !released) {
          released = true;
          Analyzer.releaseThreadCaches();
        }
        return more;
      }

      @Override
      public Row next() {
        Row r = rows.next();
        String id = r.getString(0);
        Integer epochDay = r.isNullAt(1) ? null : r.getInt(1);
        String source = r.getString(4);
        String lang = r.getString(5);
        String file = r.getString(6);
        Object rowNo = r.get(7);
        boolean ok = !r.isNullAt(8) && r.getBoolean(8);
        String reason = r.getString(9);
        String detail = r.getString(10);
        if (!ok) {
          return RowFactory.create(id, epochDay, source, lang, file, 0, null, none, rowNo, ok, reason, detail);
        }
        LocalDate date = epochDay == null ? null : LocalDate.ofEpochDay(epochDay);
        try {
          ArticleResult res = a.analyzeArticle(r.getString(2), r.getString(3), lang, date);
          String articleLang = res.lang() != null ? res.lang() : lang;
          List<Row> sentences = new ArrayList<>(res.sentences().size());
          for (SentenceResult s : res.sentences()) {
            sentences.add(sentenceRow(s, articleLang));
          }
          return RowFactory.create(id, epochDay, source, articleLang, file, res.sentenceCount(), null, seq(sentences),
              rowNo, ok, reason, detail);
        } catch (RuntimeException | StackOverflowError e) {
          String msg = e.toString();
          return RowFactory.create(id, epochDay, source, lang, file, 0,
              msg.length() > 1000 ? msg.substring(0, 1000) : msg, none, rowNo, ok, reason, detail);
        }
      }
    };
    return in.mapPartitions(fn, Encoders.row(CHECKED_ANALYZED_SCHEMA))
        .withColumn("date", date_from_unix_date(col("epoch_day")))
        .drop("epoch_day");
  }

  static Row sentenceRow(SentenceResult s, String articleLang) {
    List<Row> evidence = new ArrayList<>(s.evidence() == null ? 0 : s.evidence().size());
    if (s.evidence() != null) {
      for (Evidence e : s.evidence()) {
        evidence.add(RowFactory.create(e.text(), e.start(), e.end(), e.weight()));
      }
    }
    return RowFactory.create(s.index(), s.paragraph(), s.sentence(), s.lang() != null ? s.lang() : articleLang,
        s.stance(), s.score(), s.confidence(), s.quadClass(), seq(orEmpty(s.dyads())), s.speaker(),
        seq(orEmpty(s.actors())), seq(evidence), seq(orEmpty(s.countries())));
  }

  /** Row encoders want Scala sequences for array columns. */
  public static <T> scala.collection.immutable.Seq<T> seq(List<T> l) {
    return scala.jdk.javaapi.CollectionConverters.asScala(l).toList();
  }

  private static List<String> orEmpty(List<String> l) {
    return l == null ? List.of() : l;
  }

  /** The {@code sentences} table: one row per stored sentence of the successfully analysed articles. */
  public static Dataset<Row> sentences(Dataset<Row> analyzed) {
    return analyzed.where(col("error").isNull())
        .select(col("article_id"), col("date"), col("source"), explode(col("sentences")).as("s"))
        .select(col("article_id"), col("date"), col("source"), col("s.lang").as("lang"),
            col("s.sentence_idx").as("sentence_idx"), col("s.sentence").as("sentence"), col("s.stance").as("stance"),
            col("s.score").as("score"), col("s.confidence").as("confidence"), col("s.quad_class").as("quad_class"),
            col("s.dyads").as("dyads"), col("s.speaker").as("speaker"), col("s.actors").as("actors"),
            col("s.evidence").as("evidence"), col("s.paragraph_idx").as("paragraph_idx"),
            col("s.countries").as("countries"));
  }

  /** The {@code mentions} table: one row per sentence × dyad ("AAA-BBB" → country_a, country_b). */
  public static Dataset<Row> mentions(Dataset<Row> sentences) {
    Column dyad = col("dyad");
    return sentences.select(col("*"), explode(col("dyads")).as("dyad"))
        .select(col("article_id"), col("date"), col("source"), col("lang"), col("sentence_idx"),
            split_part(dyad, lit("-"), lit(1)).as("country_a"), split_part(dyad, lit("-"), lit(2)).as("country_b"),
            col("stance"), col("score"), col("confidence"), col("quad_class"), col("speaker"), col("actors"),
            col("evidence"));
  }

  /** Quarantine rows for the articles the analyser failed on. */
  public static Dataset<Row> failures(Dataset<Row> analyzed) {
    return analyzed.where(col("error").isNotNull())
        .select(col("article_id").as("id"), lit(ANALYSIS_FAILED).as("reason"),
            functions.concat(lit("the analyser failed: "), col("error")).as("detail"), col("source_file"), col("date"));
  }

  /**
   * Counts per article language (one small row each): articles, failed, sentences_total (all sentences found),
   * sentences_stored, mentions.
   */
  public static Dataset<Row> stats(Dataset<Row> analyzed) {
    Column ok = col("error").isNull();
    Column stored = functions.when(ok, functions.size(col("sentences"))).otherwise(lit(0));
    Column dyads = functions.when(ok, functions.aggregate(col("sentences"), lit(0),
        (acc, s) -> acc.plus(functions.size(s.getField("dyads"))))).otherwise(lit(0));
    return analyzed.groupBy(functions.coalesce(col("lang"), lit("und")).as("lang"))
        .agg(functions.count(lit(1)).as("articles"),
            functions.count_if(col("error").isNotNull()).as("failed"),
            functions.sum(functions.when(ok, col("sentence_count")).otherwise(lit(0))).as("sentences_total"),
            functions.sum(stored).as("sentences_stored"),
            functions.sum(dyads).as("mentions"));
  }
}

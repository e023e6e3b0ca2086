package dev.mizan.io;

import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;
import static org.apache.spark.sql.types.DataTypes.createStructField;
import static org.apache.spark.sql.types.DataTypes.createStructType;

import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Names and schemas of the output tables (the public contract; columns may be added, never renamed or dropped). */
public final class Tables {
  private Tables() {}

  public static final String SENTENCES = "sentences";
  public static final String MENTIONS = "mentions";
  public static final String TRENDS = "trends";
  public static final String ACTOR_TRENDS = "actor_trends";
  public static final String QUARANTINE = "quarantine";
  public static final String PREDICTIONS = "predictions";
  /** Partition column of the dated tables. */
  public static final String DATE = "date";

  public static final StructType EVIDENCE = createStructType(List.of(
      createStructField("text", StringType, true),
      createStructField("start", IntegerType, true),
      createStructField("end", IntegerType, true),
      createStructField("weight", DoubleType, true)));
  public static final ArrayType EVIDENCE_ARRAY = createArrayType(EVIDENCE, true);
  public static final ArrayType STRINGS = createArrayType(StringType, true);

  /** The reading of one text unit, as the analyser returns it (shared by sentences and classify predictions). */
  public static final List<StructField> READING_FIELDS = java.util.List.of(
      createStructField("lang", StringType, true),
      createStructField("stance", StringType, true),
      createStructField("score", DoubleType, true),
      createStructField("confidence", DoubleType, true),
      createStructField("quad_class", StringType, true),
      createStructField("dyads", STRINGS, true),
      createStructField("speaker", StringType, true),
      createStructField("actors", STRINGS, true),
      createStructField("evidence", EVIDENCE_ARRAY, true),
      createStructField("countries", STRINGS, true));

  /** {@code sentences}: contract columns, then the optional paragraph_idx and countries. */
  public static final StructType SENTENCES_SCHEMA = createStructType(List.of(
      f("article_id", StringType), f("date", DateType), f("source", StringType), f("lang", StringType),
      f("sentence_idx", IntegerType), f("sentence", StringType), f("stance", StringType), f("score", DoubleType),
      f("confidence", DoubleType), f("quad_class", StringType), f("dyads", STRINGS), f("speaker", StringType),
      f("actors", STRINGS), f("evidence", EVIDENCE_ARRAY), f("paragraph_idx", IntegerType), f("countries", STRINGS)));

  public static final StructType MENTIONS_SCHEMA = createStructType(List.of(
      f("article_id", StringType), f("date", DateType), f("source", StringType), f("lang", StringType),
      f("sentence_idx", IntegerType), f("country_a", StringType), f("country_b", StringType),
      f("stance", StringType), f("score", DoubleType), f("confidence", DoubleType), f("quad_class", StringType),
      f("speaker", StringType), f("actors", STRINGS), f("evidence", EVIDENCE_ARRAY)));

  public static final StructType TRENDS_SCHEMA = createStructType(List.of(
      f("date", DateType), f("country_a", StringType), f("country_b", StringType), f("mentions", LongType),
      f("articles", LongType), f("sources", LongType), f("mean_score", DoubleType), f("cooperative", LongType),
      f("neutral", LongType), f("conflictual", LongType), f("ci_low", DoubleType), f("ci_high", DoubleType),
      f("score_7d", DoubleType)));

  public static final StructType ACTOR_TRENDS_SCHEMA = createStructType(List.of(
      f("date", DateType), f("actor", StringType), f("actor_country", StringType), f("country_a", StringType),
      f("country_b", StringType), f("mentions", LongType), f("as_speaker", LongType), f("mean_score", DoubleType)));

  public static final StructType QUARANTINE_SCHEMA = createStructType(List.of(
      f("id", StringType), f("reason", StringType), f("detail", StringType), f("source_file", StringType),
      f("date", DateType)));

  public static final StructType PREDICTIONS_SCHEMA = createStructType(List.of(
      f("id", StringType), f("text", StringType), f("lang", StringType), f("stance", StringType),
      f("score", DoubleType), f("confidence", DoubleType), f("quad_class", StringType), f("dyads", STRINGS),
      f("speaker", StringType), f("actors", STRINGS), f("evidence", EVIDENCE_ARRAY), f("countries", STRINGS)));

  private static StructField f(String name, org.apache.spark.sql.types.DataType type) {
    return createStructField(name, type, true);
  }

  /** The schema of a table by name. */
  public static StructType schema(String table) {
    return switch (table) {
      case SENTENCES -> SENTENCES_SCHEMA;
      case MENTIONS -> MENTIONS_SCHEMA;
      case TRENDS -> TRENDS_SCHEMA;
      case ACTOR_TRENDS -> ACTOR_TRENDS_SCHEMA;
      case QUARANTINE -> QUARANTINE_SCHEMA;
      case PREDICTIONS -> PREDICTIONS_SCHEMA;
      default -> throw new IllegalArgumentException("unknown table " + table);
    };
  }
}

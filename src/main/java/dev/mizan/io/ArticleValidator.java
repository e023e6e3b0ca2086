package dev.mizan.io;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_to_date;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;

import dev.mizan.config.Settings;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Decides for each mapped input row whether it is scored, quarantined (with a reason code and a detail) or outside
 * the configured date range. Pure Spark SQL expressions, no UDFs; no I/O.
 *
 * <p>Checks, first failing wins: MALFORMED_ROW, MISSING_ID, MISSING_DATE, BAD_DATE, (outside the range),
 * MISSING_BODY, BODY_TOO_LONG, DUPLICATE_ID. Of several valid rows with the same id the first by source file, then by
 * position in the read, is kept.
 */
public final class ArticleValidator {
  public static final String MALFORMED_ROW = "MALFORMED_ROW";
  public static final String MISSING_ID = "MISSING_ID";
  public static final String MISSING_DATE = "MISSING_DATE";
  public static final String BAD_DATE = "BAD_DATE";
  public static final String MISSING_BODY = "MISSING_BODY";
  public static final String BODY_TOO_LONG = "BODY_TOO_LONG";
  public static final String DUPLICATE_ID = "DUPLICATE_ID";
  /** Reasons a row can be quarantined for, in the order they are checked (ANALYSIS_FAILED comes from scoring). */
  public static final List<String> REASONS = List.of(
      MALFORMED_ROW, MISSING_ID, MISSING_DATE, BAD_DATE, MISSING_BODY, BODY_TOO_LONG, DUPLICATE_ID, "ANALYSIS_FAILED");

  /** Values of the {@code status} column. */
  public static final String VALID = "valid";
  public static final String QUARANTINED = "quarantined";
  public static final String OUTSIDE_RANGE = "outside_range";

  private ArticleValidator() {}

  /**
   * Adds {@code date} (parsed publication date), {@code status}, {@code reason} and {@code detail} to the mapped
   * articles of {@link ArticleReader#read}.
   */
  public static Dataset<Row> check(Dataset<Row> mapped, Settings.Input input, Settings.Range range) {
    Dataset<Row> pre = precheck(mapped, input, range);

    WindowSpec byId = Window.partitionBy(col("id"), col("pre_ok")).orderBy(col("source_file").asc_nulls_first(), col("row_no"));
    Column rank = row_number().over(byId);
    Column keptFile = first(col("source_file")).over(byId.rowsBetween(Window.unboundedPreceding(), Window.currentRow()));
    Column duplicate = col("pre_ok").and(rank.gt(1));
    Dataset<Row> checked = pre
        .withColumn("__dup", duplicate)
        .withColumn("__kept_file", keptFile);
    checked = finish(checked.withColumn("reason", when(col("__dup"), lit(DUPLICATE_ID)).otherwise(col("reason")))
        .withColumn("detail", when(col("__dup"), duplicateDetail(col("id"), col("__kept_file"))).otherwise(col("detail"))))
        .drop("pre_ok", "__dup", "__kept_file");
    return checked.select("id", "date", "title", "body", "source", "lang", "url", "published",
        "source_file", "row_no", "status", "reason", "detail");
  }

  /**
   * Every check but DUPLICATE_ID, row by row (no shuffle): adds {@code date}, {@code reason} (null, a reason code, or
   * OUTSIDE_RANGE), {@code detail} and {@code pre_ok} (reason is null: a candidate for scoring).
   */
  public static Dataset<Row> precheck(Dataset<Row> mapped, Settings.Input input, Settings.Range range) {
    DataType publishedType = mapped.schema().apply("published").dataType();
    Column date = parseDate(col("published"), publishedType, input.dateFormats(), input.timeZone());
    Dataset<Row> withDate = mapped.withColumn("date", date);

    Column blankId = col("id").isNull().or(trim(col("id")).equalTo(""));
    Column publishedText = col("published").cast(DataTypes.StringType);
    Column blankDate = col("published").isNull().or(trim(publishedText).equalTo(""));
    Column blankBody = col("body").isNull().or(trim(col("body")).equalTo(""));
    Column tooLong = length(col("body")).gt(input.maxBodyChars());
    Column outside = lit(false);
    if (range.from() != null) {
      outside = outside.or(col("date").lt(lit(java.sql.Date.valueOf(range.from()))));
    }
    if (range.to() != null) {
      outside = outside.or(col("date").gt(lit(java.sql.Date.valueOf(range.to()))));
    }
    String patterns = String.join(", ", input.dateFormats());

    Column reason = when(col("malformed").isNotNull(), lit(MALFORMED_ROW))
        .when(blankId, lit(MISSING_ID))
        .when(blankDate, lit(MISSING_DATE))
        .when(col("date").isNull(), lit(BAD_DATE))
        .when(outside, lit(OUTSIDE_RANGE))
        .when(blankBody, lit(MISSING_BODY))
        .when(tooLong, lit(BODY_TOO_LONG));
    Column detail = when(col("malformed").isNotNull(),
            concat(lit("the row could not be parsed: "), substring(col("malformed"), 1, 200)))
        .when(blankId, lit("id is null or blank (column \"" + input.columns().id() + "\")"))
        .when(blankDate, lit("published is null or blank (column \"" + input.columns().published() + "\")"))
        .when(col("date").isNull(), concat(lit("published \""), publishedText,
            lit("\" matches none of the date patterns [" + patterns + "] (mizan.input.date-formats)")))
        .when(outside, lit("outside the range " + range))
        .when(blankBody, lit("body is null or blank (column \"" + input.columns().body() + "\")"))
        .when(tooLong, concat(lit("body has "), length(col("body")).cast(DataTypes.StringType),
            lit(" characters; the limit is " + input.maxBodyChars() + " (mizan.input.max-body-chars)")));
    Dataset<Row> pre = withDate.withColumn("reason", reason).withColumn("detail", detail)
        .withColumn("pre_ok", col("reason").isNull());
    return pre;
  }

  /** DUPLICATE_ID's detail: names the file of the row kept. */
  static Column duplicateDetail(Column id, Column keptFile) {
    return concat(lit("id \""), id, lit("\" was already read; the row kept is from "),
        coalesce(keptFile, lit("(unknown file)")));
  }

  /** status from reason (OUTSIDE_RANGE → outside_range, no reason), as the last step of the checks. */
  static Dataset<Row> finish(Dataset<Row> withReasons) {
    return withReasons
        .withColumn("status", when(col("reason").isNull(), lit(VALID))
            .when(col("reason").equalTo(OUTSIDE_RANGE), lit(OUTSIDE_RANGE))
            .otherwise(lit(QUARANTINED)))
        .withColumn("reason", when(col("reason").equalTo(OUTSIDE_RANGE), lit(null)).otherwise(col("reason")));
  }

  /**
   * The DUPLICATE_ID decisions over narrow rows (id, pre_ok, source_file, row_no: no article text is shuffled): of the
   * pre_ok rows sharing an id, all but the first by source file, then row number. Columns: row_no, dup_detail.
   */
  public static Dataset<Row> duplicates(Dataset<Row> narrow) {
    WindowSpec byId = Window.partitionBy(col("id")).orderBy(col("source_file").asc_nulls_first(), col("row_no"));
    return narrow.where(col("pre_ok"))
        .select(col("id"), col("source_file"), col("row_no"))
        .withColumn("__rank", row_number().over(byId))
        .withColumn("__kept_file", first(col("source_file")).over(byId.rowsBetween(Window.unboundedPreceding(),
            Window.currentRow())))
        .where(col("__rank").gt(1))
        .select(col("row_no"), duplicateDetail(col("id"), col("__kept_file")).as("dup_detail"));
  }

  /**
   * Applies the duplicate decisions to pre-checked rows (a left join on row_no; the decisions are broadcast, so
   * the checked rows are not shuffled) and sets {@code status}; drops {@code pre_ok}.
   */
  public static Dataset<Row> applyDuplicates(Dataset<Row> prechecked, Dataset<Row> duplicates) {
    Dataset<Row> j = prechecked.join(functions.broadcast(duplicates), prechecked.col("row_no").equalTo(
        duplicates.col("row_no")), "left_outer").drop(duplicates.col("row_no"));
    Column dup = col("dup_detail").isNotNull();
    return finish(j.withColumn("reason", when(dup, lit(DUPLICATE_ID)).otherwise(col("reason")))
        .withColumn("detail", when(dup, col("dup_detail")).otherwise(col("detail"))))
        .drop("pre_ok", "dup_detail");
  }

  /** The valid rows: the articles to score. */
  public static Dataset<Row> valid(Dataset<Row> checked) {
    return checked.where(col("status").equalTo(VALID))
        .select("id", "date", "title", "body", "source", "lang", "url", "source_file");
  }

  /** The quarantined rows in the {@code quarantine} table's columns. */
  public static Dataset<Row> quarantine(Dataset<Row> checked) {
    return checked.where(col("status").equalTo(QUARANTINED))
        .select("id", "reason", "detail", "source_file", "date");
  }

  /**
   * The publication date: a date column as is; a timestamp's date in {@code timeZone}; a string (or anything else,
   * as a string) parsed with each pattern in order, the first that parses the whole trimmed value winning. A pattern
   * with a zone/offset letter yields an instant whose date is taken in {@code timeZone}.
   */
  public static Column parseDate(Column published, DataType type, List<String> patterns, String timeZone) {
    if (type.equals(DataTypes.DateType)) {
      return published;
    }
    if (type.equals(DataTypes.TimestampType)) {
      return to_date(functions.from_utc_timestamp(published, timeZone));
    }
    if (type.equals(DataTypes.TimestampNTZType)) {
      return to_date(published);
    }
    Column s = trim(published.cast(DataTypes.StringType));
    Column[] attempts = new Column[patterns.size()];
    for (int i = 0; i < patterns.size(); i++) {
      String p = patterns.get(i);
      attempts[i] = hasZone(p)
          ? to_date(functions.from_utc_timestamp(try_to_timestamp(s, lit(p)), timeZone))
          : try_to_date(s, p);
    }
    return attempts.length == 1 ? attempts[0] : coalesce(attempts);
  }

  /** True when the pattern has a zone or offset letter outside quotes. */
  static boolean hasZone(String pattern) {
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && "XxZzOV".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }
}

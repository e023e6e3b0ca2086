package dev.mizan.pipeline;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import dev.mizan.analysis.AnalyzerOptions;
import dev.mizan.config.ConfigError;
import dev.mizan.config.Settings;
import dev.mizan.io.ArticleReader;
import dev.mizan.io.ArticleValidator;
import dev.mizan.ml.StanceAnnotator;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * classify: each input row is ONE text unit → {@code predictions}. The text is the mapped body column, or a column
 * named {@code text} when the input has no body column. Rows without id or text go to quarantine.
 */
public final class ClassifyPipeline {
  private ClassifyPipeline() {}

  /** The input settings with {@code columns.body} pointing at the text column actually present. */
  public static Settings.Input textInput(StructType schema, Settings.Input input) {
    List<String> names = Arrays.asList(schema.fieldNames());
    if (names.contains(input.columns().body()) || !names.contains("text")) {
      return input;
    }
    Settings.Columns c = input.columns();
    return new Settings.Input(input.path(), input.format(),
        new Settings.Columns(c.id(), c.published(), "text", c.title(), c.source(), c.lang(), c.url()),
        input.dateFormats(), input.timeZone(), input.csv(), input.maxBodyChars());
  }

  /**
   * Maps and checks the units: columns id, text, lang, date (nullable: the analyser then uses today), source_file,
   * status, reason, detail.
   *
   * @param tagged the raw input with {@code __source_file} and {@code __row_no} (see ArticleReader)
   */
  public static Dataset<Row> check(Dataset<Row> tagged, Settings.Input input) {
    Settings.Input in = textInput(tagged.schema(), input);
    List<String> names = Arrays.asList(tagged.schema().fieldNames());
    if (!names.contains(in.columns().body())) {
      throw new ConfigError("the required field body (the text to classify) is mapped to column \"" + in.columns().body()
          + "\" (mizan.input.columns.body), which is not in the input " + in.path() + ", and there is no column \"text\""
          + "; columns found: " + String.join(", ", names.stream().filter(n -> !n.startsWith("_")).sorted().toList()));
    }
    Dataset<Row> mapped = ArticleReader.map(tagged, in, List.of("id", "body"));
    Column date = ArticleValidator.parseDate(col("published"), mapped.schema().apply("published").dataType(),
        in.dateFormats(), in.timeZone());
    Column blankId = col("id").isNull().or(trim(col("id")).equalTo(""));
    Column blankText = col("body").isNull().or(trim(col("body")).equalTo(""));
    Column reason = when(col("malformed").isNotNull(), lit(ArticleValidator.MALFORMED_ROW))
        .when(blankId, lit(ArticleValidator.MISSING_ID))
        .when(blankText, lit(ArticleValidator.MISSING_BODY));
    Column detail = when(col("malformed").isNotNull(),
            concat(lit("the row could not be parsed: "), substring(col("malformed"), 1, 200)))
        .when(blankId, lit("id is null or blank (column \"" + in.columns().id() + "\")"))
        .when(blankText, lit("text is null or blank (column \"" + in.columns().body() + "\")"));
    return mapped.select(col("id"), col("body").as("text"), col("lang"), date.as("date"), col("source_file"),
            reason.as("reason"), detail.as("detail"))
        .withColumn("status", when(col("reason").isNull(), lit(ArticleValidator.VALID))
            .otherwise(lit(ArticleValidator.QUARANTINED)));
  }

  /** The {@code predictions} table for the valid units. */
  public static Dataset<Row> predict(Dataset<Row> checked, AnalyzerOptions options) {
    Dataset<Row> valid = checked.where(col("status").equalTo(ArticleValidator.VALID))
        .select(col("id"), col("text"), col("lang"), col("date"));
    StanceAnnotator annotator = new StanceAnnotator().setInputCol("text").setLangCol("lang").setDateCol("date")
        .setOutputCol("r").setOptions(options);
    return annotator.transform(valid)
        .select(col("id"), col("text"), coalesce(col("r.lang"), col("lang")).as("lang"), col("r.stance").as("stance"),
            col("r.score").as("score"), col("r.confidence").as("confidence"), col("r.quad_class").as("quad_class"),
            col("r.dyads").as("dyads"), col("r.speaker").as("speaker"), col("r.actors").as("actors"),
            col("r.evidence").as("evidence"), col("r.countries").as("countries"));
  }

  /** The quarantined units in the {@code quarantine} table's columns. */
  public static Dataset<Row> quarantine(Dataset<Row> checked) {
    return checked.where(col("status").equalTo(ArticleValidator.QUARANTINED))
        .select(col("id"), col("reason"), col("detail"), col("source_file"), col("date").cast(DataTypes.DateType).as("date"));
  }
}

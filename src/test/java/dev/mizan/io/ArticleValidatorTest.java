package dev.mizan.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.config.Settings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleValidatorTest extends SparkTest {
  @TempDir
  Path dir;

  private Dataset<Row> check(Path input, String... sets) {
    String[] all = new String[sets.length + 2];
    all[0] = "input.path=" + input;
    all[1] = "input.format=json";
    System.arraycopy(sets, 0, all, 2, sets.length);
    Settings s = ArticleReaderTest.settings(all);
    return ArticleValidator.check(ArticleReader.read(spark, s.input()), s.input(), s.range());
  }

  private static Map<String, String> reasons(Dataset<Row> checked) {
    Map<String, String> m = new TreeMap<>();
    for (Row r : checked.collectAsList()) {
      String key = r.getAs("id") == null ? "<null>" : r.<String>getAs("id") + "@" + r.getAs("row_no");
      m.put(key, r.getAs("status") + (r.getAs("reason") == null ? "" : ":" + r.getAs("reason")));
    }
    return m;
  }

  @Test
  void everyReasonAndTheDetail() {
    Path f = write(dir, "a.jsonl", List.of(
        "{\"id\":\"ok\",\"published\":\"2025-08-07\",\"body\":\"fine\"}",
        "{\"id\":\"\",\"published\":\"2025-08-07\",\"body\":\"no id\"}",
        "{\"id\":\"nodate\",\"body\":\"x\"}",
        "{\"id\":\"baddate\",\"published\":\"not-a-date\",\"body\":\"x\"}",
        "{\"id\":\"nobody\",\"published\":\"2025-08-07\",\"body\":\"   \"}",
        "{\"id\":\"long\",\"published\":\"2025-08-07\",\"body\":\"0123456789AB\"}",
        "{\"id\":\"ok\",\"published\":\"2025-08-08\",\"body\":\"again\"}",
        "{not json"));
    Dataset<Row> checked = check(f, "input.max-body-chars=10");
    List<Row> q = ArticleValidator.quarantine(checked).orderBy("reason").collectAsList();
    assertThat(q).extracting(r -> r.getString(1)).containsExactly("BAD_DATE", "BODY_TOO_LONG", "DUPLICATE_ID",
        "MALFORMED_ROW", "MISSING_BODY", "MISSING_DATE", "MISSING_ID");
    Map<String, String> detail = new TreeMap<>();
    q.forEach(r -> detail.put(r.getString(1), r.getString(2)));
    assertThat(detail).containsEntry("BAD_DATE", "published \"not-a-date\" matches none of the date patterns"
            + " [yyyy-MM-dd, yyyy-MM-dd'T'HH:mm:ss[.SSS][XXX], dd/MM/yyyy] (mizan.input.date-formats)")
        .containsEntry("BODY_TOO_LONG", "body has 12 characters; the limit is 10 (mizan.input.max-body-chars)")
        .containsEntry("DUPLICATE_ID", "id \"ok\" was already read; the row kept is from " + q.get(2).getString(3))
        .containsEntry("MALFORMED_ROW", "the row could not be parsed: {not json")
        .containsEntry("MISSING_BODY", "body is null or blank (column \"body\")")
        .containsEntry("MISSING_DATE", "published is null or blank (column \"published\")")
        .containsEntry("MISSING_ID", "id is null or blank (column \"id\")");
    assertThat(q).allSatisfy(r -> assertThat(r.getString(3)).endsWith("a.jsonl"));
    // the first "ok" (2025-08-07) is kept, the later one is the duplicate
    List<Row> valid = ArticleValidator.valid(checked).collectAsList();
    assertThat(valid).hasSize(1);
    assertThat(valid.get(0).<String>getAs("body")).isEqualTo("fine");
    assertThat(checked.count()).isEqualTo(8);
  }

  @Test
  void duplicateKeepsTheRowOfTheFirstFileByName() {
    write(dir, "in/b.jsonl", List.of("{\"id\":\"x\",\"published\":\"2025-08-07\",\"body\":\"from b\"}"));
    write(dir, "in/a.jsonl", List.of("{\"id\":\"x\",\"published\":\"2025-08-07\",\"body\":\"from a\"}"));
    Dataset<Row> checked = check(dir.resolve("in"));
    assertThat(ArticleValidator.valid(checked).first().<String>getAs("body")).isEqualTo("from a");
    Row dup = ArticleValidator.quarantine(checked).first();
    assertThat(dup.getString(1)).isEqualTo("DUPLICATE_ID");
    assertThat(dup.getString(2)).startsWith("id \"x\" was already read; the row kept is from ").endsWith("a.jsonl");
    assertThat(dup.getString(3)).endsWith("b.jsonl");
  }

  @Test
  void rowsOutsideTheRangeAreNeitherScoredNorQuarantined() {
    Path f = write(dir, "r.jsonl", List.of(
        "{\"id\":\"before\",\"published\":\"2025-08-01\",\"body\":\"x\"}",
        "{\"id\":\"in\",\"published\":\"2025-08-05\",\"body\":\"x\"}",
        "{\"id\":\"after\",\"published\":\"2025-08-09\",\"body\":\"\"}",
        "{\"id\":\"undated\",\"published\":\"soon\",\"body\":\"x\"}"));
    Dataset<Row> checked = check(f, "range.from=2025-08-02", "range.to=2025-08-08");
    Map<String, String> r = new TreeMap<>();
    checked.collectAsList().forEach(x -> r.put(x.getAs("id"), x.getAs("status") + ":" + x.getAs("reason")));
    assertThat(r).containsExactly(Map.entry("after", "outside_range:null"), Map.entry("before", "outside_range:null"),
        Map.entry("in", "valid:null"), Map.entry("undated", "quarantined:BAD_DATE"));
  }
}

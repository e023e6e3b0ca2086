package dev.mizan.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mizan.analysis.AnalyzerOptions;
import dev.mizan.io.SparkTest;
import dev.mizan.ml.StanceAnnotator;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StanceAnnotatorTest extends SparkTest {
  @TempDir
  Path dir;

  @Test
  void saveAndLoadKeepTheParams() throws Exception {
    StanceAnnotator a = new StanceAnnotator().setInputCol("headline").setLangCol("l").setOutputCol("out")
        .setOptions(new AnalyzerOptions(List.of("slug\tcountry"), 0.3, -0.2, false));
    String path = dir.resolve("annotator").toString();
    a.save(path);
    StanceAnnotator b = StanceAnnotator.load(path);
    assertThat(b.uid()).isEqualTo(a.uid());
    assertThat(b.getOrDefault(b.inputCol())).isEqualTo("headline");
    assertThat(b.getOrDefault(b.langCol())).isEqualTo("l");
    assertThat(b.getOrDefault(b.outputCol())).isEqualTo("out");
    assertThat(b.options()).isEqualTo(new AnalyzerOptions(List.of("slug\tcountry"), 0.3, -0.2, false));
    assertThat(b.copy(new org.apache.spark.ml.param.ParamMap()).getOrDefault(b.inputCol())).isEqualTo("headline");
  }

  @Test
  void transformSchemaNamesABadInputColumn() {
    StructType schema = new StructType().add("id", DataTypes.StringType).add("text", DataTypes.IntegerType);
    assertThatThrownBy(() -> new StanceAnnotator().transformSchema(schema))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("StanceAnnotator: inputCol column \"text\" must be a string but is int");
    assertThatThrownBy(() -> new StanceAnnotator().setInputCol("body").transformSchema(schema))
        .hasMessage("StanceAnnotator: inputCol column \"body\" is not in the input; columns: id, text");
    StructType ok = new StructType().add("text", DataTypes.StringType);
    assertThat(new StanceAnnotator().transformSchema(ok).fieldNames()).containsExactly("text", "stance_result");
  }

  @Test
  void transformAppendsTheResultStruct() {
    Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create("1", "Russia and the USA agreed.")),
        new StructType().add("id", DataTypes.StringType).add("text", DataTypes.StringType));
    Row r = new StanceAnnotator().transform(df).first();
    Row result = r.getStruct(2);
    assertThat(result.schema().fieldNames()).containsExactly(StanceAnnotator.RESULT.fieldNames());
    assertThat(result.<String>getAs("stance")).isIn("cooperative", "neutral", "conflictual");
  }
}

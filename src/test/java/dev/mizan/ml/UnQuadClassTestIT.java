package dev.mizan.ml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mizan.analysis.Analyzer;
import dev.mizan.eval.Metrics;
import dev.mizan.io.SparkTest;
import dev.mizan.model.LinearTextModel;
import dev.mizan.model.TextFeatures;
import dev.mizan.testutil.Paths;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The shipped model on the UN QuadClass TEST split (the fixed SHA-1 split; never trained or tuned on): Arabic and
 * English 5-way macro-F1 and the 3-way stance view. Writes target/un-quadclass-test.txt. The floor is a regression
 * guard under the measured figure, not a target.
 */
class UnQuadClassTestIT extends SparkTest {
  @Test
  void shippedModelOnTheTestSplit() throws Exception {
    List<ModelTrainer.Example> test = ModelTrainer.readUn(spark, Paths.shared().resolve("data/un-quadclass-ar-en"), true);
    LinearTextModel m = LinearTextModel.loadDefault();
    Analyzer rules = MizanFeaturizer.ruleAnalyzer();
    StringBuilder out = new StringBuilder("UN QuadClass test split, shipped model (" + m.description() + ")\n");
    double arF1 = 0;
    for (String lang : List.of("ar", "en")) {
      Metrics.Confusion quad = new Metrics.Confusion(LinearTextModel.QUAD_CLASSES);
      Metrics.Confusion stance = new Metrics.Confusion(LinearTextModel.STANCE_CLASSES);
      for (ModelTrainer.Example x : test) {
        if (!x.lang().equals(lang)) {
          continue;
        }
        TextFeatures.Vec v = MizanFeaturizer.features(m.features(), rules, x.text(), x.lang());
        double[] pq = m.head(LinearTextModel.QUAD).probabilities(v);
        double[] ps = m.head(LinearTextModel.STANCE).probabilities(v);
        quad.add(LinearTextModel.QUAD_CLASSES.get(x.quad()), LinearTextModel.QUAD_CLASSES.get(argmax(pq)));
        stance.add(LinearTextModel.STANCE_CLASSES.get(x.stance()), LinearTextModel.STANCE_CLASSES.get(argmax(ps)));
      }
      out.append(String.format(Locale.ROOT, "%s: %d rows, 5-way macro-F1 %.4f accuracy %.4f; 3-way stance macro-F1 %.4f%n%s%n%s%n",
          lang, quad.total(), quad.macroF1(), quad.accuracy(), stance.macroF1(), quad.table(), stance.table()));
      if (lang.equals("ar")) {
        arF1 = quad.macroF1();
        assertThat(quad.total()).isBetween(900L, 1000L); // about 15% of 5,979
      }
    }
    Files.createDirectories(Paths.basedir().resolve("target"));
    Files.writeString(Paths.basedir().resolve("target/un-quadclass-test.txt"), out, StandardCharsets.UTF_8);
    System.out.println(out);
    assertThat(arF1).isGreaterThan(0.50);
  }

  private static int argmax(double[] p) {
    int b = 0;
    for (int c = 1; c < p.length; c++) {
      if (p[c] > p[b]) {
        b = c;
      }
    }
    return b;
  }
}

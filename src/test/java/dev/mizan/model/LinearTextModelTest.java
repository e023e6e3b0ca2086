package dev.mizan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearTextModelTest {
  private static LinearTextModel model(double t) {
    TextFeatures f = new TextFeatures(1024, 2, 3, 1, true);
    float[] wq = new float[1024 * 5];
    wq[7 * 5 + 2] = 1.5f; // feature 7 (score_positive) → material_cooperation
    wq[8 * 5 + 1] = 2f;
    float[] ws = new float[1024 * 3];
    ws[7 * 3 + 1] = 3f;
    ws[8 * 3 + 2] = 3f;
    ws[1000 * 3] = -0.25f;
    return new LinearTextModel(f, "test", List.of(
        new LinearTextModel.Head("quad", LinearTextModel.QUAD_CLASSES, t, new double[] {0.1, 0, 0, 0, 0}, wq),
        new LinearTextModel.Head("stance", LinearTextModel.STANCE_CLASSES, t, new double[] {0.5, 0, 0}, ws)));
  }

  @Test
  void probabilitiesAreTheTemperedSoftmaxOfTheLinearScores() {
    LinearTextModel m = model(2.0);
    TextFeatures.Vec x = new TextFeatures.Vec(new int[] {7, 1000}, new double[] {0.5, 2.0});
    double[] z = m.head("stance").logits(x);
    assertThat(z).containsExactly(0.5 - 0.5, 1.5, 0.0);
    double[] p = m.head("stance").probabilities(x);
    double e0 = Math.exp(0), e1 = Math.exp(0.75), e2 = Math.exp(0);
    assertThat(p[1]).isCloseTo(e1 / (e0 + e1 + e2), within(1e-12));
    assertThat(p[0] + p[1] + p[2]).isCloseTo(1, within(1e-12));
  }

  @Test
  void writeThenReadGivesTheSameModel() throws Exception {
    LinearTextModel m = model(0.8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.write(out);
    LinearTextModel back = LinearTextModel.read(new ByteArrayInputStream(out.toByteArray()));
    back.check();
    assertThat(back.description()).isEqualTo("test");
    assertThat(back.features().numFeatures()).isEqualTo(1024);
    assertThat(back.features().charMax()).isEqualTo(3);
    for (String h : List.of("quad", "stance")) {
      assertThat(back.head(h).weights()).isEqualTo(m.head(h).weights());
      assertThat(back.head(h).bias()).isEqualTo(m.head(h).bias());
      assertThat(back.head(h).temperature()).isEqualTo(0.8);
    }
  }

  @Test
  void aFileThatIsNotAModelIsRefusedWithAReason() {
    assertThatThrownBy(() -> LinearTextModel.read(new ByteArrayInputStream("hello".getBytes())))
        .hasMessageContaining("not a Mizan model file");
  }

  @Test
  void temperatureScalingFindsTheMinimumOfTheLikelihood() {
    // logits that are right but twice too confident: the fitted temperature is > 1
    double[][] z = new double[200][];
    int[] y = new int[200];
    for (int i = 0; i < 200; i++) {
      z[i] = new double[] {4, 0};
      y[i] = i % 4 == 0 ? 1 : 0; // 75% right
    }
    double t = Calibration.fitTemperature(z, y);
    // p(0) = 0.75 at the optimum: 4 / t = ln 3
    assertThat(t).isCloseTo(4 / Math.log(3), within(1e-4));
  }

  @Test
  void reliabilityBucketsByConfidence() {
    double[][] r = Calibration.reliability(new double[] {0.55, 0.95, 0.92, 0.3}, new boolean[] {false, true, true, true},
        new double[] {0, 0.5, 0.9});
    assertThat(r[0][2]).isEqualTo(1);
    assertThat(r[1][2]).isEqualTo(1);
    assertThat(r[1][4]).isEqualTo(0);
    assertThat(r[2][2]).isEqualTo(2);
    assertThat(r[2][4]).isEqualTo(1);
  }
}

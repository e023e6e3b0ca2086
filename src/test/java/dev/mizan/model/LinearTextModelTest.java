package dev.mizan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.zip.GZIPOutputStream;
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

  private static LinearTextModel withQuadOffsets(LinearTextModel m, double[] offsets) {
    LinearTextModel.Head q = m.head("quad");
    return new LinearTextModel(m.features(), "offsets", List.of(new LinearTextModel.Head("quad", q.classes(),
        q.temperature(), q.bias(), offsets, q.weights()), m.head("stance")));
  }

  @Test
  void decisionOffsetsAreAddedToTheTemperedLogitsAndSurviveWriteAndRead() throws Exception {
    double[] offsets = {0, -0.3, 0.25, 0, 0.5};
    LinearTextModel m = withQuadOffsets(model(2.0), offsets);
    TextFeatures.Vec x = new TextFeatures.Vec(new int[] {7, 8}, new double[] {0.5, 1.0});
    // W·x + b = (0.1, 2, 0.75, 0, 0); softmax(z / 2 + δ) = softmax(0.05, 0.7, 0.625, 0, 0.5)
    double[] a = {0.05, 1.0 - 0.3, 0.375 + 0.25, 0, 0.5};
    double sum = 0;
    for (double v : a) {
      sum += Math.exp(v);
    }
    double[] p = m.head("quad").probabilities(x);
    for (int c = 0; c < 5; c++) {
      assertThat(p[c]).isCloseTo(Math.exp(a[c]) / sum, within(1e-12));
    }
    // without the offsets material_conflict wins; with them it is still first but by less, and the fused scorer agrees
    assertThat(LinearTextModel.argmax(model(2.0).head("quad").probabilities(x))).isEqualTo(1);
    assertThat(m.probabilities(x)[m.headIndex("quad")]).containsExactly(p);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.write(out);
    LinearTextModel back = LinearTextModel.read(new ByteArrayInputStream(out.toByteArray()));
    assertThat(back.head("quad").offsets()).containsExactly(offsets);
    assertThat(back.head("stance").offsets()).containsExactly(0, 0, 0);
    assertThat(back.head("quad").probabilities(x)).containsExactly(p);
  }

  @Test
  void aVersionOneFileWithoutOffsetsIsStillRead() throws Exception {
    // the layout of version 1 (the shipped default.bin before offsets), written by hand: one head, two classes
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      out.writeUTF("MIZANLM");
      out.writeInt(1);
      out.writeInt(1024);
      out.writeInt(2);
      out.writeInt(3);
      out.writeInt(1);
      out.writeBoolean(true);
      out.writeUTF("v1");
      out.writeInt(1);
      out.writeUTF("h");
      out.writeInt(2);
      out.writeUTF("a");
      out.writeUTF("b");
      out.writeDouble(0.5);
      out.writeDouble(0.25);
      out.writeDouble(-0.25);
      out.writeInt(1); // one non-zero feature column
      out.writeInt(10); // index 9 (delta from -1)
      out.writeFloat(1f);
      out.writeFloat(-1f);
    }
    LinearTextModel m = LinearTextModel.read(new ByteArrayInputStream(bytes.toByteArray()));
    LinearTextModel.Head h = m.head("h");
    assertThat(h.offsets()).containsExactly(0, 0);
    assertThat(h.bias()).containsExactly(0.25, -0.25);
    assertThat(h.logits(new TextFeatures.Vec(new int[] {9}, new double[] {2}))).containsExactly(2.25, -2.25);
  }

  @Test
  void aFileOfAnUnknownVersionIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      out.writeUTF("MIZANLM");
      out.writeInt(3);
    }
    assertThatThrownBy(() -> LinearTextModel.read(new ByteArrayInputStream(bytes.toByteArray())))
        .hasMessageContaining("model file version 3 is not supported (expected 1..2)");
  }

  @Test
  void decisionOffsetsMaximiseTheMacroF1OfTheArgmax() {
    // three classes; class 2 is under-predicted: its rows score 0.3 below class 0. An offset of about +0.3 on class 2
    // recovers them without taking class 0's rows (which lead class 2 by 1.0).
    double[][] a = new double[40][];
    int[] y = new int[40];
    for (int i = 0; i < 40; i++) {
      y[i] = i % 4 == 0 ? 2 : i % 4 == 1 ? 1 : 0;
      a[i] = switch (y[i]) {
        case 2 -> new double[] {1.0, 0, 0.7};
        case 1 -> new double[] {0, 1, 0};
        default -> new double[] {1.0, 0, 0};
      };
    }
    double[] none = {0, 0, 0};
    assertThat(Calibration.macroF1(a, y, none, 3)).isCloseTo((2 * 20.0 / 50 + 1 + 0) / 3, within(1e-12));
    double[] d = Calibration.fitOffsets(a, y, 3);
    assertThat(d[0]).isEqualTo(0);
    assertThat(d[2]).isGreaterThan(0.28).isLessThan(1.0);
    assertThat(Calibration.macroF1(a, y, d, 3)).isEqualTo(1.0);
    // nothing to gain: every offset stays 0
    int[] right = new int[40];
    for (int i = 0; i < 40; i++) {
      right[i] = LinearTextModel.argmax(a[i]);
    }
    assertThat(Calibration.fitOffsets(a, right, 3)).containsExactly(0, 0, 0);
  }
}

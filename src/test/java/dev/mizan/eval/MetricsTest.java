package dev.mizan.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {
  @Test
  void confusionMatrixPerClassAndMacro() {
    Metrics.Confusion c = new Metrics.Confusion(List.of("a", "b", "c"));
    c.add("a", "a");
    c.add("a", "b");
    c.add("b", "b");
    c.add("c", "a");
    // a: P=1/2 R=1/2 F=0.5 ; b: P=1/2 R=1 F=2/3 ; c: P=0 R=0 F=0
    assertThat(c.f1("a")).isCloseTo(0.5, within(1e-9));
    assertThat(c.f1("b")).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(c.macroF1()).isCloseTo((0.5 + 2.0 / 3 + 0) / 3, within(1e-9));
    assertThat(c.accuracy()).isCloseTo(0.5, within(1e-9));
    assertThat(c.table()).contains("macro-F1 0.389");
  }

  @Test
  void setScoreIsMicroAveraged() {
    Metrics.SetScore s = new Metrics.SetScore();
    s.add(List.of("RUS-USA"), List.of("RUS-USA", "CHN-USA"));
    s.add(List.of("IRN-SAU"), List.of());
    assertThat(s.precision()).isCloseTo(0.5, within(1e-9));
    assertThat(s.recall()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void exactMatchCountsNullAsAValue() {
    Metrics.Exact e = new Metrics.Exact();
    e.add("1", null, null);
    e.add("2", "sergey-lavrov", "sergey-lavrov");
    e.add("3", "marco-rubio", null);
    assertThat(e.accuracy()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(e.accuracyOnGold()).isCloseTo(0.5, within(1e-9));
    assertThat(e.errors()).containsExactly("3: gold=marco-rubio predicted=null");
  }

  @Test
  void confusionFromAggregateCountsAndItsJsonView() {
    Metrics.Confusion c = new Metrics.Confusion(List.of("conflict", "no_conflict"));
    c.add("conflict", "conflict", 3);
    c.add("conflict", "no_conflict", 1);
    c.add("no_conflict", "conflict", 2);
    c.add("no_conflict", "no_conflict", 4);
    // conflict: P=3/5 R=3/4 F=2/3 ; no_conflict: P=4/5 R=4/6 F=8/11
    assertThat(c.f1("conflict")).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(c.f1("no_conflict")).isCloseTo(8.0 / 11, within(1e-9));
    assertThat(c.accuracy()).isCloseTo(0.7, within(1e-9));
    assertThat(c.support("no_conflict")).isEqualTo(6);
    var m = c.toMap();
    assertThat(m.keySet()).containsExactly("labels", "per_class", "macro_f1", "accuracy", "n", "confusion");
    assertThat(m.get("confusion")).isEqualTo(List.of(List.of(3L, 1L), List.of(2L, 4L)));
    assertThat(m.get("n")).isEqualTo(10L);
    @SuppressWarnings("unchecked")
    var conflict = (java.util.Map<String, Object>) ((java.util.Map<String, Object>) m.get("per_class")).get("conflict");
    assertThat((Double) conflict.get("precision")).isCloseTo(0.6, within(1e-9));
    assertThat(conflict.get("support")).isEqualTo(4L);
    assertThatThrownBy(() -> c.add("conflict", "maybe", 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("predicted=maybe");
  }

  @Test
  void reliabilityBinsAccuracyAndCalibrationError() {
    Metrics.Reliability r = new Metrics.Reliability(4);
    assertThat(Metrics.Reliability.bin(0.0, 4)).isZero();
    assertThat(Metrics.Reliability.bin(0.25, 4)).isEqualTo(1);
    assertThat(Metrics.Reliability.bin(0.999, 4)).isEqualTo(3);
    assertThat(Metrics.Reliability.bin(1.0, 4)).as("1.0 falls in the last bin").isEqualTo(3);
    r.add(0.5, true);
    r.add(0.6, false);
    r.add(0.9, true);
    r.add(1.0, true);
    // bin 2 [0.5, 0.75): 2 rows, accuracy 0.5, mean confidence 0.55 ; bin 3: 2 rows, accuracy 1, mean 0.95
    assertThat(r.count(2)).isEqualTo(2);
    assertThat(r.accuracy(2)).isCloseTo(0.5, within(1e-9));
    assertThat(r.meanConfidence(3)).isCloseTo(0.95, within(1e-9));
    assertThat(r.count(0)).isZero();
    // ECE = (2 × |0.5 − 0.55| + 2 × |1 − 0.95|) / 4 = 0.05
    assertThat(r.ece()).isCloseTo(0.05, within(1e-9));
    r.addBin(0, 2, 1, 0.2);
    assertThat(r.accuracy(0)).isCloseTo(0.5, within(1e-9));
    assertThat(r.toList()).hasSize(4);
    assertThat(r.toList().get(3)).containsEntry("from", 0.75).containsEntry("to", 1.0).containsEntry("count", 2L)
        .containsEntry("correct", 2L);
    assertThat(r.table()).contains("[0.75, 1.00]       2     1.000     0.950");
  }

  @Test
  void setScoreAddsAggregateCounts() {
    Metrics.SetScore s = new Metrics.SetScore();
    s.addCounts(8, 2, 0);
    assertThat(s.precision()).isCloseTo(0.8, within(1e-9));
    assertThat(s.recall()).isCloseTo(1.0, within(1e-9));
    assertThat(s.counts()).containsEntry("tp", 8L).containsEntry("fp", 2L).containsEntry("fn", 0L);
  }
}

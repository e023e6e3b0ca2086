package dev.mizan.eval;

import static org.assertj.core.api.Assertions.assertThat;
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
}

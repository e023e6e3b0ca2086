package dev.mizan.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One literal test per feature family, plus the hash and the parameter checks. */
class TextFeaturesTest {
  private static Map<Integer, Double> asMap(TextFeatures.Vec v) {
    Map<Integer, Double> m = new HashMap<>();
    for (int i = 0; i < v.size(); i++) {
      m.put(v.indices()[i], v.values()[i]);
    }
    return m;
  }

  @Test
  void murmur3MatchesTheReferenceVectors() {
    // MurmurHash3_x86_32 reference values (seed 0)
    assertThat(TextFeatures.murmur3(new byte[0], 0)).isEqualTo(0);
    assertThat(TextFeatures.murmur3(new byte[0], 1)).isEqualTo(0x514E28B7);
    assertThat(TextFeatures.murmur3("hello".getBytes(StandardCharsets.UTF_8), 0)).isEqualTo(0x248bfa47);
    assertThat(TextFeatures.murmur3("The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8), 0))
        .isEqualTo(0x2e4ff723);
  }

  @Test
  void characterNgramsArePaddedPerWordAndL2Normalised() {
    TextFeatures f = new TextFeatures(1 << 16, 2, 5, 0, false);
    Map<Integer, Double> m = asMap(f.vector("Ab", "en", null));
    // " ab " (lower-cased) → 2-grams " a","ab","b "; 3-grams " ab","ab "; 4-gram " ab "
    List<String> grams = List.of(" a", "ab", "b ", " ab", "ab ", " ab ");
    assertThat(m).hasSize(6);
    for (String g : grams) {
      assertThat(m.get(f.index("c", g))).isCloseTo(1 / Math.sqrt(6), within(1e-12));
    }
  }

  @Test
  void termFrequencyIsSublinear() {
    TextFeatures f = new TextFeatures(1 << 16, 2, 2, 0, false);
    Map<Integer, Double> m = asMap(f.vector("x x y", "en", null));
    double twice = 1 + Math.log(2);
    double norm = Math.sqrt(2 * twice * twice + 2);
    assertThat(m.get(f.index("c", " x"))).isCloseTo(twice / norm, within(1e-12));
    assertThat(m.get(f.index("c", "y "))).isCloseTo(1 / norm, within(1e-12));
  }

  @Test
  void arabicCharacterNgramsSeeTheScorersNormalisation() {
    TextFeatures f = new TextFeatures(1 << 16, 2, 2, 0, false);
    // hamza forms and teh marbuta normalise as in score: «أ» → «ا», «ة» → «ه»
    assertThat(asMap(f.vector("أمة", "ar", null))).isEqualTo(asMap(f.vector("امه", "ar", null)));
    assertThat(asMap(f.vector("امه", "ar", null))).containsKey(f.index("c", " ا"));
  }

  @Test
  void wordNgramsUseLightStemsAndBigrams() {
    TextFeatures f = new TextFeatures(1 << 16, 0, 0, 2, false);
    Map<Integer, Double> en = asMap(f.vector("Trade talks, 2025", "en", null));
    assertThat(en.keySet()).containsExactlyInAnyOrder(f.index("w", "trade"), f.index("w", "talks"),
        f.index("w", "0"), f.index("w", "trade talks"), f.index("w", "talks 0"));
    // «والصين» and «الصين» share the stem «صين»: conjunction and article are clitics
    Map<Integer, Double> ar = asMap(f.vector("والصين", "ar", null));
    assertThat(ar.keySet()).containsExactly(f.index("w", "صين"));
    assertThat(asMap(f.vector("الصين", "ar", null)).keySet()).containsExactly(f.index("w", "صين"));
  }

  @Test
  void ruleFeaturesSitAtTheReservedIndicesInZeroToOne() {
    TextFeatures f = new TextFeatures(1 << 16, 0, 0, 0, true);
    RuleSignals s = new RuleSignals(1.5, 6.0, 1, 0, 2, 1, 8, -0.5, true, 2, false, true);
    Map<Integer, Double> m = asMap(f.vector("", "ar", s));
    assertThat(m).containsEntry(0, 0.5).containsEntry(1, 1.0).containsEntry(2, 1 / 3.0).containsEntry(4, 2 / 3.0)
        .containsEntry(5, 0.25).containsEntry(6, 1.0).containsEntry(8, 0.5).containsEntry(9, 1.0)
        .containsEntry(10, 0.5).containsEntry(12, 1.0).containsEntry(13, 1.0);
    assertThat(m).doesNotContainKeys(3, 7, 11, 14, 15);
    assertThat(TextFeatures.ruleSlotNames()).hasSize(TextFeatures.RULE_SLOTS);
    // off: nothing at the reserved indices, and hashed grams never land there
    TextFeatures noRules = new TextFeatures(1024, 2, 5, 2, false);
    TextFeatures.Vec v = noRules.vector("Russia and China signed a deal", "en", s);
    assertThat(java.util.Arrays.stream(v.indices()).allMatch(i -> i >= TextFeatures.RULE_SLOTS && i < 1024)).isTrue();
  }

  @Test
  void indicesAreSortedDistinctAndStable() {
    TextFeatures f = new TextFeatures(1 << 12, 2, 5, 2, true);
    TextFeatures.Vec a = f.vector("قال الوزير إن الحوار بين البلدين يسير في الاتجاه الصحيح", "ar", RuleSignals.NONE);
    TextFeatures.Vec b = f.vector("قال الوزير إن الحوار بين البلدين يسير في الاتجاه الصحيح", "ar", RuleSignals.NONE);
    assertThat(a.indices()).isSorted().doesNotHaveDuplicates().isEqualTo(b.indices());
    assertThat(a.values()).isEqualTo(b.values());
    assertThat(java.util.Arrays.stream(a.values()).allMatch(x -> x > 0)).isTrue();
  }

  /** The division-free reduction of a hash into the index space is Math.floorMod, for every sign and magnitude. */
  @Test
  void theDivisionFreeFloorModIsMathFloorMod() {
    java.util.Random r = new java.util.Random(9);
    for (int d : new int[] {2, 3, 7, 1008, 4080, 131056, 131072 - 16 + 1, 1 << 30, (1 << 30) - 16, Integer.MAX_VALUE}) {
      long m = TextFeatures.modMultiplier(d);
      int c = (int) ((1L << 31) % d);
      int[] edges = {0, 1, -1, d, -d, d - 1, -d + 1, 2 * d - 1, Integer.MAX_VALUE, Integer.MIN_VALUE,
          Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1};
      for (int h : edges) {
        assertThat(TextFeatures.floorMod(h, d, m, c)).as("floorMod(%d, %d)", h, d).isEqualTo(Math.floorMod(h, d));
      }
      for (int i = 0; i < 200_000; i++) {
        int h = r.nextInt();
        assertThat(TextFeatures.floorMod(h, d, m, c)).as("floorMod(%d, %d)", h, d).isEqualTo(Math.floorMod(h, d));
      }
    }
  }

  @Test
  void parametersAreChecked() {
    assertThatThrownBy(() -> new TextFeatures(3000, 2, 5, 2, true)).hasMessageContaining("numFeatures = 3000");
    assertThatThrownBy(() -> new TextFeatures(1024, 4, 2, 2, true)).hasMessageContaining("charNgramMin/Max = 4..2");
    assertThatThrownBy(() -> new TextFeatures(1024, 2, 5, 4, true)).hasMessageContaining("wordNgramMax = 4");
  }
}

package dev.mizan.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GazetteerInflectionTest {
  @Test
  void arabicAdjectiveBaseGivesAllForms() {
    assertThat(Gazetteer.inflectAdjective("روسي"))
        .containsExactly("روسي", "روسيه", "روسيين", "روسيون", "روسيان", "روسيات", "روسيتين", "روسيتان");
  }

  @Test
  void everyWordOfAMultiWordBaseIsInflected() {
    assertThat(Gazetteer.inflectAdjective("كوري شمالي")).contains("كوريه شماليه", "كوريين شماليين");
  }

  @Test
  void theIndefiniteAccusativeIsGeneratedForEveryWord() {
    assertThat(Gazetteer.accusative("ياباني")).isEqualTo("يابانيا");
    assertThat(Gazetteer.accusative("كوري شمالي")).isEqualTo("كوريا شماليا");
  }

  @Test
  void userActorFileErrorsNameTheFileAndLine() {
    String bad = "slug\tkind\tcountry\trole\tfrom\tto\ten\tar\nBad Slug\tperson\tRUS\t\t\t\tX\t\n";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Gazetteer.load(java.util.List.of(bad), java.util.List.of("my-actors.tsv")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("my-actors.tsv:2: actor slug 'Bad Slug' must be lowercase ASCII words joined by '-' (e.g. kirill-dmitriev)");
  }
}

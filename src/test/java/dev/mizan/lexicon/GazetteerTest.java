package dev.mizan.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The bundled gazetteer data, loaded as the analyzer loads it. */
class GazetteerTest {
  private static Gazetteer g;

  @BeforeAll
  static void load() {
    g = Gazetteer.load(List.of(), null);
  }

  private static List<String> places(String text) {
    Sentence s = new Sentence(text);
    return g.dictionary().findAll(s).stream()
        .map(m -> s.text.substring(m.start(), m.end()) + "=" + m.values().stream()
            .map(p -> p.type() == Place.Type.ACTOR ? p.actor() : p.iso3() + (p.ambiguous() ? "?" : "")).distinct().toList())
        .toList();
  }

  @Test
  void everyUnMemberPlusFourAreThere() {
    assertThat(g.countries()).hasSize(197).containsKeys("PSE", "XKX", "TWN", "VAT", "SSD", "RUS", "USA");
  }

  @Test
  void namesWithCliticsAndSpellingVariants() {
    assertThat(places("بين روسيا وأمريكا")).containsExactly("روسيا=[RUS]", "وأمريكا=[USA]");
    assertThat(places("مع أميركا والولايات المتحدة")).containsExactly("أميركا=[USA]", "والولايات المتحدة=[USA]");
  }

  @Test
  void adjectivesInAllForms() {
    for (String f : List.of("روسي", "روسية", "الروسي", "الروسية", "الروسيين", "الروسيتين")) {
      assertThat(places(f)).as(f).containsExactly(f + "=[RUS]");
    }
  }

  @Test
  void capitalsAndSeatsOfPower() {
    assertThat(places("موسكو الكرملين واشنطن البيت الأبيض البنتاغون بكين طهران أنقرة الإليزيه"))
        .containsExactly("موسكو=[RUS]", "الكرملين=[RUS]", "واشنطن=[USA]", "البيت الأبيض=[USA]", "البنتاغون=[USA]",
            "بكين=[CHN]", "طهران=[IRN]", "أنقرة=[TUR]", "الإليزيه=[FRA]");
    assertThat(places("Downing Street and the Kremlin")).containsExactly("Downing Street=[GBR]", "Kremlin=[RUS]");
  }

  @Test
  void substringsAndLongerNames() {
    assertThat(places("لقي مصرعه")).isEmpty();
    assertThat(places("جنوب السودان")).containsExactly("جنوب السودان=[SSD]");
  }

  @Test
  void englishAbbreviationsAreCaseSensitive() {
    assertThat(places("the U.S. and the US")).containsExactly("U.S.=[USA]", "US=[USA]");
    assertThat(places("let us talk")).isEmpty();
  }

  @Test
  void foundingArticleActorsAndOrganisation() {
    assertThat(places("كيريل دميترييف ستيف ويتكوف فلاديمير بوتين"))
        .containsExactly("كيريل دميترييف=[kirill-dmitriev]", "ستيف ويتكوف=[steve-witkoff]", "فلاديمير بوتين=[vladimir-putin]");
    assertThat(places("صندوق الاستثمارات المباشرة الروسي")).containsExactly(
        "صندوق الاستثمارات المباشرة الروسي=[russian-direct-investment-fund]");
    assertThat(g.actor("russian-direct-investment-fund").country()).isEqualTo("RUS");
  }

  @Test
  void roleHoldersByDate() {
    LocalDate d = LocalDate.of(2025, 8, 7);
    assertThat(g.holder("RUS", "president", d)).isEqualTo("vladimir-putin");
    assertThat(g.holder("USA", "president", d)).isEqualTo("donald-trump");
    assertThat(g.holder("USA", "president", LocalDate.of(2023, 1, 1))).isEqualTo("joe-biden");
    assertThat(g.holder("RUS", "foreign_minister", d)).isEqualTo("sergey-lavrov");
  }
}

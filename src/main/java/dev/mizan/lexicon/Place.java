package dev.mizan.lexicon;

import java.io.Serializable;

/**
 * What a gazetteer form stands for: a country through its name, adjective, capital, seat of power or one of its
 * cities/regions/sites, or an actor (person or organisation) by slug.
 */
public record Place(Type type, String iso3, String actor, boolean ambiguous, boolean definite, boolean slot)
    implements Serializable {
  /** CITY: a city, region or site (Kharkiv, Jenin, Fordow): usually a venue, weak evidence like an adjective. */
  public enum Type { NAME, ADJECTIVE, CAPITAL, SEAT, CITY, ACTOR }

  public static Place country(Type type, String iso3, boolean ambiguous) {
    return new Place(type, iso3, null, ambiguous, false, false);
  }

  /** {@code definite}: an Arabic form that names the country only when the text writes it with the article
   *  («الرياض», «للرياض»), never bare («رياض», a first name and "gardens"); flag {@code def} in country-forms.tsv. */
  public static Place country(Type type, String iso3, boolean ambiguous, boolean definite) {
    return new Place(type, iso3, null, ambiguous, definite, false);
  }

  /** {@code slot}: an ambiguous form that still names its country in a party slot (flag {@code slot} in
   *  country-forms.tsv): «اتهمت مالي الجزائر», «مع مالي», «قالت جورجيا», «الأجواء الرومانية»; see {@code Mentions}. */
  public static Place country(Type type, String iso3, boolean ambiguous, boolean definite, boolean slot) {
    return new Place(type, iso3, null, ambiguous, definite, slot);
  }

  public static Place actor(String slug) {
    return new Place(Type.ACTOR, null, slug, false, false, false);
  }

  /** {@code definite}: a one-word Arabic alias written with the article («الشرع») names the actor only when the text
   *  has the article too; bare, it is a common word («شرع في», 'began to'). */
  public static Place actor(String slug, boolean definite) {
    return new Place(Type.ACTOR, null, slug, false, definite, false);
  }

  /** Names, capitals, seats and actors are strong evidence of a country; an adjective or a city alone is weak. */
  public boolean strong() {
    return type != Type.ADJECTIVE && type != Type.CITY;
  }
}

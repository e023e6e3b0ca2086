package dev.mizan.lexicon;

import java.io.Serializable;

/**
 * What a gazetteer form stands for: a country through its name, adjective, capital, seat of power or one of its
 * cities/regions/sites, or an actor (person or organisation) by slug.
 */
public record Place(Type type, String iso3, String actor, boolean ambiguous, boolean definite) implements Serializable {
  /** CITY: a city, region or site (Kharkiv, Jenin, Fordow): usually a venue, weak evidence like an adjective. */
  public enum Type { NAME, ADJECTIVE, CAPITAL, SEAT, CITY, ACTOR }

  public static Place country(Type type, String iso3, boolean ambiguous) {
    return new Place(type, iso3, null, ambiguous, false);
  }

  /** {@code definite}: an Arabic form that names the country only when the text writes it with the article
   *  («الرياض», «للرياض»), never bare («رياض», a first name and "gardens"); flag {@code def} in country-forms.tsv. */
  public static Place country(Type type, String iso3, boolean ambiguous, boolean definite) {
    return new Place(type, iso3, null, ambiguous, definite);
  }

  public static Place actor(String slug) {
    return new Place(Type.ACTOR, null, slug, false, false);
  }

  /** Names, capitals, seats and actors are strong evidence of a country; an adjective or a city alone is weak. */
  public boolean strong() {
    return type != Type.ADJECTIVE && type != Type.CITY;
  }
}

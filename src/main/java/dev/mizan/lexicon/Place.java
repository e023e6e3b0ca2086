package dev.mizan.lexicon;

import java.io.Serializable;

/**
 * What a gazetteer form stands for: a country through its name, adjective, capital or seat of power, or an
 * actor (person or organisation) by slug.
 */
public record Place(Type type, String iso3, String actor, boolean ambiguous) implements Serializable {
  public enum Type { NAME, ADJECTIVE, CAPITAL, SEAT, ACTOR }

  public static Place country(Type type, String iso3, boolean ambiguous) {
    return new Place(type, iso3, null, ambiguous);
  }

  public static Place actor(String slug) {
    return new Place(Type.ACTOR, null, slug, false);
  }

  /** Names, capitals, seats and actors are strong evidence of a country; an adjective alone is weak. */
  public boolean strong() {
    return type != Type.ADJECTIVE;
  }
}

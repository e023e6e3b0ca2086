package dev.mizan.lexicon;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * A person or organisation: slug (lowercase ASCII of the usual English name), kind, the country it acts for
 * (ISO3, or null for international organisations), the roles it held with dates, and its display names.
 */
public record Actor(String slug, String kind, String country, List<Role> roles, String enName, String arName)
    implements Serializable {

  /** A role held from {@code from} to {@code to} (null = still held). */
  public record Role(String role, String country, LocalDate from, LocalDate to) implements Serializable {
    public boolean heldOn(LocalDate d) {
      return (from == null || !d.isBefore(from)) && (to == null || !d.isAfter(to));
    }
  }

  /** The country the actor acts for on a date: the country of a role held then, else its main country. */
  public String countryOn(LocalDate d) {
    if (d != null) {
      for (Role r : roles) {
        if (r.country() != null && r.heldOn(d)) {
          return r.country();
        }
      }
    }
    return country;
  }
}

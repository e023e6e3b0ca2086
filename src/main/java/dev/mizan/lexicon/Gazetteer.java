package dev.mizan.lexicon;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Countries, their names/adjectives/capitals/seats of power, and actors, loaded from the versioned files in
 * {@code src/main/resources/mizan/gazetteer/} (see the README there) plus user actor files.
 */
public final class Gazetteer implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String DIR = "/mizan/gazetteer/";
  private static final Pattern ISO3 = Pattern.compile("[A-Z]{3}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Set<String> ROLES = Set.of("president", "vice_president", "prime_minister", "monarch",
      "crown_prince", "supreme_leader", "foreign_minister", "defense_minister", "special_envoy", "spokesperson", "head",
      "official");
  /** Suffixes of the Arabic relational adjective (after normalisation ة → ه). */
  static final String[] ADJ_SUFFIXES = {"", "ه", "ين", "ون", "ان", "ات", "تين", "تان"};

  /** A country: ISO3 code and canonical names. */
  public record Country(String iso3, String en, String ar) implements Serializable {}

  private final Map<String, Country> countries = new LinkedHashMap<>();
  private final Map<String, Actor> actors = new LinkedHashMap<>();
  private final Dictionary<Place> dictionary = new Dictionary<>();
  /** (iso3 + "/" + role) → role holders. */
  private final Map<String, List<String>> holders = new HashMap<>();

  private Gazetteer() {}

  /** The bundled gazetteer plus user actor files (contents; {@code names} label them in errors). */
  public static Gazetteer load(List<String> extraActorContents, List<String> names) {
    Gazetteer g = new Gazetteer();
    g.loadCountries(Tsv.resource(DIR + "countries.tsv", 3));
    g.loadForms(Tsv.resource(DIR + "country-forms.tsv", 5));
    List<Tsv.Row> actorRows = new ArrayList<>(Tsv.resource(DIR + "actors.tsv", 8));
    for (int i = 0; i < extraActorContents.size(); i++) {
      String name = names != null && i < names.size() ? names.get(i) : "extra actor file " + (i + 1);
      actorRows.addAll(Tsv.parse(name, extraActorContents.get(i), 8));
    }
    g.loadActors(actorRows);
    return g;
  }

  private void loadCountries(List<Tsv.Row> rows) {
    for (Tsv.Row r : rows) {
      String iso = r.get(0);
      if (!ISO3.matcher(iso).matches()) {
        throw new IllegalArgumentException(r.where() + ": country code '" + iso + "' is not ISO 3166-1 alpha-3");
      }
      countries.put(iso, new Country(iso, r.get(1), r.get(2)));
    }
  }

  private void loadForms(List<Tsv.Row> rows) {
    for (Tsv.Row r : rows) {
      String iso = r.get(0);
      String kind = r.get(1);
      String form = r.get(3);
      if (kind.equals("stop")) {
        // a phrase that contains a country word but names no country (أمريكا اللاتينية, Indian Ocean): it consumes
        // its words so that no shorter country form matches inside it
        dictionary.add(form, Place.country(Place.Type.NAME, "-", true), false);
        continue;
      }
      if (!countries.containsKey(iso)) {
        throw new IllegalArgumentException(r.where() + ": unknown country code '" + iso + "' (not in countries.tsv)");
      }
      if (form.isEmpty()) {
        throw new IllegalArgumentException(r.where() + ": empty form");
      }
      Set<String> flags = flags(r.get(4));
      boolean amb = flags.contains("amb");
      boolean cs = flags.contains("cs");
      Place.Type type = switch (kind) {
        case "name" -> Place.Type.NAME;
        case "adj", "adjx" -> Place.Type.ADJECTIVE;
        case "capital" -> Place.Type.CAPITAL;
        case "seat" -> Place.Type.SEAT;
        case "city" -> Place.Type.CITY;
        default -> throw new IllegalArgumentException(r.where() + ": unknown kind '" + kind
            + "' (expected name, adj, adjx, capital, seat, city or stop)");
      };
      Place p = Place.country(type, iso, amb, flags.contains("def"), amb && flags.contains("slot"));
      if (kind.equals("adj") && "ar".equals(r.get(2))) {
        for (String f : inflectAdjective(form)) {
          dictionary.add(f, p, cs);
        }
        if (!amb) {
          // the indefinite accusative («مواطنا يابانيا», «قمرا صناعيا جزائريا»); often equals the country's name
          // (روسيا، تركيا), which is the same country. Not for `amb` bases: «رومانيا» must not inherit روماني's flag
          dictionary.add(accusative(form), p, cs);
        }
      } else {
        dictionary.add(form, p, cs);
      }
    }
  }

  /** The indefinite accusative of an Arabic adjective base: «ياباني» → «يابانيا» (every word ending in ي). */
  static String accusative(String base) {
    StringBuilder sb = new StringBuilder();
    for (String w : base.trim().split("\\s+")) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(w);
      if (w.endsWith("ي") || w.endsWith("ى")) {
        sb.append('ا');
      }
    }
    return sb.toString();
  }

  /** Arabic relational adjective base (روسي, كوري شمالي) → all its forms; each word ending in ي is inflected. */
  static List<String> inflectAdjective(String base) {
    String[] words = base.trim().split("\\s+");
    List<String> out = new ArrayList<>(ADJ_SUFFIXES.length);
    for (String suf : ADJ_SUFFIXES) {
      StringBuilder sb = new StringBuilder();
      for (String w : words) {
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(w);
        if (w.endsWith("ي") || w.endsWith("ى")) {
          sb.append(suf);
        }
      }
      out.add(sb.toString());
    }
    return out;
  }

  private void loadActors(List<Tsv.Row> rows) {
    Map<String, List<Actor.Role>> roles = new LinkedHashMap<>();
    Map<String, String[]> info = new LinkedHashMap<>();
    for (Tsv.Row r : rows) {
      String slug = r.get(0);
      String kind = r.get(1);
      String country = r.get(2);
      String role = r.get(3);
      if (!SLUG.matcher(slug).matches()) {
        throw new IllegalArgumentException(r.where() + ": actor slug '" + slug
            + "' must be lowercase ASCII words joined by '-' (e.g. kirill-dmitriev)");
      }
      if (!kind.equals("person") && !kind.equals("org")) {
        throw new IllegalArgumentException(r.where() + ": actor kind '" + kind + "' must be person or org");
      }
      if (!country.isEmpty() && !countries.containsKey(country)) {
        throw new IllegalArgumentException(r.where() + ": unknown country code '" + country + "' for actor " + slug);
      }
      if (!role.isEmpty() && !ROLES.contains(role)) {
        throw new IllegalArgumentException(r.where() + ": unknown role '" + role + "' for actor " + slug + " (expected one of "
            + String.join(", ", new java.util.TreeSet<>(ROLES)) + ")");
      }
      LocalDate from = date(r, 4);
      LocalDate to = date(r, 5);
      if (from != null && to != null && to.isBefore(from)) {
        throw new IllegalArgumentException(r.where() + ": role of " + slug + " ends (" + to + ") before it starts (" + from + ")");
      }
      String en = r.get(6);
      String ar = r.get(7);
      if (en.isEmpty() && ar.isEmpty()) {
        throw new IllegalArgumentException(r.where() + ": actor " + slug + " has no English or Arabic name");
      }
      String[] prev = info.get(slug);
      String mainCountry = prev != null && prev[1] != null && !prev[1].isEmpty() ? prev[1] : country;
      String enFirst = prev != null && !prev[2].isEmpty() ? prev[2] : first(en);
      String arFirst = prev != null && !prev[3].isEmpty() ? prev[3] : first(ar);
      info.put(slug, new String[] {kind, mainCountry, enFirst, arFirst});
      List<Actor.Role> list = roles.computeIfAbsent(slug, k -> new ArrayList<>());
      if (!role.isEmpty()) {
        list.add(new Actor.Role(role, country.isEmpty() ? null : country, from, to));
      }
      Place p = Place.actor(slug);
      Place definite = Place.actor(slug, true);
      for (String v : (en + "|" + ar).split("\\|")) {
        if (!v.isBlank()) {
          // a person's one-word Arabic alias written with the article («الشرع», «السيسي») needs the article in the
          // text (organisations are also written bare: «ناتو», «أونروا»)
          boolean def = kind.equals("person") && ONE_WORD_DEFINITE.matcher(v.trim()).matches();
          dictionary.add(v.trim(), def ? definite : p, false);
        }
      }
    }
    for (Map.Entry<String, String[]> e : info.entrySet()) {
      String[] v = e.getValue();
      Actor a = new Actor(e.getKey(), v[0], v[1] == null || v[1].isEmpty() ? null : v[1],
          List.copyOf(roles.get(e.getKey())), v[2], v[3]);
      actors.put(a.slug(), a);
      for (Actor.Role role : a.roles()) {
        if (role.country() != null) {
          holders.computeIfAbsent(role.country() + "/" + role.role(), k -> new ArrayList<>()).add(a.slug());
        }
      }
    }
  }

  private static String first(String variants) {
    int bar = variants.indexOf('|');
    return (bar < 0 ? variants : variants.substring(0, bar)).trim();
  }

  private static LocalDate date(Tsv.Row r, int col) {
    String v = r.get(col);
    if (v.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(r.where() + ": date '" + v + "' is not YYYY-MM-DD");
    }
  }

  /** One Arabic word beginning with the article «ال». */
  private static final java.util.regex.Pattern ONE_WORD_DEFINITE = java.util.regex.Pattern.compile("ال[\\u0600-\\u06FF]+");

  private static Set<String> flags(String s) {
    if (s.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new java.util.HashSet<>();
    for (String f : s.split(",")) {
      out.add(f.trim());
    }
    return out;
  }

  public Dictionary<Place> dictionary() {
    return dictionary;
  }

  public Map<String, Country> countries() {
    return Collections.unmodifiableMap(countries);
  }

  public Actor actor(String slug) {
    return actors.get(slug);
  }

  public Map<String, Actor> actors() {
    return Collections.unmodifiableMap(actors);
  }

  /** The single actor holding {@code role} for {@code iso3} on {@code date}, or null when none or several. */
  public String holder(String iso3, String role, LocalDate date) {
    List<String> cands = holders.get(iso3 + "/" + role);
    if (cands == null) {
      return null;
    }
    String found = null;
    for (String slug : cands) {
      for (Actor.Role r : actors.get(slug).roles()) {
        if (r.role().equals(role) && iso3.equals(r.country()) && r.heldOn(date)) {
          if (found != null && !found.equals(slug)) {
            return null;
          }
          found = slug;
        }
      }
    }
    return found;
  }
}

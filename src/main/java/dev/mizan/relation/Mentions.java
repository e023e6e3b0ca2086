package dev.mizan.relation;

import dev.mizan.lexicon.Actor;
import dev.mizan.lexicon.Dictionary;
import dev.mizan.lexicon.Gazetteer;
import dev.mizan.lexicon.Lexicon;
import dev.mizan.lexicon.Place;
import dev.mizan.lexicon.Sentence;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Who and what a sentence names: country mentions (by name, adjective, capital, seat of power or through an
 * actor), actors (named, or resolved from a description such as «الرئيس الروسي» on the article's date), and
 * the role descriptions themselves. Pure Java over a {@link Sentence}.
 */
public final class Mentions {
  /** A country named in words [first, last]; {@code strong} unless only a nationality adjective or a city names it. */
  public record CountryMention(String iso3, int first, int last, Place.Type type, boolean strong) {}

  /** An actor named in words [first, last]; {@code resolved} when it came from a description; {@code person} unless
   *  an organisation (kind {@code org} in actors.tsv). */
  public record ActorMention(String slug, int first, int last, boolean resolved, boolean person) {}

  /** A role description: title words [first, last] (chained titles and the country word included). */
  public record Description(String role, String iso3, int first, int last, String attachedTo) {}

  /** Roles with one holder per country at a time; «مسؤول تركي» (an official) is never resolved to a person. */
  static final java.util.Set<String> RESOLVABLE = java.util.Set.of("president", "vice_president", "prime_minister",
      "monarch", "crown_prince", "supreme_leader", "foreign_minister", "defense_minister", "spokesperson");

  public final List<CountryMention> countries = new ArrayList<>();
  public final List<ActorMention> actors = new ArrayList<>();
  public final List<Description> descriptions = new ArrayList<>();
  /** Gazetteer and title matches: words covered by names, so cues inside names are ignored. */
  public final boolean[] covered;

  private Mentions(int words) {
    covered = new boolean[words];
  }

  public static Mentions find(Sentence s, Gazetteer g, Lexicon lex, LocalDate date) {
    Mentions m = new Mentions(s.words.size());
    for (Dictionary.Match<Place> match : g.dictionary().findAll(s)) {
      mark(m.covered, match.first(), match.last());
      String actor = null;
      boolean actorAmbiguous = false;
      String iso = null;
      Place.Type type = null;
      boolean countryAmbiguous = false;
      for (Place p : match.values()) {
        if (p.definite() && !definite(s, match.first())) {
          continue; // «رياض المالكي»: the bare form is a first name, only «الرياض» is the capital
        }
        if (p.type() == Place.Type.ACTOR) {
          if (actor != null && !actor.equals(p.actor())) {
            actorAmbiguous = true;
          }
          actor = p.actor();
        } else {
          if (p.ambiguous() || (iso != null && !iso.equals(p.iso3()))) {
            countryAmbiguous = true;
          }
          if (type == null || p.type().ordinal() < type.ordinal()) {
            type = p.type();
          }
          iso = p.iso3();
        }
      }
      if (actor != null && !actorAmbiguous) {
        Actor a = g.actor(actor);
        m.actors.add(new ActorMention(actor, match.first(), match.last(), false, person(a)));
        String c = a == null ? null : a.countryOn(date);
        if (c != null) {
          m.countries.add(new CountryMention(c, match.first(), match.last(), Place.Type.ACTOR, true));
        }
      } else if (actor == null && iso != null
          && (!countryAmbiguous || (slotReadings(s, match, iso, type) && partySlot(s, lex, match, type)))) {
        m.countries.add(new CountryMention(iso, match.first(), match.last(), type,
            type != Place.Type.ADJECTIVE && type != Place.Type.CITY));
      }
    }
    m.findDescriptions(s, g, lex, date);
    m.strengthenStateBodies(s);
    return m;
  }

  /**
   * Institutions that act for their state: a nationality adjective that qualifies one of them («السلطات المصرية»,
   * «الجانب الأمريكي», "Egyptian authorities", "the U.S. side") names the state acting, as strongly as its name does;
 * so does its airspace («الأجواء الرومانية», "Polish airspace"), the state a violation is against.
   * Arabic keys are article-stripped and normalised (ة → ه); the adjective follows the noun in Arabic and precedes it
   * in English.
   */
  static final java.util.Set<String> STATE_BODIES = java.util.Set.of(
      "حكومه", "سلطات", "قوات", "جيش", "جانب", "طرف", "وفد", "دفاعات", "رئاسه", "بحريه", "سفاره", "وزاره", "خارجيه",
      "دبلوماسيه", "اداره", "سلاح", "اجواء",
      "government", "authorities", "forces", "army", "military", "side", "delegation", "navy", "embassy", "ministry",
      "administration", "troops", "air", "airspace");

  /** A person unless the gazetteer lists the actor as an organisation. */
  private static boolean person(Actor a) {
    return a == null || !"org".equals(a.kind());
  }

  /** Every reading names {@code iso}, and those of the kind the match is read as (a name before an adjective: bare
   *  «مالي» is both) are flagged {@code slot} where ambiguous. */
  private static boolean slotReadings(Sentence s, Dictionary.Match<Place> match, String iso, Place.Type type) {
    for (Place p : match.values()) {
      if (p.type() == Place.Type.ACTOR || (p.definite() && !definite(s, match.first()))) {
        continue;
      }
      if (!iso.equals(p.iso3()) || (p.type() == type && p.ambiguous() && !p.slot())) {
        return false;
      }
    }
    return true;
  }

  /** Words before which a form flagged {@code slot} names its country: «مع مالي», "against Georgia". */
  private static final java.util.Set<String> PARTY_PREPOSITIONS = java.util.Set.of("مع", "ضد", "with", "against");

  /**
   * Whether an ambiguous form flagged {@code slot} («مالي» 'financial', «جورجيا»/"Georgia" the US state, «روماني»
   * 'Roman') stands where a state does, and so names its country: a name right after an interaction or reporting
   * verb («اتهمت مالي الجزائر», «قالت جورجيا إن …», "Russia accused Georgia") or after «مع»/«ضد»/"with"/"against",
   * never with the Arabic article («المالي» is 'the financial'); an adjective right after a state body («الأجواء
   * الرومانية», the state a violation is against). Elsewhere it names nothing («دعم مالي», «طائرة مسيرة مالية», "the
   * governor of Georgia said": a subject before its verb is not trusted).
   */
  private static boolean partySlot(Sentence s, Lexicon lex, Dictionary.Match<Place> match, Place.Type type) {
    int first = match.first();
    if (type == Place.Type.ADJECTIVE) {
      return first > 0 && !s.barrierAfter(first - 1) && isBody(s, first - 1);
    }
    if (s.form(first).kind == dev.mizan.text.Token.Kind.ARABIC && definite(s, first)) {
      return false;
    }
    if (first > 0 && !s.barrierAfter(first - 1)) {
      if (PARTY_PREPOSITIONS.contains(s.key(first - 1))) {
        return true;
      }
      // after the analyser's matchAll these are the memoised matches of the sentence, not a new search
      for (Dictionary.Match<Lexicon.Rel> r : lex.relations().findAll(s)) {
        if (r.last() == first - 1 && r.values().stream().anyMatch(v -> v.kind() == Lexicon.RelKind.INTERACTION)) {
          return true;
        }
      }
      for (Dictionary.Match<Lexicon.Speech> v : lex.speech().findAll(s)) {
        if (v.last() == first - 1) {
          return true;
        }
      }
    }
    return false;
  }

  private void strengthenStateBodies(Sentence s) {
    for (int i = 0; i < countries.size(); i++) {
      CountryMention c = countries.get(i);
      if (c.strong() || c.type() != Place.Type.ADJECTIVE) {
        continue;
      }
      boolean body = false;
      // Arabic: «السلطات المصرية», or one word between («الدفاعات الجوية الجزائرية»)
      for (int k = c.first() - 1; k >= Math.max(0, c.first() - 2) && !s.barrierAfter(k); k--) {
        body |= isBody(s, k) && s.form(k).kind == dev.mizan.text.Token.Kind.ARABIC;
      }
      if (c.last() + 1 < s.words.size() && !s.barrierAfter(c.last())) {
        body |= isBody(s, c.last() + 1) && s.form(c.last() + 1).kind != dev.mizan.text.Token.Kind.ARABIC; // "Egyptian authorities"
      }
      if (body) {
        countries.set(i, new CountryMention(c.iso3(), c.first(), c.last(), c.type(), true));
      }
    }
  }

  private static boolean isBody(Sentence s, int k) {
    return s.readsAs(k, STATE_BODIES);
  }

  /** The article, after any proclitics: «الرياض», «بالرياض», «والرياض», «للرياض» (ل + ال). */
  private static final java.util.regex.Pattern ARTICLE = java.util.regex.Pattern.compile("^[وف]?(?:[بكل]?ال|لل)");

  static boolean definite(Sentence s, int word) {
    return ARTICLE.matcher(s.words.get(word).norm()).find();
  }

  private static void mark(boolean[] covered, int a, int b) {
    for (int i = a; i <= b; i++) {
      covered[i] = true;
    }
  }

  private void findDescriptions(Sentence s, Gazetteer g, Lexicon lex, LocalDate date) {
    List<Dictionary.Match<Lexicon.Title>> titles = lex.titles().findAll(s);
    int i = 0;
    while (i < titles.size()) {
      Dictionary.Match<Lexicon.Title> head = titles.get(i);
      if (overlapsActor(head.first(), head.last())) {
        i++;
        continue;
      }
      int first = head.first();
      int last = head.last();
      int j = i + 1;
      // chained titles: «الممثل الخاص للرئيس الروسي», «المتحدث باسم الرئيس»
      while (j < titles.size() && titles.get(j).first() <= last + 2 && !s.barrierAfter(last)) {
        last = titles.get(j).last();
        j++;
      }
      // the country of the description: an adjacent country word (after it in Arabic, before it in English)
      CountryMention country = null;
      for (CountryMention c : countries) {
        if (c.type() == Place.Type.ACTOR || c.type() == Place.Type.CITY) {
          continue; // «محافظ خاركيف» describes a local official, not a representative of the state
        }
        boolean after = c.first() > last && c.first() <= last + 2 && noBarrier(s, last, c.first());
        boolean before = c.last() < first && c.last() >= first - 2 && noBarrier(s, c.last(), first);
        if (after || before) {
          country = c;
          if (after) {
            break;
          }
        }
      }
      int dFirst = first;
      int dLast = last;
      if (country != null) {
        dFirst = Math.min(first, country.first());
        dLast = Math.max(last, country.last());
        // «المبعوث الأمريكي الخاص»: a trailing «الخاص» belongs to the title, nothing to do: it is not a name
      }
      String attached = attachedActor(s, dFirst, dLast);
      String role = head.values().get(0).role();
      String iso = country == null ? null : country.iso3();
      descriptions.add(new Description(role, iso, dFirst, dLast, attached));
      mark(covered, first, last);
      if (country != null) {
        // a nationality word that describes a person stands for the country as strongly as a name
        int idx = countries.indexOf(country);
        if (!country.strong()) {
          countries.set(idx, new CountryMention(country.iso3(), country.first(), country.last(), country.type(), true));
        }
        if (attached == null && RESOLVABLE.contains(role)) {
          String slug = g.holder(iso, role, date);
          if (slug != null) {
            actors.add(new ActorMention(slug, dFirst, dLast, true, person(g.actor(slug))));
          }
        }
      }
      i = j;
    }
    actors.sort((a, b) -> Integer.compare(a.first(), b.first()));
  }

  private boolean overlapsActor(int a, int b) {
    for (ActorMention m : actors) {
      if (m.first() <= b && a <= m.last()) {
        return true;
      }
    }
    return false;
  }

  private static boolean noBarrier(Sentence s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (s.barrierAfter(k)) {
        return false;
      }
    }
    return true;
  }

  /** A named actor right after the description (up to 3 words) or right before it (apposition, comma allowed). */
  private String attachedActor(Sentence s, int first, int last) {
    for (ActorMention a : actors) {
      if (a.resolved()) {
        continue;
      }
      if (a.first() > last && a.first() <= last + 3 && noBarrier(s, last, a.first())) {
        return a.slug();
      }
    }
    for (ActorMention a : actors) {
      if (a.resolved()) {
        continue;
      }
      if (a.last() < first && a.last() >= first - 2) {
        String gap = s.gapAfter(a.last());
        if (gap.isEmpty() || gap.equals(",") || gap.equals("،")) {
          return a.slug();
        }
      }
    }
    return null;
  }
}

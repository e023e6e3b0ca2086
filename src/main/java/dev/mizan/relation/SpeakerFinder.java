package dev.mizan.relation;

import dev.mizan.lexicon.Dictionary;
import dev.mizan.lexicon.Lexicon;
import dev.mizan.lexicon.Sentence;
import java.util.List;
import java.util.Set;

/**
 * Who a sentence reports as speaking. Rules (one test each in {@code SpeakerFinderTest}):
 * <ol>
 *   <li>a reporting verb (قال، أكد، أوضح … said, stated …) outside quotes, then the first actor within seven words
 *       after it, before any «أن/إن/that» clause or opening quote (Arabic verb–subject order; "said Rubio");</li>
 *   <li>else the first actor of the clause in the eight words before an Arabic verb («لافروف قال»,
 *       «التقى مودي وانغ يي وأكد» → Modi); for English verbs the closest actor in the four words before comes
 *       first ("Lavrov said", "…," Rubio said), then an actor right after ("said Rubio");</li>
 *   <li>«بحسب/وفقا ل/according to» then an actor;</li>
 *   <li>an English verb of calling ("called", "branded", "termed", "dubbed") with a quotation beginning within ten words
 *       after it, in its clause, reports the closest person in the four words before it ("Lammy called the Israeli
 *       government's language on Gaza \"monstrous\""); without a quotation it is a call, not a statement;</li>
 *   <li>an actor followed by a colon and a quote («لافروف: "…"»);</li>
 *   <li>an actor may be a description resolved on the article date («صرّح الرئيس الروسي» → the president then); an
 *       institution inside a description is part of the title, not the subject («قالت المتحدثة باسم البيت الأبيض
 *       كارولين ليفيت», "according to Kremlin spokesman Dmitry Peskov");</li>
 *   <li>actors inside the quote are never the speaker;</li>
 *   <li>the speaker is a person: where the rules above find an organisation («قالت منظمة الصحة العالمية», "according
 *       to the UN", "told the Security Council"), that reporting verb gives no speaker (the labelling rule: statements
 *       by institutions have none).</li>
 * </ol>
 */
public final class SpeakerFinder {
  private static final Set<String> COMPLEMENTIZERS = Set.of("ان", "بان", "لان", "that", "انه", "انها");

  private SpeakerFinder() {}

  public static String find(Sentence s, Mentions m, List<Dictionary.Match<Lexicon.Speech>> speech, boolean[] inQuote) {
    if (m.actors.isEmpty()) {
      return null;
    }
    for (Dictionary.Match<Lexicon.Speech> v : speech) {
      if (inQuote[v.first()]) {
        continue;
      }
      Lexicon.SpeechKind kind = v.values().get(0).kind();
      if (kind == Lexicon.SpeechKind.QUOTE_NOUN) {
        continue; // «تصريحات ترامب» names whose statements are discussed, not who speaks
      }
      boolean english = s.words.get(v.first()).kind() == dev.mizan.text.Token.Kind.LATIN;
      if (kind == Lexicon.SpeechKind.ACCORDING) {
        String a = after(s, m, v.last(), 7, inQuote);
        if (a != null && person(m, a)) {
          return a;
        }
        continue;
      }
      // English is subject–verb ("Lavrov said"), "said Rubio" only right after the verb;
      // Arabic is verb–subject («قال لافروف»), else the subject of the clause before («لافروف قال», «… وأكد»)
      String found = english
          ? firstNonNull(before(s, m, v.first(), 4, true, inQuote), after(s, m, v.last(), 2, inQuote))
          : firstNonNull(after(s, m, v.last(), 7, inQuote), before(s, m, v.first(), 8, false, inQuote));
      if (found != null && person(m, found)) {
        return found;
      }
    }
    // "Fidan called his talks with Araghchi \"constructive and frank\"": calling something by a quoted name reports it
    for (int v = 0; v < s.words.size(); v++) {
      if (!inQuote[v] && s.words.get(v).kind() == dev.mizan.text.Token.Kind.LATIN && CALLING.contains(s.key(v))
          && quoteFollows(s, v, inQuote)) {
        String found = before(s, m, v, 4, true, inQuote);
        if (found != null && person(m, found)) {
          return found;
        }
      }
    }
    // «لافروف: "…"»
    for (Mentions.ActorMention a : m.actors) {
      if (!inQuote[a.first()] && s.gapAfter(a.last()).startsWith(":") && a.person()) {
        return a.slug();
      }
    }
    return null;
  }

  /** English verbs of calling something by a name; a reporting verb only when a quotation follows them. */
  private static final Set<String> CALLING = Set.of("called", "calls", "branded", "brands", "termed", "dubbed");
  /** Words after a calling verb within which the quoted name must begin ("called the Israeli government's language on
   *  Gaza \"monstrous\"" needs 8). */
  static final int CALLED_QUOTE_WINDOW = 10;

  /** A quotation begins within {@value #CALLED_QUOTE_WINDOW} words after word {@code v}, with no sentence or clause
   *  break before it. */
  private static boolean quoteFollows(Sentence s, int v, boolean[] inQuote) {
    int limit = Math.min(s.words.size() - 1, v + CALLED_QUOTE_WINDOW);
    for (int w = v + 1; w <= limit; w++) {
      String gap = s.gapAfter(w - 1);
      if (gap.indexOf('.') >= 0 || gap.indexOf(';') >= 0 || gap.indexOf(',') >= 0) {
        return false;
      }
      if (inQuote[w]) {
        return true;
      }
    }
    return false;
  }

  /** Whether the actor found is a person (an organisation is never the speaker). */
  private static boolean person(Mentions m, String slug) {
    for (Mentions.ActorMention a : m.actors) {
      if (a.slug().equals(slug)) {
        return a.person();
      }
    }
    return true;
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  /** The actor ending within {@code window} words before the verb: the closest one, or the first one of the clause. */
  private static String before(Sentence s, Mentions m, int verbFirst, int window, boolean closest, boolean[] inQuote) {
    Mentions.ActorMention best = null;
    for (Mentions.ActorMention a : m.actors) {
      if (a.last() < verbFirst && a.last() >= verbFirst - window && !inQuote[a.first()] && sameClause(s, a.last(), verbFirst)) {
        if (closest || best == null) {
          best = a;
        }
      }
    }
    return best == null ? null : best.slug();
  }

  private static boolean sameClause(Sentence s, int from, int to) {
    for (int k = from; k < to; k++) {
      String g = s.gapAfter(k);
      if (g.indexOf('.') >= 0 || g.indexOf(';') >= 0 || g.indexOf('؛') >= 0 || g.indexOf('«') >= 0 || g.indexOf('“') >= 0) {
        return false;
      }
    }
    return true;
  }

  private static String after(Sentence s, Mentions m, int verbLast, int window, boolean[] inQuote) {
    int limit = Math.min(s.words.size() - 1, verbLast + window);
    for (int w = verbLast + 1; w <= limit; w++) {
      if (inQuote[w]) {
        return null;
      }
      String gap = s.gapAfter(w - 1);
      if (gap.contains("«") || gap.contains("“") || gap.contains("\"") || gap.contains(".")) {
        return null;
      }
      if (COMPLEMENTIZERS.contains(s.key(w)) || COMPLEMENTIZERS.contains(s.words.get(w).norm())) {
        return null;
      }
      for (Mentions.ActorMention a : m.actors) {
        if (a.first() == w) {
          String surface = s.text.substring(s.words.get(a.last()).start(), s.words.get(a.last()).end());
          if (surface.endsWith("'s") || surface.endsWith("’s")) {
            return null; // "welcomed Trump's remarks": Trump is not the one speaking
          }
          return a.slug();
        }
      }
      for (Mentions.CountryMention c : m.countries) {
        if (c.first() == w && c.type() != dev.mizan.lexicon.Place.Type.ADJECTIVE
            && c.type() != dev.mizan.lexicon.Place.Type.CITY && c.type() != dev.mizan.lexicon.Place.Type.ACTOR
            && !inDescription(m, w)) {
          return null; // «رحب الكرملين …»: the subject is an institution, not a person
        }
      }
    }
    return null;
  }

  /** Word {@code w} is part of a role description («المتحدثة باسم البيت الأبيض», "Kremlin spokesman"): an institution
   *  named there is the speaker's title, not the subject. */
  private static boolean inDescription(Mentions m, int w) {
    for (Mentions.Description d : m.descriptions) {
      if (d.first() <= w && w <= d.last()) {
        return true;
      }
    }
    return false;
  }
}

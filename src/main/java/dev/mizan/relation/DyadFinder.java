package dev.mizan.relation;

import dev.mizan.lexicon.Dictionary;
import dev.mizan.lexicon.Lexicon;
import dev.mizan.lexicon.Place;
import dev.mizan.lexicon.Sentence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The country pairs a sentence relates. Rules (one test each in {@code DyadFinderTest}):
 * <ol>
 *   <li>explicit: «بين X و Y» / "between X and Y"; a relation noun followed by two nationality adjectives
 *       («المحادثات التركية الروسية»); two countries joined by a hyphen ("U.S.-China", "Russian-Ukrainian");</li>
 *   <li>otherwise two countries named strongly (name, capital, seat, actor, described official) relate when the
 *       sentence has any relation signal: a relation noun, an interaction verb, a stance cue or a reporting verb;</li>
 *   <li>a country named only by a nationality adjective relates with a relation noun or interaction verb, or with
 *       a stance cue when the other country is named strongly;</li>
 *   <li>no dyads inside a list of three or more countries (a country outside the list may still relate to each
 *       member: «حذرت إيران فرنسا وبريطانيا وألمانيا»), none from a comparison without a relation noun or
 *       interaction verb;</li>
 *   <li>a country named only as a topic, venue, mediator or transit route («بشأن سوريا», «في ستوكهولم», "over
 *       Ukraine", «بوساطة إماراتية», "brokered by Qatar", «عبر الأردن») or only inside a quotation joins a dyad
 *       only when the sentence relates no other pair; a country named only inside the quotation comes back before a
 *       topic does («"الدوحة شريك … في ملف غزة"، قال ويتكوف»: QAT-USA, not PSE);</li>
 *   <li>a city, region or site (gazetteer kind {@code city}) is weak like a nationality adjective: it stands for
 *       its country only with a relation noun or interaction verb, typically as the target of a material act
 *       («قصفت روسيا خاركيف»); after «في»/"in" it is a venue and pairs only when nothing else relates;</li>
 *   <li>a sentence about sport, weather or a natural disaster (relation list kind {@code offtopic}: «المنتخب»,
 *       "tournament", «زلزال», "earthquake") relates no pair unless it names a relation («العلاقات») or has a stance
 *       cue (condolences after a quake): its countries are teams, venues or places hit;</li>
 *   <li>three countries all paired by rules 2–3 relate the first-named one (the actor) to the two others, not the two
 *       others to each other («اتصل بوتين بشي … القمة مع ترامب»: CHN-RUS and RUS-USA), unless the first two are
 *       co-actors joined by «و»/"and"/a comma;</li>
 *   <li>words inside other words never count (whole-token matching: مصرع is not مصر; longest match: جنوب السودان
 *       is South Sudan, not Sudan).</li>
 * </ol>
 */
public final class DyadFinder {
  /** The dyads plus the signals that paragraph context needs. */
  public record Result(List<String> dyads, Set<String> countries, boolean bothSides, boolean relationSignal) {}

  private DyadFinder() {}

  public static String dyad(String a, String b) {
    return a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a;
  }

  public static Result find(Sentence s, Mentions m, List<Dictionary.Match<Lexicon.Rel>> rels, int activeCues,
      boolean hasSpeech) {
    return find(s, m, rels, activeCues, hasSpeech, new boolean[s.words.size()]);
  }

  public static Result find(Sentence s, Mentions m, List<Dictionary.Match<Lexicon.Rel>> rels, int activeCues,
      boolean hasSpeech, boolean[] inQuote) {
    Set<String> countries = new TreeSet<>();
    for (Mentions.CountryMention c : m.countries) {
      countries.add(c.iso3());
    }
    boolean both = false;
    boolean relation = false;
    boolean interaction = false;
    boolean comparison = false;
    boolean offTopic = false;
    List<Integer> betweenAt = new ArrayList<>();
    List<Dictionary.Match<Lexicon.Rel>> relNouns = new ArrayList<>();
    for (Dictionary.Match<Lexicon.Rel> r : rels) {
      if (m.covered[r.first()]) {
        continue;
      }
      for (Lexicon.Rel v : r.values()) {
        switch (v.kind()) {
          case BOTH -> both = true;
          case RELATION -> {
            relation = true;
            relNouns.add(r);
          }
          case INTERACTION -> interaction = true;
          case COMPARISON -> comparison = true;
          case OFFTOPIC -> offTopic = true;
          case BETWEEN -> betweenAt.add(r.last());
          default -> { }
        }
      }
    }
    boolean relationSignal = relation || interaction || !betweenAt.isEmpty();
    if (countries.size() < 2 || (offTopic && !relation && activeCues == 0)) {
      // a match, a race or an earthquake: the countries are teams, venues or places hit, unless a relation is named
      // or a stance cue says one state acts toward another (condolences, aid after a quake)
      return new Result(List.of(), countries, both, relationSignal || activeCues > 0);
    }
    Set<String> dyads = new LinkedHashSet<>();
    List<Mentions.CountryMention> cm = m.countries;
    // 1. explicit constructions
    for (int at : betweenAt) {
      String a = null;
      for (Mentions.CountryMention c : cm) {
        if (c.first() > at && c.first() <= at + 8) {
          if (a == null) {
            a = c.iso3();
          } else if (!a.equals(c.iso3())) {
            dyads.add(dyad(a, c.iso3()));
            break;
          }
        }
      }
    }
    for (Dictionary.Match<Lexicon.Rel> r : relNouns) {
      if (MEDIATION.contains(s.key(r.last()))) {
        continue; // «بوساطة قطرية وتركية»: the two adjectives are the mediators, not the parties
      }
      List<Mentions.CountryMention> adjs = new ArrayList<>();
      int next = r.last() + 1;
      for (Mentions.CountryMention c : cm) {
        if (c.type() == Place.Type.ADJECTIVE && c.first() == next) {
          adjs.add(c);
          next = c.last() + 1;
        }
      }
      if (adjs.size() == 2 && !adjs.get(0).iso3().equals(adjs.get(1).iso3())) {
        dyads.add(dyad(adjs.get(0).iso3(), adjs.get(1).iso3()));
      }
    }
    for (int k = 0; k + 1 < cm.size(); k++) {
      Mentions.CountryMention a = cm.get(k);
      Mentions.CountryMention b = cm.get(k + 1);
      if (b.first() == a.last() + 1 && s.gapAfter(a.last()).equals("-") && !a.iso3().equals(b.iso3())) {
        dyads.add(dyad(a.iso3(), b.iso3()));
      }
    }
    if (!dyads.isEmpty()) {
      return new Result(sorted(dyads), countries, both, true);
    }
    // 2–4. implicit pairs
    boolean anySignal = relationSignal || activeCues > 0 || hasSpeech;
    if (!anySignal || (comparison && !relation && !interaction)) {
      return new Result(List.of(), countries, both, relationSignal || activeCues > 0);
    }
    Set<String> listed = listed(s, cm);
    Set<String> peripheral = peripheral(s, cm, inQuote);
    Set<String> core = countries;
    if (!peripheral.isEmpty()) {
      core = new TreeSet<>(countries);
      core.removeAll(peripheral);
    }
    // off-topic (sport, disaster): interaction verbs («فاز على», «ضربت») do not relate, and a stance cue relates only
    // two strongly named countries («أعربت مصر عن تعازيها للمغرب»)
    boolean relational = relation || (interaction && !offTopic);
    int minStrong = offTopic && !relation ? 2 : 1;
    pairs(cm, core, listed, relational, activeCues > 0, minStrong, dyads);
    if (dyads.isEmpty() && !peripheral.isEmpty()) {
      // first let the countries named only inside the quotation back in: «"الدوحة شريك … في ملف غزة"، قال ويتكوف»
      // relates the speaker's state and Doha, while Gaza stays the topic
      Set<String> topical = peripheral(s, cm, new boolean[s.words.size()]);
      if (topical.size() < peripheral.size()) {
        Set<String> unquoted = new TreeSet<>(countries);
        unquoted.removeAll(topical);
        pairs(cm, unquoted, listed, relational, activeCues > 0, minStrong, dyads);
      }
    }
    if (dyads.isEmpty() && !peripheral.isEmpty()) {
      pairs(cm, countries, listed, relational, activeCues > 0, minStrong, dyads);
    }
    if (countries.size() > 5 && dyads.size() > 6) {
      dyads.clear(); // a roll-call of countries, not a relation
    }
    firstNamedActs(s, cm, dyads);
    return new Result(sorted(dyads), countries, both, relationSignal || activeCues > 0);
  }

  /**
   * Three countries all paired by the implicit rule: the sentence reports what the first-named one (the actor: the
   * subject after an Arabic verb, before an English one, or the speaker's state) does toward the two others, and the
   * two others are its objects or the context, not a pair («اتصل بوتين بشي جين بينغ لإطلاعه على نتائج القمة مع
   * ترامب»: CHN-RUS and RUS-USA, not CHN-USA). Not when the first two are co-actors joined by «و»/"and"/a comma.
   */
  private static void firstNamedActs(Sentence s, List<Mentions.CountryMention> cm, Set<String> dyads) {
    if (dyads.size() != 3) {
      return;
    }
    Set<String> isos = new TreeSet<>();
    for (String d : dyads) {
      isos.add(d.substring(0, 3));
      isos.add(d.substring(4));
    }
    if (isos.size() != 3) {
      return;
    }
    Mentions.CountryMention first = null;
    for (Mentions.CountryMention c : cm) {
      if (!isos.contains(c.iso3())) {
        continue;
      }
      if (first == null) {
        first = c;
      } else if (!c.iso3().equals(first.iso3())) {
        if (joined(s, first, c) || (c.first() == first.last() + 1 && startsWithWaw(s, c.first()))) {
          return; // «سددت السعودية وقطر …», «اتفق ماكرون وميرتس وستارمر …»: co-actors, who may well form pairs
        }
        break;
      }
    }
    String actor = first.iso3();
    dyads.removeIf(d -> !d.startsWith(actor) && !d.endsWith(actor));
  }

  /** Pairs among {@code among}: none inside a list; a nationality adjective needs a relation word (or, facing a
   *  strongly named country, a stance cue); a country named only by a city needs a relation word. */
  private static void pairs(List<Mentions.CountryMention> cm, Set<String> among, Set<String> listed, boolean relational,
      boolean cues, int minStrong, Set<String> out) {
    List<String> list = new ArrayList<>(among);
    for (int x = 0; x < list.size(); x++) {
      for (int y = x + 1; y < list.size(); y++) {
        String a = list.get(x);
        String b = list.get(y);
        if (listed.contains(a) && listed.contains(b)) {
          continue;
        }
        int strong = (strong(cm, a) ? 1 : 0) + (strong(cm, b) ? 1 : 0);
        boolean city = cityOnly(cm, a) || cityOnly(cm, b); // a city stands for its state only as a target
        if (relational || (!city && (strong == 2 || (strong == 1 && cues)) && strong >= minStrong)) {
          out.add(dyad(a, b));
        }
      }
    }
  }

  /** Mediation nouns: nationality adjectives after them name the mediators («بوساطة قطرية وتركية»). */
  private static final Set<String> MEDIATION = Set.of("بوساطه", "وساطه", "mediation");

  /** Words after which a country is a topic, a venue, a mediator or a transit route, not a party («بشأن سوريا»,
   *  «في ستوكهولم», "over Ukraine", «بوساطة إماراتية», "brokered by Qatar", «عبر الأردن»). */
  private static final Set<String> TOPIC_MARKERS = Set.of("بشان", "حول", "ملف", "في", "وضع", "ازمه", "تجاه", "خصوص",
      "تطورات", "اوضاع", "مستقبل", "بوساطه", "وساطه", "وسيط", "in", "on", "about", "over", "regarding", "concerning",
      "toward", "towards", "at", "across", "for", "amid", "amidst", "mediation", "mediated", "brokered", "mediator",
      // transit: «تزويد سوريا بالغاز عبر الأردن», "through Rafah", "via Turkey"
      "عبر", "via", "through");

  /** Recognition of a state: the state recognised is the topic («انتقد ... خطته للاعتراف بدولة فلسطينية» relates the
   *  critic and the recogniser), matched on every clitic reading of the word («للاعتراف», «بالاعتراف»). */
  private static final Set<String> RECOGNITION = Set.of("اعتراف", "recognition", "recognise", "recognize",
      "recognising", "recognizing");

  private static boolean recognition(Sentence s, int k) {
    return s.readsAs(k, RECOGNITION);
  }

  /** Countries all of whose mentions follow a topic/venue marker (within two words). */
  static Set<String> peripheral(Sentence s, List<Mentions.CountryMention> cm, boolean[] inQuote) {
    boolean[] topic = new boolean[cm.size()];
    boolean any = false;
    for (int i = 0; i < topic.length; i++) {
      Mentions.CountryMention c = cm.get(i);
      boolean t = inQuote[c.first()]; // named in the quoted words, not as a party of the reported act
      if (c.type() != Place.Type.ACTOR) {
        for (int k = Math.max(0, c.first() - 2); k < c.first(); k++) {
          String key = s.key(k);
          if ((TOPIC_MARKERS.contains(key) || recognition(s, k)) && !s.barrierAfter(k)) {
            t = true;
          }
        }
      }
      topic[i] = t;
      any |= t;
    }
    if (!any) {
      return Set.of(); // the usual case: every country is named centrally
    }
    Set<String> all = new TreeSet<>();
    Set<String> central = new TreeSet<>();
    for (int i = 0; i < topic.length; i++) {
      all.add(cm.get(i).iso3());
      if (!topic[i]) {
        central.add(cm.get(i).iso3());
      }
    }
    all.removeAll(central);
    return all;
  }

  /** True when {@code iso} is named only through its cities/regions/sites. */
  private static boolean cityOnly(List<Mentions.CountryMention> cm, String iso) {
    for (Mentions.CountryMention c : cm) {
      if (c.iso3().equals(iso) && c.type() != Place.Type.CITY) {
        return false;
      }
    }
    return true;
  }

  private static boolean strong(List<Mentions.CountryMention> cm, String iso) {
    for (Mentions.CountryMention c : cm) {
      if (c.iso3().equals(iso) && c.strong()) {
        return true;
      }
    }
    return false;
  }

  /** Countries that stand in a list of three or more, separated only by commas, «و» or "and"/"or". */
  static Set<String> listed(Sentence s, List<Mentions.CountryMention> cm) {
    Set<String> out = new TreeSet<>();
    List<Mentions.CountryMention> run = new ArrayList<>();
    for (int k = 0; k <= cm.size(); k++) {
      Mentions.CountryMention c = k < cm.size() ? cm.get(k) : null;
      boolean extends_ = c != null && c.type() != Place.Type.ACTOR && !run.isEmpty() && joined(s, run.get(run.size() - 1), c);
      if (!extends_) {
        Set<String> isos = new TreeSet<>();
        run.forEach(x -> isos.add(x.iso3()));
        if (isos.size() >= 3) {
          out.addAll(isos);
        }
        run.clear();
      }
      if (c != null && c.type() != Place.Type.ACTOR) {
        run.add(c);
      }
    }
    return out;
  }

  private static boolean joined(Sentence s, Mentions.CountryMention a, Mentions.CountryMention b) {
    if (b.first() == a.last() + 1) {
      String gap = s.gapAfter(a.last());
      return gap.equals(",") || gap.equals("،") || (gap.isEmpty() && startsWithWaw(s, b.first()));
    }
    if (b.first() == a.last() + 2) {
      String mid = s.key(a.last() + 1);
      return (mid.equals("and") || mid.equals("or") || mid.equals("او")) && !s.barrierAfter(a.last());
    }
    return false;
  }

  private static boolean startsWithWaw(Sentence s, int word) {
    String n = s.words.get(word).norm();
    return n.length() > 2 && n.charAt(0) == 'و';
  }

  private static List<String> sorted(Set<String> s) {
    return new ArrayList<>(new TreeSet<>(s));
  }
}

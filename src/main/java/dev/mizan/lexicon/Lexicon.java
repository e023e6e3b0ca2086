package dev.mizan.lexicon;

import dev.mizan.text.ArabicNormalizer;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stance cues, modifiers (negation, modality, contrast …), reporting verbs, titles and relation words, loaded
 * from {@code src/main/resources/mizan/lexicon/} (see the README there). Each list is one {@link Dictionary}.
 */
public final class Lexicon implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String DIR = "/mizan/lexicon/";

  /**
   * A stance cue: polarity +1 cooperative / -1 conflictual, weight in (0,1], material or verbal. {@code event}: a
   * hostile event or its condemnation (attack, strikes, war, crisis; «أدان»); {@code solidarity}: standing by a state
   * (solidarity, condolences, help, thanks, «تقف إلى جانب»). With an active solidarity cue, the event cues describe
   * what the supported state suffers, not the relation (see {@code RuleScorer}). {@code accusation}: a verb of
   * accusing («اتهم», "accused"); the cooperative words in the charge that follows it are what the accused is said to
   * violate or exploit, not the relation.
   */
  public record Cue(int polarity, double weight, boolean material, boolean intensifiesNext, boolean weak,
      boolean event, boolean solidarity, boolean accusation) implements Serializable {
    public Cue(int polarity, double weight, boolean material, boolean intensifiesNext, boolean weak) {
      this(polarity, weight, material, intensifiesNext, weak, false, false, false);
    }

    public Cue(int polarity, double weight, boolean material, boolean intensifiesNext, boolean weak, boolean event,
        boolean solidarity) {
      this(polarity, weight, material, intensifiesNext, weak, event, solidarity, false);
    }

    public double signed() {
      return polarity * weight;
    }
  }

  public enum ModType { NEGATOR, DENIAL, REDUCER, PAST, FUTURE, HOPE, CONDITION, CONTRAST, CONCESSIVE, INTENSIFIER, ATTENUATOR }

  /** A modifier: type, scope in words (negative = before the cue; -1 for clause-wide), factor. */
  public record Modifier(ModType type, int scope, double factor) implements Serializable {}

  public enum SpeechKind { SAY, WARN, DENY, ACCORDING, QUOTE_NOUN }

  public record Speech(SpeechKind kind) implements Serializable {}

  public record Title(String role) implements Serializable {}

  /** {@code OFFTOPIC}: sport, weather and natural-disaster words; the countries in such a sentence are teams, venues or
   *  places hit, not parties (see {@code DyadFinder}). */
  public enum RelKind { RELATION, BETWEEN, BOTH, COMPARISON, INTERACTION, OFFTOPIC }

  public record Rel(RelKind kind) implements Serializable {}

  private final Dictionary<Cue> cues = new Dictionary<>();
  private final Dictionary<Modifier> modifiers = new Dictionary<>();
  private final Dictionary<Speech> speech = new Dictionary<>();
  private final Dictionary<Title> titles = new Dictionary<>();
  private final Dictionary<Rel> relations = new Dictionary<>();
  /** Lucene light stems of one-word Arabic cues, for inflections the list does not spell out. */
  private final Map<String, Cue> cueStems = new HashMap<>();

  private Lexicon() {}

  public static Lexicon load() {
    Lexicon l = new Lexicon();
    for (Tsv.Row r : Tsv.resource(DIR + "cues.tsv", 6)) {
      String pol = r.get(1);
      int p = switch (pol) {
        case "coop" -> 1;
        case "conf" -> -1;
        default -> throw new IllegalArgumentException(r.where() + ": polarity '" + pol + "' must be coop or conf");
      };
      double w = number(r, 2);
      if (!(w > 0 && w <= 1)) {
        throw new IllegalArgumentException(r.where() + ": weight " + w + " must be in (0, 1]");
      }
      String kind = r.get(3);
      if (!kind.equals("verbal") && !kind.equals("material")) {
        throw new IllegalArgumentException(r.where() + ": kind '" + kind + "' must be verbal or material");
      }
      Set<String> flags = Set.of(r.get(5).replace(" ", "").split(","));
      Cue c = new Cue(p, w, kind.equals("material"), flags.contains("intens"), flags.contains("weak"),
          flags.contains("event"), flags.contains("solidarity"), flags.contains("accusation"));
      String form = r.get(4);
      l.cues.add(form, c, false);
      if ("ar".equals(r.get(0)) && form.indexOf(' ') < 0) {
        String stem = Stems.arabicStem(form);
        // a cue is listed in its base form, so a leading و is a root letter («وعيد», threat), never the
        // conjunction the stemmer strips: indexing «عيد» would make every «العيد» (the holiday) a threat
        boolean rootWaw = ArabicNormalizer.normalize(form).startsWith("و") && !stem.startsWith("و");
        if (stem.length() >= 3 && !rootWaw) {
          l.cueStems.putIfAbsent(stem, c);
        }
      }
    }
    for (Tsv.Row r : Tsv.resource(DIR + "modifiers.tsv", 5)) {
      ModType t;
      try {
        t = ModType.valueOf(r.get(1).toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(r.where() + ": unknown modifier type '" + r.get(1) + "'");
      }
      int scope = (int) number(r, 3);
      l.modifiers.add(r.get(2), new Modifier(t, scope, number(r, 4)), false);
    }
    for (Tsv.Row r : Tsv.resource(DIR + "speech.tsv", 3)) {
      SpeechKind k;
      try {
        k = SpeechKind.valueOf(r.get(1).toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(r.where() + ": unknown speech kind '" + r.get(1) + "'");
      }
      l.speech.add(r.get(2), new Speech(k), false);
    }
    for (Tsv.Row r : Tsv.resource(DIR + "titles.tsv", 3)) {
      l.titles.add(r.get(2), new Title(r.get(1)), false);
    }
    for (Tsv.Row r : Tsv.resource(DIR + "relation.tsv", 3)) {
      RelKind k;
      try {
        k = RelKind.valueOf(r.get(1).toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(r.where() + ": unknown relation kind '" + r.get(1) + "'");
      }
      l.relations.add(r.get(2), new Rel(k), false);
    }
    return l;
  }

  private static double number(Tsv.Row r, int col) {
    try {
      return Double.parseDouble(r.get(col));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(r.where() + ": column " + (col + 1) + " '" + r.get(col) + "' is not a number");
    }
  }

  public Dictionary<Cue> cues() {
    return cues;
  }

  public Dictionary<Modifier> modifiers() {
    return modifiers;
  }

  public Dictionary<Speech> speech() {
    return speech;
  }

  public Dictionary<Title> titles() {
    return titles;
  }

  public Dictionary<Rel> relations() {
    return relations;
  }

  /** cueByStem results by word (a pure function of the word), so each distinct word is stemmed once per JVM. */
  private transient volatile java.util.concurrent.ConcurrentHashMap<String, Object> stemMemo;
  private static final Object NO_CUE = new Object();
  private static final int STEM_MEMO_MAX = 500_000;

  /** {@link #cueByStem(String)} of the form's norm, memoised on the form (one lookup per word and thread). */
  public Cue cueByStem(dev.mizan.text.WordForm f) {
    Object hit = f.memo(this);
    if (hit == null) {
      Cue c = cueByStem(f.norm);
      f.memo(this, c == null ? NO_CUE : c);
      return c;
    }
    return hit == NO_CUE ? null : (Cue) hit;
  }

  /** A cue found through the light stem of an Arabic word, or null. */
  public Cue cueByStem(String normalizedWord) {
    java.util.concurrent.ConcurrentHashMap<String, Object> memo = stemMemo;
    if (memo == null) {
      memo = new java.util.concurrent.ConcurrentHashMap<>(1 << 14);
      stemMemo = memo;
    }
    Object hit = memo.get(normalizedWord);
    if (hit == null) {
      Cue c = stemLookup(normalizedWord);
      if (memo.size() >= STEM_MEMO_MAX) {
        memo.clear(); // bounded: a pathological vocabulary only costs the stemming again
      }
      memo.put(normalizedWord, c == null ? NO_CUE : c);
      return c;
    }
    return hit == NO_CUE ? null : (Cue) hit;
  }

  private Cue stemLookup(String normalizedWord) {
    String stem = Stems.arabicStem(normalizedWord);
    // only for words that carried an affix: a bare word that merely equals a stem («مصادر», sources) is a
    // different word from the cue whose stem it is («مصادرة», confiscation)
    if (stem.length() < 3 || stem.equals(dev.mizan.text.ArabicClitics.stripArticle(normalizedWord))
        || stem.equals(normalizedWord)) {
      return null;
    }
    return cueStems.get(stem);
  }

  /** For tests and reports. */
  public List<Integer> sizes() {
    return List.of(cues.size(), modifiers.size(), speech.size(), titles.size(), relations.size());
  }
}

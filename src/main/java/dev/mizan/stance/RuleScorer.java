package dev.mizan.stance;

import dev.mizan.analysis.Evidence;
import dev.mizan.lexicon.Dictionary;
import dev.mizan.lexicon.Lexicon;
import dev.mizan.lexicon.Lexicon.ModType;
import dev.mizan.lexicon.Sentence;
import java.util.ArrayList;
import java.util.List;

/**
 * Lexicon-and-rules stance. Each cue has a signed weight (+ cooperative, − conflictual); modifiers change it.
 * Rules (one test each in {@code RuleScorerTest}):
 * <ol>
 *   <li>negator or denial up to its scope before a cue, in the same clause (only the nearest negator, denial or
 *       reducer counts): a cooperative cue flips
 *       (× the modifier's factor, e.g. −0.6: «لم تحقق أي تقدم»), a conflictual cue is cancelled
 *       («نفى وجود توتر»);</li>
 *   <li>a denial whose complement clause «أن يكون/تكون» follows it reaches 3 words further («نفت وزارة الدفاع التركية
 *       أن تكون طائراتها قد قصفت …»);</li>
 *   <li>a negator or denial whose scope reaches the reducer that would flip a cooperative cue cancels that cue («نفى
 *       البيت الأبيض أن يكون ترامب قد أمر بتجميد الاتصالات»: no freeze, and no contact either);</li>
 *   <li>a denial that cancels a conflictual cue also cancels the cooperative cues after that cue within its scope
 *       (the object of the denied act: "denied targeting aid sites"), instead of flipping them;</li>
 *   <li>reducer before a cue (×factor, negative): easing/ending/moving away from conflict is cooperation
 *       («بعيدا عن التوترات», «تقليل التوترات», "ease tensions"); but «رفع» before duties raises them («رفعت الصين
 *       الرسوم الجمركية»), it does not lift them;</li>
 *   <li>past marker next to a cue weakens it («التوترات السابقة»);</li>
 *   <li>future, hope and condition markers before a cue in the clause scale it (×0.9, ×0.8, ×0.5 by default);</li>
 *   <li>contrast («لكن», "but"): cues after the marker count more, cues before count less (×0.6);</li>
 *   <li>concessive («رغم», "despite"): cues in the concessive clause count less;</li>
 *   <li>intensifier/attenuator next to a cue scale it; an escalation word flagged {@code intens} followed by a
 *       cooperative cue intensifies it instead of counting as conflict («تصعيد الحوار»);</li>
 *   <li>cues flagged {@code weak} count only when the sentence has a dyad; contact words (weak, weight ≤ 0.12:
 *       meetings, calls, talks) count only next to another cue, so a meeting alone is neutral, and only when the
 *       other cues sum to a cooperative reading ("trade talks ended without a final agreement" is conflictual, the
 *       talks are its setting); cues inside names never count;</li>
 *   <li>accusation: the cues that weigh cooperative in the charge after a cue flagged {@code accusation}, in its clause
 *       and within {@value #CHARGE_SPAN} words, do not count: they are what the accused is said to violate, exploit or
 *       lie about («اتهم … روسيا باستغلال الهدنة», "accused each other of violating the truce", "accused Russia of
 *       showing no interest in ending the war");</li>
 *   <li>a contact word (a visit, a summit, talks) cancelled by «ألغى/ألغت/يلغي/تلغي/إلغاء» or "cancelled" within the
 *       reducer's scope counts, as a conflictual cue of weight {@value #CANCELLED_CONTACT}, even alone («ألغت الهند
 *       زيارة …»); ending one («أنهى زيارته») stays neutral;</li>
 *   <li>solidarity: with a cue flagged {@code solidarity} that is not negated (help, thanks, solidarity, «تقف إلى جانب»),
 *       conflictual cues flagged {@code event} (the attack, the war, the crisis and their condemnation) count ×0.2:
 *       they are what the supported state suffers;</li>
 *   <li>score = tanh(sum of weights); stance by the configured thresholds; confidence grows with |score| and with
 *       the agreement of the cues; quad class from the sign and whether material or verbal cues dominate.</li>
 * </ol>
 */
public final class RuleScorer implements java.io.Serializable {
  private static final long serialVersionUID = 1L;
  /**
   * Confidence taken off a cooperative or conflictual rule stance when the sentence relates no country pair: stance is
   * about a dyad, and without one the labelled data calls the sentence neutral whatever its words («هجوم على حاجز
   * أمني», "the two sides agreed to deepen cooperation"). 0.4 (was 0.1) so that such a stance never reaches the
   * hybrid's rule-confidence threshold (0.6) unless its cues are strong and agree; chosen on out-of-fold predictions on
   * our own TRAIN rows (hybrid stance macro-F1 0.782 at 0.1 and threshold 0.8, 0.794 at 0.4 and threshold 0.6).
   */
  static final double NO_DYAD_PENALTY = 0.4;
  /**
   * Factor on conflictual {@code event} cues (attack, strikes, war, crisis, condemnation) in a sentence with an active
   * {@code solidarity} cue (the solidarity rule). 0.2: one solidarity cue (~0.5) outweighs a condemned attack (0.55 + 0.9
   * → 0.29) by more than the cooperative threshold (0.15); from errors on our own TRAIN rows, where such sentences are
   * labelled cooperative (rules stance macro-F1 on the 723 news train rows 0.745 at 0.1, 0.15 and 0.2 alike; 0.25
   * leaves «أدان … الهجوم … تضامنها» at 0.14, neutral).
   */
  static final double EVENT_UNDER_SOLIDARITY = 0.2;
  private final double coopThreshold;
  private final double conflThreshold;

  public RuleScorer(double coopThreshold, double conflThreshold) {
    this.coopThreshold = coopThreshold;
    this.conflThreshold = conflThreshold;
  }

  /** A cue occurrence in words [first, last]. */
  public record CueHit(int first, int last, Lexicon.Cue cue) {}

  public Score score(Sentence s, List<CueHit> hits, List<Dictionary.Match<Lexicon.Modifier>> mods, boolean hasDyad) {
    boolean anyStance = false;
    for (CueHit h : hits) {
      anyStance |= !contact(h.cue());
    }
    List<CueHit> cues = new ArrayList<>();
    java.util.BitSet cancelled = new java.util.BitSet(); // by index in cues
    for (CueHit h : hits) {
      boolean cancelledContact = hasDyad && contact(h.cue()) && cancelled(s, h, mods);
      // weak cues need a dyad; a meeting or a call (contact words) alone says nothing about the stance, unless cancelled
      if (h.cue().weak() && (!hasDyad || (contact(h.cue()) && !anyStance && !cancelledContact))) {
        continue;
      }
      if (cancelledContact) {
        cancelled.set(cues.size());
      }
      cues.add(h);
    }
    int n = cues.size();
    double[] factor = new double[n];
    int[] spanStart = new int[n];
    boolean[] active = new boolean[n];
    for (int k = 0; k < n; k++) {
      factor[k] = 1.0;
      spanStart[k] = cues.get(k).first();
      active[k] = true;
    }
    // accusation: the cooperative words of the charge are not the relation (marked here, dropped once weighed, so a
    // war "ended" in the charge goes too)
    boolean[] inCharge = new boolean[n];
    for (int k = 0; k < n; k++) {
      CueHit c = cues.get(k);
      if (c.cue().accusation()) {
        for (int j = k + 1; j < n; j++) {
          CueHit d = cues.get(j);
          if (d.first() > c.last() + CHARGE_SPAN || !sameClause(s, c.last(), d.first())) {
            break;
          }
          inCharge[j] |= d.first() > c.last();
        }
      }
    }
    // escalation word + cooperative cue → intensifier
    for (int k = 0; k < n; k++) {
      CueHit c = cues.get(k);
      if (c.cue().intensifiesNext() && c.cue().polarity() < 0) {
        for (int j = k + 1; j < n; j++) {
          CueHit d = cues.get(j);
          if (d.first() > c.last() + 2) {
            break;
          }
          if (d.cue().polarity() > 0) {
            active[k] = false;
            factor[j] *= 1.3;
            spanStart[j] = Math.min(spanStart[j], c.first());
            break;
          }
        }
      }
    }
    // contrast: first marker splits the sentence
    int contrastAt = -1;
    double contrastFactor = 1.0;
    for (Dictionary.Match<Lexicon.Modifier> m : mods) {
      if (m.values().get(0).type() == ModType.CONTRAST && !overlapsCue(cues, m)) {
        contrastAt = m.first();
        contrastFactor = m.values().get(0).factor();
        break;
      }
    }
    for (int k = 0; k < n; k++) {
      if (!active[k]) {
        continue;
      }
      CueHit c = cues.get(k);
      int pol = c.cue().polarity();
      // at most one negator, denial or reducer per cue: the nearest one before it
      Dictionary.Match<Lexicon.Modifier> flip = null;
      for (Dictionary.Match<Lexicon.Modifier> m : mods) {
        ModType t = m.values().get(0).type();
        if ((t == ModType.NEGATOR || t == ModType.DENIAL || t == ModType.REDUCER) && m.last() < c.first()
            && (flip == null || m.first() > flip.first())) {
          int sc = scope(s, m);
          if (before(s, m, c, sc <= 0 ? 4 : sc) && !raisesLevy(s, m, c)) {
            flip = m;
          }
        }
      }
      // a negated or denied reducer («نفى … أن يكون ترامب قد أمر بتجميد الاتصالات», "did not suspend cooperation"): the
      // loss it would make of the cooperative cue is denied, so the cue is cancelled, neither kept nor flipped
      Dictionary.Match<Lexicon.Modifier> deniedReducer = null;
      if (flip != null && pol > 0 && flip.values().get(0).type() == ModType.REDUCER) {
        CueHit reducerAt = new CueHit(flip.first(), flip.last(), c.cue());
        for (Dictionary.Match<Lexicon.Modifier> m : mods) {
          ModType t = m.values().get(0).type();
          int sc = scope(s, m);
          if ((t == ModType.NEGATOR || t == ModType.DENIAL) && sc > 0 && before(s, m, reducerAt, sc)) {
            deniedReducer = m;
          }
        }
      }
      // a denial that cancels a conflict cue also takes the cooperative words after it, the object of the denied act
      // ("denied targeting aid sites", «نفت … توتر في التنسيق»): they are cancelled too instead of flipped
      boolean deniedObject = false;
      if (flip != null && pol > 0 && flip.values().get(0).type() == ModType.DENIAL) {
        int sc = scope(s, flip);
        for (int j = 0; j < k; j++) {
          CueHit d = cues.get(j);
          if (active[j] && d.cue().polarity() < 0 && d.first() > flip.last() && d.last() < c.first()
              && before(s, flip, d, sc <= 0 ? 4 : sc)) {
            deniedObject = true;
            break;
          }
        }
      }
      for (Dictionary.Match<Lexicon.Modifier> m : mods) {
        ModType mt = m.values().get(0).type();
        if ((mt == ModType.NEGATOR || mt == ModType.DENIAL || mt == ModType.REDUCER) && flip != null && m != flip
            && m.last() < c.first()) {
          continue;
        }
        if (m.first() <= c.last() && c.first() <= m.last()) {
          continue; // part of the cue itself
        }
        Lexicon.Modifier mod = m.values().get(0);
        int scope = scope(s, m);
        switch (mod.type()) {
          case NEGATOR, DENIAL -> {
            // a negative scope looks back: «… عار عن الصحة» denies what was said before it
            boolean hit = scope < 0 ? after(s, m, c, -scope) : before(s, m, c, scope == 0 ? 4 : scope);
            if (hit) {
              factor[k] *= pol > 0 && !(deniedObject && m == flip) ? mod.factor() : 0.0;
              spanStart[k] = Math.min(spanStart[k], m.first());
            }
          }
          case REDUCER -> {
            int sc = reducerScope(scope);
            if (before(s, m, c, sc) && !raisesLevy(s, m, c)) {
              factor[k] *= deniedReducer != null ? 0.0 : mod.factor();
              spanStart[k] = Math.min(spanStart[k], deniedReducer != null ? deniedReducer.first() : m.first());
            }
          }
          case PAST -> {
            int sc = Math.abs(scope) == 0 ? 2 : Math.abs(scope);
            boolean near = scope < 0 ? after(s, m, c, sc) : (before(s, m, c, sc) || after(s, m, c, sc));
            if (near) {
              factor[k] *= mod.factor();
            }
          }
          case FUTURE, HOPE, CONDITION -> {
            if (scope < 0 ? m.last() < c.first() && sameClause(s, m.last(), c.first()) : before(s, m, c, scope == 0 ? 4 : scope)) {
              factor[k] *= mod.factor();
            }
          }
          case INTENSIFIER, ATTENUATOR -> {
            if (before(s, m, c, 2) || after(s, m, c, 2)) {
              factor[k] *= mod.factor();
            }
          }
          case CONCESSIVE -> {
            if (m.last() < c.first() && sameClause(s, m.last(), c.first())
                && (contrastAt < 0 || c.first() < contrastAt || m.first() > contrastAt)) {
              factor[k] *= mod.factor();
            }
          }
          default -> { }
        }
      }
      if (contrastAt >= 0) {
        factor[k] *= c.first() > contrastAt ? contrastFactor : 0.6;
      }
    }
    // solidarity: help, thanks or solidarity toward a state in the face of a hostile event («أدانت الإمارات الهجوم …
    // معربة عن تضامنها مع القاهرة», "offered to help … counter coercion"): the event and its condemnation are what the
    // supported state suffers, not the relation, so they count for less
    boolean solidarity = false;
    for (int k = 0; k < n; k++) {
      solidarity |= active[k] && cues.get(k).cue().solidarity() && factor[k] > 0;
    }
    if (solidarity) {
      for (int k = 0; k < n; k++) {
        if (cues.get(k).cue().event() && cues.get(k).cue().polarity() < 0) {
          factor[k] *= EVENT_UNDER_SOLIDARITY;
        }
      }
    }
    double sum = 0;
    double abs = 0;
    double material = 0;
    double verbal = 0;
    List<Evidence> evidence = new ArrayList<>();
    double[] w = new double[n];
    boolean[] plainContact = new boolean[n];
    double stanceSum = 0;
    for (int k = 0; k < n; k++) {
      if (!active[k]) {
        continue;
      }
      boolean isCancelled = cancelled.get(k);
      // a cancelled contact word: the reducer's flip of its tiny weight would say nothing, so it weighs as a cancellation
      w[k] = isCancelled ? -CANCELLED_CONTACT : cues.get(k).cue().signed() * factor[k];
      if (inCharge[k] && w[k] > 0) {
        active[k] = false;
        continue;
      }
      plainContact[k] = contact(cues.get(k).cue()) && !isCancelled;
      if (!plainContact[k]) {
        stanceSum += w[k];
      }
    }
    // contact words (talks, trade, a meeting) add to a cooperative reading; against a conflictual one ("trade talks
    // ended without a final agreement") they are the setting, not a counterweight
    for (int k = 0; k < n; k++) {
      if (active[k] && plainContact[k] && stanceSum < 0 && w[k] > 0) {
        active[k] = false;
      }
      if (active[k]) {
        sum += w[k];
        abs += Math.abs(w[k]);
      }
    }
    for (int k = 0; k < n; k++) {
      if (!active[k] || Math.abs(w[k]) < 1e-3) {
        continue;
      }
      CueHit c = cues.get(k);
      if (Math.signum(w[k]) == Math.signum(sum)) {
        if (c.cue().material()) {
          material += Math.abs(w[k]);
        } else {
          verbal += Math.abs(w[k]);
        }
      }
      int start = s.words.get(spanStart[k]).start();
      int end = s.words.get(c.last()).end();
      evidence.add(new Evidence(s.text.substring(start, end), start, end, round(w[k], 3)));
    }
    double score = round(Math.tanh(sum), 4);
    String stance = score >= coopThreshold ? Score.COOPERATIVE : score <= conflThreshold ? Score.CONFLICTUAL : Score.NEUTRAL;
    double confidence;
    if (abs < 1e-9) {
      confidence = 0.5;
    } else {
      double agreement = Math.abs(sum) / abs;
      double strength = Math.abs(score);
      if (stance.equals(Score.NEUTRAL)) {
        confidence = 0.35 + 0.25 * (1 - agreement) + 0.15 * (1 - strength);
      } else {
        confidence = 0.45 + 0.3 * strength + 0.25 * agreement - (hasDyad ? 0 : NO_DYAD_PENALTY);
      }
    }
    String quad;
    if (stance.equals(Score.NEUTRAL)) {
      quad = "irrelevant";
    } else if (stance.equals(Score.COOPERATIVE)) {
      quad = material > verbal ? "material_cooperation" : "verbal_cooperation";
    } else {
      quad = material > verbal ? "material_conflict" : "verbal_conflict";
    }
    return new Score(stance, score, round(Math.max(0, Math.min(1, confidence)), 4), quad, evidence);
  }

  /** «أن يكون/تكون»: the complement clause of a denial («نفت موسكو أن تكون طائراتها المسيّرة قد دخلت …»). */
  private static final java.util.Set<String> TO_BE = java.util.Set.of("يكون", "تكون", "يكونوا");
  /** Words a denial reaches further when its complement clause «أن يكون/تكون …» follows it. */
  static final int DENIED_CLAUSE_EXTRA = 3;

  /** A modifier's scope; a denial followed (within its scope) by «أن يكون/تكون» reaches {@value #DENIED_CLAUSE_EXTRA}
   *  words further, over the subject and «قد» of the denied clause. */
  private static int scope(Sentence s, Dictionary.Match<Lexicon.Modifier> m) {
    Lexicon.Modifier mod = m.values().get(0);
    int scope = mod.scope();
    if (mod.type() == ModType.DENIAL && scope > 0) {
      for (int k = m.last() + 1; k + 1 < s.words.size() && k <= m.last() + scope; k++) {
        if (s.key(k).equals("ان") && s.readsAs(k + 1, TO_BE)) {
          return scope + DENIED_CLAUSE_EXTRA;
        }
      }
    }
    return scope;
  }

  /** «رفع» lifts a ban or sanctions, but with duties it raises them. */
  private static final java.util.Set<String> RAISE = java.util.Set.of("رفع", "رفعت", "يرفع", "ترفع");
  /** Duties and taxes, by the first word of the cue («الرسوم الجمركية», «رسوم جمركية», «التعريفات»). */
  private static final java.util.Set<String> LEVIES = java.util.Set.of("رسوم", "رسوما", "تعريفات", "تعريفه", "تعرفه",
      "ضرائب", "جمارك");

  /** A lawsuit: «رفع دعوى» files it, it does not lift it. */
  private static final java.util.Set<String> LAWSUITS = java.util.Set.of("دعوي", "دعاوي");

  /** «رفعت كندا الرسوم الجمركية على السيارات الصينية إلى مئة بالمئة»: raising duties is no reducer of them; nor is
   *  filing a lawsuit («رفعت جنوب أفريقيا الدعوى ضد إسرائيل») a lifting of it. */
  private static boolean raisesLevy(Sentence s, Dictionary.Match<?> m, CueHit c) {
    return m.first() == m.last() && s.readsAs(m.first(), RAISE)
        && (s.readsAs(c.first(), LEVIES) || s.readsAs(c.first(), LAWSUITS));
  }

  /** Words after an accusation verb that its charge covers: "accused Russia of \"showing no real interest\" in ending"
   *  needs 9; 10 so a short quoted charge fits, and the clause ends it anyway. */
  static final int CHARGE_SPAN = 10;
  /** Weight of a cancelled visit, summit or meeting: as much as a cancelled visit listed as a phrase («ألغت زيارة»,
   *  "cancelled a visit", 0.5 in cues.tsv). */
  static final double CANCELLED_CONTACT = 0.5;
  /** Cancelling (not ending, lifting or easing): the reducers that make a contact word a snub; as lookup keys
   *  (normalised, «ال» stripped as from every word: «ألغت» is looked up as «غت»). */
  private static final java.util.Set<String> CANCEL = java.util.stream.Stream.of("الغي", "الغت", "يلغي", "تلغي",
      "الغاء", "cancelled", "canceled", "scrapped").map(dev.mizan.text.ArabicClitics::stripArticle)
      .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** A reducer's scope in words: its own, or 3 when the lexicon gives none. */
  private static int reducerScope(int scope) {
    return scope <= 0 ? 3 : scope;
  }

  /** A cancelling reducer before a contact cue, within the reducer's scope and in its clause («ألغى ترامب القمة»). */
  private static boolean cancelled(Sentence s, CueHit h, List<Dictionary.Match<Lexicon.Modifier>> mods) {
    for (Dictionary.Match<Lexicon.Modifier> m : mods) {
      Lexicon.Modifier mod = m.values().get(0);
      if (mod.type() == ModType.REDUCER && m.first() == m.last() && s.readsAs(m.first(), CANCEL)
          && before(s, m, h, reducerScope(mod.scope()))) {
        return true;
      }
    }
    return false;
  }

  /** Contact words (meeting, call, talks): weak cues of weight ≤ {@value #CONTACT_WEIGHT}. */
  static final double CONTACT_WEIGHT = 0.12;

  static boolean contact(Lexicon.Cue c) {
    return c.weak() && c.weight() <= CONTACT_WEIGHT;
  }

  private static boolean overlapsCue(List<CueHit> cues, Dictionary.Match<?> m) {
    for (CueHit c : cues) {
      if (m.first() <= c.last() && c.first() <= m.last()) {
        return true;
      }
    }
    return false;
  }

  /** Modifier ends before the cue, within {@code scope} words, no clause barrier between. */
  private static boolean before(Sentence s, Dictionary.Match<?> m, CueHit c, int scope) {
    return m.last() < c.first() && c.first() - m.last() <= scope && sameClause(s, m.last(), c.first());
  }

  /** Modifier starts after the cue, within {@code scope} words, no clause barrier between. */
  private static boolean after(Sentence s, Dictionary.Match<?> m, CueHit c, int scope) {
    return m.first() > c.last() && m.first() - c.last() <= scope && sameClause(s, c.last(), m.first());
  }

  static boolean sameClause(Sentence s, int from, int to) {
    for (int k = from; k < to; k++) {
      String g = s.gapAfter(k);
      if (g.indexOf(',') >= 0 || g.indexOf('،') >= 0 || g.indexOf(';') >= 0 || g.indexOf('؛') >= 0 || g.indexOf(':') >= 0
          || g.indexOf('.') >= 0) {
        return false;
      }
    }
    return true;
  }

  private static double round(double v, int places) {
    double p = Math.pow(10, places);
    return Math.round(v * p) / p;
  }
}

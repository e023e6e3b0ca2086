package dev.mizan.analysis;

import dev.mizan.lexicon.Actor;
import dev.mizan.lexicon.Dictionary;
import dev.mizan.lexicon.Gazetteer;
import dev.mizan.lexicon.Lexicon;
import dev.mizan.lexicon.Sentence;
import dev.mizan.model.LinearTextModel;
import dev.mizan.model.RuleSignals;
import dev.mizan.model.TextFeatures;
import dev.mizan.relation.DyadFinder;
import dev.mizan.relation.Mentions;
import dev.mizan.relation.Quotes;
import dev.mizan.relation.SpeakerFinder;
import dev.mizan.stance.RuleScorer;
import dev.mizan.stance.Score;
import dev.mizan.text.Lang;
import dev.mizan.text.LanguageDetector;
import dev.mizan.text.Segmenter;
import dev.mizan.text.TextCleaner;
import dev.mizan.text.Tokenizer;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The whole per-article reading: language, sentences, dyads, speaker, stance. Pure Java, no Spark types.
 * Built once on the driver (loads the bundled gazetteer and lexicons plus user actor files), then shipped to
 * executors (Serializable; broadcast it). Thread-safe after construction: it holds no mutable state.
 *
 * <p>Per article: clean (HTML leftovers) → detect language → segment (title = paragraph 0) → per sentence:
 * gazetteer, titles, cues, modifiers, reporting verbs, relation words → mentions and descriptions → speaker →
 * dyads → paragraph context (a sentence naming one side, or «الطرفين/البلدين», takes the dyad of its paragraph,
 * else of the article) → stance rules.
 */
public final class Analyzer implements Serializable {
  private static final long serialVersionUID = 3L;

  private final AnalyzerOptions options;
  private final Gazetteer gazetteer;
  private final Lexicon lexicon;
  private final RuleScorer scorer;
  /** The learned model, null in rules mode. */
  private final LinearTextModel model;
  private final boolean hybrid;
  /** All six dictionaries matched in one pass per sentence; built on first use where the analyser runs. */
  private transient volatile dev.mizan.lexicon.DictionarySet matcher;

  private Analyzer(AnalyzerOptions options, Gazetteer gazetteer, Lexicon lexicon) {
    this.options = options;
    this.gazetteer = gazetteer;
    this.lexicon = lexicon;
    this.scorer = new RuleScorer(options.cooperativeThreshold(), options.conflictualThreshold());
    this.model = options.modelMode().equals(AnalyzerOptions.RULES) ? null : options.model();
    this.hybrid = options.modelMode().equals(AnalyzerOptions.HYBRID);
  }

  /**
   * The hybrid/model decision for one unit, given the rule score and both heads' probabilities
   * ({@link LinearTextModel#probabilities}, in {@link LinearTextModel#heads()} order).
   * Hybrid: where the rules are explicit and confident (a non-neutral stance with rule confidence ≥
   * {@code ruleConfidence}) they keep their stance, score and confidence; elsewhere, and always in model mode, the
   * stance head decides: stance = its most probable class, score = P(cooperative) − P(conflictual), confidence = the
   * calibrated probability of that class. quad_class comes from the quad head, restricted to the stance's side
   * (cooperative → material/verbal cooperation, conflictual → material/verbal conflict); a neutral stance takes the quad head's most probable class, since a
   * meeting or a call is CAMEO verbal cooperation even when it takes no side.
   * With {@code neutralWithoutPair}, a unit that relates no country pair ({@code hasPair} false) is neutral with score
   * 0 and the stance head's probability of neutral as confidence, whatever the rules or the model read: stance is the
   * stance taken on a relation. Evidence spans stay those of the rules.
   */
  Score combine(Score rules, double[][] p, boolean hasPair) {
    double[] ps = p[model.headIndex(LinearTextModel.STANCE)];
    double[] pq = p[model.headIndex(LinearTextModel.QUAD)];
    String stance;
    double score;
    double confidence;
    if (!hasPair && options.neutralWithoutPair()) {
      stance = Score.NEUTRAL;
      score = 0;
      confidence = round4(ps[0]);
    } else if (hybrid && !rules.stance().equals(Score.NEUTRAL) && rules.confidence() >= options.ruleConfidence()) {
      stance = rules.stance();
      score = rules.score();
      confidence = rules.confidence();
    } else {
      int best = LinearTextModel.argmax(ps);
      stance = LinearTextModel.STANCE_CLASSES.get(best);
      score = round4(ps[1] - ps[2]);
      confidence = round4(ps[best]);
    }
    String quad;
    if (stance.equals(Score.COOPERATIVE)) {
      quad = pq[2] > pq[4] ? "material_cooperation" : "verbal_cooperation";
    } else if (stance.equals(Score.CONFLICTUAL)) {
      quad = pq[1] > pq[3] ? "material_conflict" : "verbal_conflict";
    } else {
      quad = LinearTextModel.QUAD_CLASSES.get(LinearTextModel.argmax(pq));
    }
    return new Score(stance, score, confidence, quad, rules.evidence());
  }

  private static double round4(double v) {
    return Math.round(v * 1e4) / 1e4;
  }

  /**
   * Drops the calling thread's caches (word forms, the model's per-thread buffers and memos). Call it when a thread
   * that will live on, such as a Spark task thread, has finished a batch of articles; the results do not change, the
   * next article on the thread only rebuilds them.
   */
  public static void releaseThreadCaches() {
    Tokenizer.releaseThreadCache();
    TextFeatures.releaseThreadScratch();
  }

  /** The model in use (null in rules mode). */
  public LinearTextModel model() {
    return model;
  }

  /** @throws IllegalArgumentException naming the file/line when a user actor file is malformed */
  public static Analyzer create(AnalyzerOptions options) {
    return new Analyzer(options, Gazetteer.load(options.extraActorFiles(), null), Lexicon.load());
  }

  public Gazetteer gazetteer() {
    return gazetteer;
  }

  public AnalyzerOptions options() {
    return options;
  }

  /** Reads title (nullable) and body. {@code lang} is a hint (nullable: detect). {@code date} resolves role descriptions. */
  public ArticleResult analyzeArticle(String title, String body, String lang, LocalDate date) {
    LocalDate day = date == null ? LocalDate.now(ZoneOffset.UTC) : date;
    String ct = title == null ? "" : TextCleaner.clean(title);
    String t = ct.strip();
    String b = body == null ? "" : TextCleaner.clean(body);
    // the cleaner returns its input itself when it has nothing to clean in it; then no part of the text has anything
    // to clean either, so a sentence's features can read the sentence as it is (see Reading#result)
    boolean nothingToClean = (title == null || ct == title) && (body == null || b == body);
    if (!t.isEmpty() && b.strip().startsWith(t)) {
      t = "";
    }
    Lang articleLang = Lang.fromTag(lang);
    if (articleLang == null) {
      articleLang = LanguageDetector.detect(t.isEmpty() ? b : t + "\n" + b);
    }
    List<Segmenter.Span> titleSpans = t.isEmpty() ? List.of() : Segmenter.split(t);
    List<Segmenter.Span> bodySpans = Segmenter.split(b);
    List<String> texts = new ArrayList<>(titleSpans.size() + bodySpans.size());
    List<Integer> paragraphs = new ArrayList<>(titleSpans.size() + bodySpans.size());
    int offset = 0;
    if (!t.isEmpty()) {
      for (Segmenter.Span sp : titleSpans) {
        texts.add(t.substring(sp.start(), sp.end()));
        paragraphs.add(0);
      }
      offset = 1;
    }
    for (Segmenter.Span sp : bodySpans) {
      texts.add(b.substring(sp.start(), sp.end()));
      paragraphs.add(sp.paragraph() + offset);
    }
    if (articleLang != Lang.AR && articleLang != Lang.EN) {
      return new ArticleResult(articleLang.code(), texts.size(), List.of());
    }
    List<Reading> readings = new ArrayList<>(texts.size());
    for (String s : texts) {
      readings.add(read(s, day, false));
    }
    if (options.paragraphContext()) {
      carryContext(readings, paragraphs);
    }
    List<SentenceResult> out = new ArrayList<>();
    for (int i = 0; i < readings.size(); i++) {
      Reading r = readings.get(i);
      if (r.dyads.isEmpty() && r.mentions.countries.isEmpty() && r.mentions.actors.isEmpty()) {
        continue;
      }
      out.add(r.result(i, paragraphs.get(i), articleLang, nothingToClean));
    }
    return new ArticleResult(articleLang.code(), texts.size(), out);
  }

  /** Reads one text unit without sentence splitting (classify). Never null. */
  public SentenceResult analyzeUnit(String text, String lang, LocalDate date) {
    LocalDate day = date == null ? LocalDate.now(ZoneOffset.UTC) : date;
    String clean = text == null ? "" : TextCleaner.clean(text).strip();
    Lang l = Lang.fromTag(lang);
    if (l == null) {
      l = LanguageDetector.detect(clean);
    }
    if (l != Lang.AR && l != Lang.EN) {
      return new SentenceResult(0, 0, clean, l.code(), Score.NEUTRAL, 0.0, 0.0, "irrelevant", List.of(), null, List.of(),
          List.of(), List.of());
    }
    return read(clean, day).result(0, 0, l, false);
  }

  /**
   * The rule reading of one text unit as model features (what {@code train} feeds {@link TextFeatures}): cleaned and
   * read exactly as {@link #analyzeUnit} reads it, with the rules only. {@code date} may be null (today).
   */
  public RuleSignals ruleSignals(String text, String lang, LocalDate date) {
    LocalDate day = date == null ? LocalDate.now(ZoneOffset.UTC) : date;
    String clean = text == null ? "" : TextCleaner.clean(text).strip();
    Lang l = Lang.fromTag(lang);
    if (l == null) {
      l = LanguageDetector.detect(clean);
    }
    if (l != Lang.AR && l != Lang.EN) {
      return RuleSignals.NONE;
    }
    Reading r = read(clean, day);
    return r.signals(r.ruleScore());
  }

  /** actor slug → ISO3 country (organisations included), for actor_trends. */
  public Map<String, String> actorCountries() {
    Map<String, String> m = new TreeMap<>();
    for (Actor a : gazetteer.actors().values()) {
      if (a.country() != null) {
        m.put(a.slug(), a.country());
      }
    }
    return m;
  }

  private dev.mizan.lexicon.DictionarySet matcher() {
    dev.mizan.lexicon.DictionarySet m = matcher;
    if (m == null) {
      synchronized (this) {
        m = matcher;
        if (m == null) {
          m = new dev.mizan.lexicon.DictionarySet(List.of(gazetteer.dictionary(), lexicon.titles(), lexicon.cues(),
              lexicon.modifiers(), lexicon.speech(), lexicon.relations()));
          matcher = m;
        }
      }
    }
    return m;
  }

  private Reading read(String text, LocalDate date) {
    return read(text, date, true);
  }

  /** The reading of a sentence that names no country or actor and says no «both sides» (see {@link #read}). */
  private static final DyadFinder.Result NOTHING = new DyadFinder.Result(List.of(), java.util.Set.of(), false, false);

  /**
   * Reads one sentence. Unless {@code full}, a sentence that names no country or actor and has no «both sides» word
   * stops after matching: it can never be in an article's output (it has no dyad, and paragraph context gives one
   * only to a sentence naming one side or saying «both sides») nor pass anything on to another sentence, so its
   * cues, quotes, speaker and dyads are not worked out.
   */
  private Reading read(String text, LocalDate date, boolean full) {
    Sentence s = new Sentence(text);
    matcher().matchAll(s);
    Mentions m = Mentions.find(s, gazetteer, lexicon, date);
    List<Dictionary.Match<Lexicon.Rel>> rels = lexicon.relations().findAll(s);
    if (!full && m.countries.isEmpty() && m.actors.isEmpty() && !bothSides(rels, m)) {
      return new Reading(s, m, NOTHING, null, List.of(), List.of(), false);
    }
    List<Dictionary.Match<Lexicon.Modifier>> mods = lexicon.modifiers().findAll(s);
    List<Dictionary.Match<Lexicon.Speech>> speech = lexicon.speech().findAll(s);
    List<RuleScorer.CueHit> cues = cues(s, m);
    boolean[] quotes = Quotes.mask(s);
    String speaker = SpeakerFinder.find(s, m, speech, quotes);
    int strongCues = 0;
    for (RuleScorer.CueHit c : cues) {
      if (!c.cue().weak()) {
        strongCues++;
      }
    }
    DyadFinder.Result d = DyadFinder.find(s, m, rels, strongCues, !speech.isEmpty(), quotes);
    boolean quoted = false;
    for (boolean q : quotes) {
      quoted |= q;
    }
    return new Reading(s, m, d, speaker, cues, mods, quoted);
  }

  /** A «both sides» relation word outside names: what {@link DyadFinder.Result#bothSides} reports. */
  private static boolean bothSides(List<Dictionary.Match<Lexicon.Rel>> rels, Mentions m) {
    for (Dictionary.Match<Lexicon.Rel> r : rels) {
      if (m.covered[r.first()]) {
        continue;
      }
      for (Lexicon.Rel v : r.values()) {
        if (v.kind() == Lexicon.RelKind.BOTH) {
          return true;
        }
      }
    }
    return false;
  }

  private List<RuleScorer.CueHit> cues(Sentence s, Mentions m) {
    List<RuleScorer.CueHit> out = new ArrayList<>();
    boolean[] used = new boolean[s.words.size()];
    for (Dictionary.Match<Lexicon.Cue> c : lexicon.cues().findAll(s)) {
      // a cue inside a name or title («حفظ السلام» of «قوات حفظ السلام» is no cue) never counts; a cue that only
      // contains a title word among its own words does ("recalled its ambassador", «استدعاء السفير»)
      boolean insideName = true;
      for (int k = c.first(); k <= c.last(); k++) {
        if (!m.covered[k]) {
          insideName = false;
          break;
        }
      }
      if (insideName) {
        continue;
      }
      for (int k = c.first(); k <= c.last(); k++) {
        used[k] = true;
      }
      out.add(new RuleScorer.CueHit(c.first(), c.last(), strongest(c.values())));
    }
    // light-stem fallback for Arabic inflections the list does not spell out
    for (int k = 0; k < s.words.size(); k++) {
      if (used[k] || m.covered[k] || s.form(k).kind != dev.mizan.text.Token.Kind.ARABIC) {
        continue;
      }
      Lexicon.Cue c = lexicon.cueByStem(s.form(k));
      if (c != null) {
        out.add(new RuleScorer.CueHit(k, k, c));
      }
    }
    out.sort((a, b) -> Integer.compare(a.first(), b.first()));
    return out;
  }

  private static Lexicon.Cue strongest(List<Lexicon.Cue> cs) {
    Lexicon.Cue best = cs.get(0);
    for (Lexicon.Cue c : cs) {
      if (c.weight() > best.weight()) {
        best = c;
      }
    }
    return best;
  }

  /** Paragraph context: see the class comment. */
  private static void carryContext(List<Reading> rs, List<Integer> paragraphs) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Reading r : rs) {
      for (String d : r.dyads) {
        counts.merge(d, 1, Integer::sum);
      }
    }
    String dominant = null;
    int best = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > best) {
        best = e.getValue();
        dominant = e.getKey();
      }
    }
    Map<Integer, String> lastInParagraph = new HashMap<>();
    for (int i = 0; i < rs.size(); i++) {
      Reading r = rs.get(i);
      int p = paragraphs.get(i);
      if (r.dyads.isEmpty()) {
        java.util.Set<String> cs = r.dyadResult.countries();
        String last = lastInParagraph.get(p);
        String carried = null;
        if (r.dyadResult.bothSides() && cs.size() <= 1) {
          String cand = last != null ? last : dominant;
          if (cand != null && (cs.isEmpty() || contains(cand, cs.iterator().next()))) {
            carried = cand;
          }
        } else if (cs.size() == 1 && r.dyadResult.relationSignal() && last != null && contains(last, cs.iterator().next())
            && strongly(r.mentions, cs.iterator().next())) {
          carried = last;
        }
        if (carried != null) {
          r.dyads = List.of(carried);
          r.carried = true;
        }
      }
      if (!r.dyads.isEmpty()) {
        lastInParagraph.put(p, r.dyads.get(r.dyads.size() - 1));
      }
    }
  }

  private static boolean contains(String dyad, String iso) {
    return dyad.startsWith(iso + "-") || dyad.endsWith("-" + iso);
  }

  private static boolean strongly(Mentions m, String iso) {
    for (Mentions.CountryMention c : m.countries) {
      if (c.iso3().equals(iso) && c.strong()) {
        return true;
      }
    }
    return false;
  }

  /** The set's elements in natural order, as an immutable list (no re-sort when it is a naturally ordered set). */
  private static List<String> sortedCopy(java.util.Set<String> set) {
    if (set instanceof java.util.SortedSet<String> s && s.comparator() == null) {
      return List.copyOf(s);
    }
    return List.copyOf(new TreeSet<>(set));
  }

  /** One sentence's intermediate reading. */
  private final class Reading {
    final Sentence sentence;
    final Mentions mentions;
    final DyadFinder.Result dyadResult;
    final String speaker;
    final List<RuleScorer.CueHit> cues;
    final List<Dictionary.Match<Lexicon.Modifier>> mods;
    final boolean quoted;
    List<String> dyads;
    boolean carried;

    Reading(Sentence sentence, Mentions mentions, DyadFinder.Result d, String speaker, List<RuleScorer.CueHit> cues,
        List<Dictionary.Match<Lexicon.Modifier>> mods, boolean quoted) {
      this.quoted = quoted;
      this.sentence = sentence;
      this.mentions = mentions;
      this.dyadResult = d;
      this.speaker = speaker;
      this.cues = cues;
      this.mods = mods;
      this.dyads = d.dyads();
    }

    Score ruleScore() {
      return scorer.score(sentence, cues, mods, !dyads.isEmpty());
    }

    RuleSignals signals(Score sc) {
      double coop = 0;
      double confl = 0;
      for (Evidence e : sc.evidence()) {
        if (e.weight() > 0) {
          coop += e.weight();
        } else {
          confl -= e.weight();
        }
      }
      int neg = 0;
      int den = 0;
      int red = 0;
      for (Dictionary.Match<Lexicon.Modifier> m : mods) {
        switch (m.values().get(0).type()) {
          case NEGATOR -> neg++;
          case DENIAL -> den++;
          case REDUCER -> red++;
          default -> { }
        }
      }
      int material = 0;
      int verbal = 0;
      for (RuleScorer.CueHit c : cues) {
        if (c.cue().material()) {
          material++;
        } else {
          verbal++;
        }
      }
      return new RuleSignals(coop, confl, neg, den, red, material, verbal, sc.score(), !dyads.isEmpty(),
          dyadResult.countries().size(), quoted, speaker != null);
    }

    /** {@code clean}: the sentence is known to hold nothing that {@link TextCleaner#clean} changes. */
    SentenceResult result(int index, int paragraph, Lang articleLang, boolean clean) {
      Score sc = ruleScore();
      TreeSet<String> actors = new TreeSet<>();
      for (Mentions.ActorMention a : mentions.actors) {
        actors.add(a.slug());
      }
      if (speaker != null) {
        actors.add(speaker);
      }
      Lang l = LanguageDetector.detect(sentence.text);
      if (l != Lang.AR && l != Lang.EN) {
        l = articleLang;
      }
      if (model != null) {
        // the scorer's words are the features' words when cleaning leaves the sentence as it is (the usual case:
        // article text is cleaned before it is segmented); otherwise the features read the cleaned text
        Sentence fs = sentence;
        if (!clean) {
          String c = TextCleaner.clean(sentence.text);
          fs = c.equals(sentence.text) ? sentence : new Sentence(c);
        }
        sc = combine(sc, model.probabilities(fs.words.size(), fs::form, l.code(), signals(sc)), !dyads.isEmpty());
      }
      return new SentenceResult(index, paragraph, sentence.text, l.code(), sc.stance(), sc.score(), sc.confidence(),
          sc.quadClass(), List.copyOf(dyads), speaker, List.copyOf(actors), sc.evidence(),
          sortedCopy(dyadResult.countries()));
    }
  }
}

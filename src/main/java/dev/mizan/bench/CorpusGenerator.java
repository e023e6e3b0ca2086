package dev.mizan.bench;

import dev.mizan.lexicon.Actor;
import dev.mizan.lexicon.Gazetteer;
import dev.mizan.lexicon.Tsv;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes synthetic news articles, one at a time, as a pure function of (seed, article number): the same seed and
 * number always give the same article, whatever the partitioning. Pure Java, no Spark; small enough to ship to
 * executors inside a closure (it holds only the sampled vocabulary, never articles).
 *
 * <p>The text is built from this class's own sentence templates and vocabulary (written for Mizan) plus names and
 * cue words sampled from the bundled gazetteer and lexicon: most sentences name no country (filler), a configurable
 * share names one or two countries or an actor, with cues of both polarities or none, quotes and speakers. Feed
 * mess: HTML leftovers, tashkeel and tatweel on some Arabic words, exact duplicates (same id), syndicated copies
 * (same body, another id and source) and a few very long articles.
 */
public final class CorpusGenerator implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Generation knobs. */
  public record Options(long seed, double arShare, double relevantShare, LocalDate from, LocalDate to, int sources)
      implements Serializable {
    public Options {
      if (arShare < 0 || arShare > 1) {
        throw new IllegalArgumentException("--ar-share must be in [0, 1], got " + arShare);
      }
      if (relevantShare < 0 || relevantShare > 1) {
        throw new IllegalArgumentException("--relevant-share must be in [0, 1], got " + relevantShare);
      }
      if (sources < 1) {
        throw new IllegalArgumentException("--sources must be at least 1, got " + sources);
      }
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("--to " + to + " is before --from " + from);
      }
    }
  }

  /** One generated row. {@code epochDay} is the publication date. */
  public record Article(String id, int epochDay, String title, String body, String source, String url, String lang) {}

  /** Share of articles that repeat an earlier article exactly (same id: a feed delivering it twice). */
  static final double DUPLICATE_SHARE = 0.01;
  /** Share of articles that reprint an earlier article's body under their own id and another source. */
  static final double SYNDICATED_SHARE = 0.03;
  /** Share of articles far longer than the rest (4,000–12,000 words). */
  static final double LONG_SHARE = 0.002;
  /** Share of articles carrying leftover HTML. */
  static final double HTML_SHARE = 0.12;

  private final Options o;
  private final long days;
  private final String[][] countries; // {en, ar}
  private final String[][] persons; // {en, ar}
  private final String[][] orgs; // {en, ar}
  private final String[] cueEnCoop;
  private final String[] cueEnConf;
  private final String[] cueArCoop;
  private final String[] cueArConf;
  private final String[] sayEn;
  private final String[] sayAr;
  private final String[] sourceNames;

  public CorpusGenerator(Options options, Gazetteer gazetteer) {
    this.o = options;
    this.days = options.to().toEpochDay() - options.from().toEpochDay() + 1;
    List<String[]> cs = new ArrayList<>();
    for (Gazetteer.Country c : gazetteer.countries().values()) {
      if (!c.en().isBlank() && !c.ar().isBlank()) {
        cs.add(new String[] {c.en(), c.ar()});
      }
    }
    this.countries = cs.toArray(new String[0][]);
    List<String[]> ps = new ArrayList<>();
    List<String[]> os = new ArrayList<>();
    for (Actor a : gazetteer.actors().values()) {
      if (a.enName() == null || a.arName() == null || a.enName().isBlank() || a.arName().isBlank()) {
        continue;
      }
      ("person".equals(a.kind()) ? ps : os).add(new String[] {a.enName(), a.arName()});
    }
    this.persons = ps.toArray(new String[0][]);
    this.orgs = os.isEmpty() ? persons : os.toArray(new String[0][]);
    List<String> enCoop = new ArrayList<>();
    List<String> enConf = new ArrayList<>();
    List<String> arCoop = new ArrayList<>();
    List<String> arConf = new ArrayList<>();
    for (Tsv.Row r : Tsv.resource("/mizan/lexicon/cues.tsv", 6)) {
      boolean ar = "ar".equals(r.get(0));
      boolean coop = "coop".equals(r.get(1));
      (ar ? (coop ? arCoop : arConf) : (coop ? enCoop : enConf)).add(r.get(4));
    }
    this.cueEnCoop = enCoop.toArray(new String[0]);
    this.cueEnConf = enConf.toArray(new String[0]);
    this.cueArCoop = arCoop.toArray(new String[0]);
    this.cueArConf = arConf.toArray(new String[0]);
    List<String> se = new ArrayList<>();
    List<String> sa = new ArrayList<>();
    for (Tsv.Row r : Tsv.resource("/mizan/lexicon/speech.tsv", 3)) {
      if ("say".equals(r.get(1))) {
        ("ar".equals(r.get(0)) ? sa : se).add(r.get(2));
      }
    }
    this.sayEn = se.toArray(new String[0]);
    this.sayAr = sa.toArray(new String[0]);
    this.sourceNames = new String[options.sources()];
    for (int k = 0; k < sourceNames.length; k++) {
      String name = SOURCE_A[k % SOURCE_A.length] + " " + SOURCE_B[(k / SOURCE_A.length + k) % SOURCE_B.length];
      int round = k / (SOURCE_A.length * SOURCE_B.length);
      sourceNames[k] = round == 0 ? name : name + " " + (round + 1);
    }
  }

  /** The source names, in order (for reports). */
  public List<String> sources() {
    return List.of(sourceNames);
  }

  /** Article number {@code i} (0-based). Deterministic in (seed, i). */
  public Article article(long i) {
    SplittableRandom r = rng(i);
    double kind = r.nextDouble();
    if (i > 0 && kind < DUPLICATE_SHARE) {
      // the feed delivered an earlier article again: identical row
      return fresh(Math.max(0, i - 1 - r.nextInt(50)));
    }
    if (i > 0 && kind < DUPLICATE_SHARE + SYNDICATED_SHARE) {
      Article orig = fresh(Math.max(0, i - 1 - r.nextInt(500)));
      String src = sourceNames[r.nextInt(sourceNames.length)];
      String id = id(i);
      return new Article(id, orig.epochDay() + r.nextInt(2), orig.title(), orig.body(), src, url(src, id), orig.lang());
    }
    return fresh(i);
  }

  private Article fresh(long i) {
    SplittableRandom r = rng(i ^ 0x5DEECE66DL);
    boolean ar = r.nextDouble() < o.arShare();
    int words;
    if (r.nextDouble() < LONG_SHARE) {
      words = 4000 + r.nextInt(8001);
    } else {
      // skewed towards shorter pieces, 150–1,500 words
      double u = r.nextDouble();
      words = 150 + (int) (1350 * u * u);
    }
    boolean html = r.nextDouble() < HTML_SHARE;
    // a story is about one main pair most of the time
    int a = r.nextInt(countries.length);
    int b = r.nextInt(countries.length);
    if (b == a) {
      b = (a + 1) % countries.length;
    }
    Story st = new Story(a, b, r.nextInt(persons.length), r.nextInt(persons.length));
    StringBuilder body = new StringBuilder(words * 8);
    int n = 0;
    int inParagraph = 0;
    int paragraphLen = 2 + r.nextInt(4);
    if (html) {
      body.append("<p>");
    }
    StringBuilder sb = new StringBuilder(200);
    while (n < words) {
      sb.setLength(0);
      if (r.nextDouble() < o.relevantShare()) {
        relevant(r, ar, st, sb);
      } else {
        filler(r, ar, sb);
      }
      if (ar) {
        mess(r, sb);
      }
      n += countWords(sb);
      body.append(sb);
      if (++inParagraph >= paragraphLen && n < words) {
        inParagraph = 0;
        paragraphLen = 2 + r.nextInt(4);
        body.append(html ? (r.nextBoolean() ? "</p>\n<p>" : "<br/><br/>") : "\n\n");
      } else if (n < words) {
        body.append(html && r.nextInt(30) == 0 ? "&nbsp;" : " ");
      }
    }
    if (html) {
      body.append("</p>");
    }
    sb.setLength(0);
    title(r, ar, st, sb);
    String src = sourceNames[r.nextInt(sourceNames.length)];
    String id = id(i);
    int day = (int) (o.from().toEpochDay() + Math.floorMod(r.nextLong(), days));
    return new Article(id, day, sb.toString(), body.toString(), src, url(src, id), ar ? "ar" : "en");
  }

  private SplittableRandom rng(long i) {
    return new SplittableRandom(mix(o.seed() * 0x9E3779B97F4A7C15L + i));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static String id(long i) {
    return "gen-" + String.format("%010d", i);
  }

  private static String url(String source, String id) {
    StringBuilder sb = new StringBuilder("https://");
    for (int k = 0; k < source.length(); k++) {
      char c = Character.toLowerCase(source.charAt(k));
      sb.append(c == ' ' ? '-' : c);
    }
    return sb.append(".example/news/").append(id).toString();
  }

  private static int countWords(CharSequence s) {
    int w = 0;
    boolean in = false;
    for (int k = 0; k < s.length(); k++) {
      boolean sp = s.charAt(k) == ' ';
      if (!sp && !in) {
        w++;
      }
      in = !sp;
    }
    return w;
  }

  /** The cast of one article. */
  private record Story(int a, int b, int p1, int p2) {}

  private static String pick(SplittableRandom r, String[] xs) {
    return xs[r.nextInt(xs.length)];
  }

  private void filler(SplittableRandom r, boolean ar, StringBuilder sb) {
    if (ar) {
      sb.append(pick(r, AR_VERB)).append(' ').append(pick(r, AR_SUBJ)).append(' ').append(pick(r, AR_OBJ));
      if (r.nextBoolean()) {
        sb.append(' ').append(pick(r, AR_ADV));
      }
      if (r.nextInt(3) == 0) {
        sb.append("، ").append(pick(r, AR_TAIL));
      }
      sb.append(r.nextInt(12) == 0 ? "؛" : ".");
    } else {
      sb.append(pick(r, EN_SUBJ)).append(' ').append(pick(r, EN_VERB)).append(' ').append(pick(r, EN_OBJ));
      if (r.nextBoolean()) {
        sb.append(' ').append(pick(r, EN_ADV));
      }
      if (r.nextInt(3) == 0) {
        sb.append(", ").append(pick(r, EN_TAIL));
      }
      sb.append('.');
    }
  }

  private void relevant(SplittableRandom r, boolean ar, Story st, StringBuilder sb) {
    // mostly the story's pair, sometimes any other pair
    int a = r.nextInt(4) == 0 ? r.nextInt(countries.length) : st.a();
    int b = r.nextInt(4) == 0 ? r.nextInt(countries.length) : st.b();
    if (a == b) {
      b = (a + 7) % countries.length;
    }
    int lang = ar ? 1 : 0;
    String ca = countries[a][lang];
    String cb = countries[b][lang];
    String p = persons[r.nextBoolean() ? st.p1() : r.nextInt(persons.length)][lang];
    String org = orgs[r.nextInt(orgs.length)][lang];
    double pol = r.nextDouble();
    String cue = pol < 0.4 ? pick(r, ar ? cueArCoop : cueEnCoop) : pol < 0.8 ? pick(r, ar ? cueArConf : cueEnConf) : null;
    String say = pick(r, ar ? sayAr : sayEn);
    int t = r.nextInt(8);
    if (ar) {
      String c = cue == null ? pick(r, AR_NEUTRAL) : cue;
      switch (t) {
        case 0 -> sb.append(say).append(' ').append(p).append(" إن ").append(ca).append(" و").append(cb).append(' ')
            .append(c).append(' ').append(pick(r, AR_TOPIC)).append('.');
        case 1 -> sb.append('«').append(ca).append(' ').append(c).append(" مع ").append(cb).append(' ')
            .append(pick(r, AR_TOPIC)).append("»، ").append(say).append(' ').append(p).append('.');
        case 2 -> sb.append("العلاقات بين ").append(ca).append(" و").append(cb).append(' ').append(c).append(' ')
            .append(pick(r, AR_ADV)).append('.');
        case 3 -> sb.append(c).append(' ').append(ca).append(" و").append(cb).append(' ').append(pick(r, AR_TOPIC))
            .append(' ').append(pick(r, AR_ADV)).append('.');
        case 4 -> sb.append("التقى ").append(p).append(" مسؤولين من ").append(cb).append(" في ").append(ca)
            .append(" لبحث ").append(pick(r, AR_TOPIC)).append('.');
        case 5 -> sb.append("وبحسب ").append(org).append(" فإن ").append(ca).append(' ').append(c).append(' ')
            .append(pick(r, AR_TOPIC)).append('.');
        case 6 -> sb.append(pick(r, AR_SUBJ)).append(" في ").append(ca).append(' ').append(pick(r, AR_NEUTRAL))
            .append(' ').append(pick(r, AR_TOPIC)).append('.');
        default -> sb.append("وأضاف ").append(p).append(" أن ").append(c).append(' ').append(pick(r, AR_TOPIC))
            .append(" مع ").append(cb).append(" «").append(pick(r, AR_QUOTE)).append("».");
      }
    } else {
      String c = cue == null ? pick(r, EN_NEUTRAL) : cue;
      switch (t) {
        case 0 -> sb.append(p).append(' ').append(say).append(' ').append(ca).append(" and ").append(cb).append(' ')
            .append(c).append(' ').append(pick(r, EN_TOPIC)).append('.');
        case 1 -> sb.append('"').append(ca).append(' ').append(c).append(" with ").append(cb).append(' ')
            .append(pick(r, EN_TOPIC)).append(",\" ").append(p).append(' ').append(say).append('.');
        case 2 -> sb.append("Relations between ").append(ca).append(" and ").append(cb).append(' ').append(c)
            .append(' ').append(pick(r, EN_ADV)).append('.');
        case 3 -> sb.append(ca).append(' ').append(c).append(' ').append(cb).append(' ').append(pick(r, EN_TOPIC))
            .append('.');
        case 4 -> sb.append(p).append(" met officials from ").append(cb).append(" in ").append(ca).append(" to discuss ")
            .append(pick(r, EN_TOPIC)).append('.');
        case 5 -> sb.append("According to the ").append(org).append(", ").append(ca).append(' ').append(c).append(' ')
            .append(pick(r, EN_TOPIC)).append('.');
        case 6 -> sb.append(pick(r, EN_SUBJ)).append(" in ").append(ca).append(' ').append(pick(r, EN_NEUTRAL))
            .append(' ').append(pick(r, EN_TOPIC)).append('.');
        default -> sb.append(p).append(" added that ").append(ca).append(' ').append(c).append(' ').append(cb)
            .append(", calling it \"").append(pick(r, EN_QUOTE)).append(".\"");
      }
    }
  }

  private void title(SplittableRandom r, boolean ar, Story st, StringBuilder sb) {
    int lang = ar ? 1 : 0;
    String ca = countries[st.a()][lang];
    String cb = countries[st.b()][lang];
    if (r.nextInt(3) == 0) {
      sb.append(ar ? pick(r, AR_OBJ) : pick(r, EN_OBJ));
    } else if (ar) {
      sb.append(ca).append(" و").append(cb).append(": ").append(pick(r, AR_TOPIC));
    } else {
      sb.append(ca).append(" and ").append(cb).append(": ").append(pick(r, EN_TOPIC));
    }
  }

  /** Tashkeel on some words, tatweel in a few. */
  private static void mess(SplittableRandom r, StringBuilder sb) {
    if (r.nextInt(6) != 0) {
      return;
    }
    for (int k = 1; k + 1 < sb.length(); k++) {
      char c = sb.charAt(k);
      char prev = sb.charAt(k - 1);
      if (c >= 'ب' && c <= 'ي' && prev >= 'ب' && prev <= 'ي') {
        int x = r.nextInt(14);
        if (x == 0) {
          sb.insert(k, TASHKEEL[r.nextInt(TASHKEEL.length)]);
          k++;
        } else if (x == 1 && c != 'ه' && c != 'ة') {
          sb.insert(k, 'ـ');
          k++;
        }
      }
    }
  }

  private static final char[] TASHKEEL = {'\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u064B'};

  private static final String[] SOURCE_A = {"Gulf", "Levant", "Nile", "Atlas", "Crescent", "Horizon", "Meridian",
      "Cedar", "Oasis", "Harbor", "Summit", "Falcon", "Palm", "Delta", "Dune"};
  private static final String[] SOURCE_B = {"Times", "Post", "Courier", "Daily", "Tribune", "Herald", "Observer",
      "Monitor", "Wire", "Review", "Gazette"};

  // ---- English vocabulary (written for this generator) ----
  private static final String[] EN_SUBJ = {"The finance ministry", "Local officials", "The central bank", "Analysts",
      "The parliamentary committee", "Residents of the old quarter", "Economists", "The state-owned company",
      "Festival organisers", "Farmers in the northern valley", "The teachers' union", "The city council",
      "Health authorities", "Railway engineers", "Market traders", "The statistics office", "University researchers",
      "The football federation", "Port operators", "The national weather service"};
  private static final String[] EN_VERB = {"announced", "reviewed", "discussed", "postponed", "published", "approved",
      "presented", "examined", "revised", "defended", "outlined", "unveiled", "questioned", "completed"};
  private static final String[] EN_OBJ = {"a new budget for road maintenance", "the quarterly inflation figures",
      "plans to expand the water network", "the annual education budget", "the results of the farm survey",
      "a programme to support small businesses", "a report on traffic in the city centre",
      "new rules for wholesale markets", "the timetable for the coming school year",
      "a scheme to renovate public housing", "figures on seasonal employment", "the draft law on pensions",
      "a study of rainfall over the last decade", "the tender for a new bus depot", "the schedule of the book fair"};
  private static final String[] EN_ADV = {"on Tuesday", "after a long meeting", "amid rising prices",
      "in a statement to reporters", "earlier this month", "at a press conference", "according to people familiar with it",
      "late on Sunday", "for the third time this year", "despite heavy rain", "ahead of the holiday season"};
  private static final String[] EN_TAIL = {"a move welcomed by shop owners", "though details remain scarce",
      "with a final vote expected next week", "adding that further steps would follow",
      "while critics called the figures too optimistic", "as commuters complained about delays"};
  private static final String[] EN_TOPIC = {"on trade and energy", "over the border crossing", "on water sharing",
      "over fishing rights", "on the new pipeline", "over grain exports", "on visa rules", "over the disputed island",
      "on customs tariffs", "on the peace framework", "over airspace incidents", "on investment in ports"};
  private static final String[] EN_NEUTRAL = {"held talks", "exchanged letters", "discussed", "reviewed",
      "addressed", "commented on", "met to consider"};
  private static final String[] EN_QUOTE = {"a turning point", "a matter for both governments", "only the first step",
      "something we have to watch closely", "an issue that will not go away"};

  // ---- Arabic vocabulary (written for this generator) ----
  private static final String[] AR_VERB = {"أعلن", "ناقش", "راجع", "أجّل", "نشر", "أقر", "درس", "استعرض", "قدّم",
      "عدّل", "أوضح", "كشف", "أنجز", "بحث"};
  private static final String[] AR_SUBJ = {"وزارة المالية", "المسؤولون المحليون", "البنك المركزي", "المحللون",
      "اللجنة البرلمانية", "سكان الحي القديم", "الخبراء الاقتصاديون", "الشركة الحكومية", "منظمو المهرجان",
      "المزارعون في الوادي الشمالي", "نقابة المعلمين", "المجلس البلدي", "السلطات الصحية", "مهندسو السكك الحديدية",
      "التجار في السوق", "مكتب الإحصاء", "الباحثون في الجامعة", "اتحاد كرة القدم", "مشغلو الميناء",
      "هيئة الأرصاد الجوية"};
  private static final String[] AR_OBJ = {"ميزانية جديدة لصيانة الطرق", "أرقام التضخم الفصلية",
      "خطة لتوسيع شبكة المياه", "الميزانية السنوية للتعليم", "نتائج المسح الزراعي",
      "برنامجا لدعم المشروعات الصغيرة", "تقريرا عن حركة المرور في وسط المدينة", "قواعد جديدة لأسواق الجملة",
      "الجدول الزمني للعام الدراسي المقبل", "مشروعا لترميم المساكن الشعبية", "أرقام العمالة الموسمية",
      "مسودة قانون المعاشات", "دراسة عن الأمطار في العقد الأخير", "مناقصة لبناء مرآب جديد للحافلات",
      "برنامج معرض الكتاب"};
  private static final String[] AR_ADV = {"يوم الثلاثاء", "بعد اجتماع طويل", "وسط ارتفاع الأسعار",
      "في بيان للصحفيين", "في وقت سابق من هذا الشهر", "خلال مؤتمر صحفي", "وفق مصادر مطلعة", "مساء الأحد",
      "للمرة الثالثة هذا العام", "رغم الأمطار الغزيرة", "قبيل موسم الأعياد"};
  private static final String[] AR_TAIL = {"وهي خطوة رحب بها أصحاب المحلات", "من دون تفاصيل إضافية",
      "على أن يجري التصويت النهائي الأسبوع المقبل", "مضيفا أن خطوات أخرى ستتبع",
      "فيما رأى منتقدون أن الأرقام متفائلة أكثر من اللازم", "بينما اشتكى الركاب من التأخير"};
  private static final String[] AR_TOPIC = {"في مجالي التجارة والطاقة", "بشأن المعبر الحدودي", "حول تقاسم المياه",
      "بشأن حقوق الصيد", "حول خط الأنابيب الجديد", "بشأن صادرات الحبوب", "حول قواعد التأشيرات",
      "بشأن الجزيرة المتنازع عليها", "حول الرسوم الجمركية", "بشأن إطار السلام", "حول حوادث المجال الجوي",
      "بشأن الاستثمار في الموانئ"};
  private static final String[] AR_NEUTRAL = {"أجرى محادثات", "تبادل الرسائل", "ناقش", "راجع", "تناول",
      "علّق على", "اجتمع للنظر"};
  private static final String[] AR_QUOTE = {"هذه نقطة تحول", "الأمر يخص الحكومتين", "هذه مجرد خطوة أولى",
      "علينا أن نراقب الوضع عن كثب", "المسألة لن تختفي"};
}

package dev.mizan.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mizan.testutil.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the team's labelled sentences: the development set (src/sample/devset.jsonl) and the training and
 * validation sentences (src/train/news-sentences.jsonl). Every line must be a JSON object with the documented
 * fields and values, dyads and speakers must exist in the gazetteer (a speaker must hold a role on the row's
 * date), the news file must meet its size, language and class-balance floors, and no text may be copied from
 * the shared UN QuadClass or UNSCon files. No Spark: this is plain file checking.
 */
class LabelledFilesTest {
  static final Set<String> QUADS = Set.of("irrelevant", "verbal_cooperation", "material_cooperation",
      "verbal_conflict", "material_conflict");
  static final Set<String> STANCES = Set.of("cooperative", "neutral", "conflictual");
  static final Set<String> NEWS_FIELDS = Set.of("id", "lang", "text", "dyads", "stance", "quad", "speaker", "date",
      "split");
  static final Set<String> DEV_FIELDS = Set.of("id", "lang", "text", "dyads", "stance", "quad", "speaker", "date",
      "phenomena", "split");
  static final Pattern DYAD = Pattern.compile("^([A-Z]{3})-([A-Z]{3})$");
  static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

  /** One kind of file: its required fields, id pattern and split values. */
  record Kind(String name, Set<String> fields, boolean exactFields, Pattern id, Set<String> splits) {}

  static final Kind NEWS = new Kind("news", NEWS_FIELDS, true, Pattern.compile("^news-(ar|en)-\\d{4}$"),
      Set.of("train", "validation"));
  static final Kind DEV = new Kind("devset", DEV_FIELDS, true, Pattern.compile("^dev-(ar|en)-\\d{4}$"),
      Set.of("train", "dev"));

  static final ObjectMapper OM = new ObjectMapper();
  static Set<String> iso3;
  static Map<String, List<LocalDate[]>> roles;
  static List<JsonNode> news;
  static List<JsonNode> dev;

  @BeforeAll
  static void load() throws IOException {
    Path gaz = Paths.basedir().resolve("src/main/resources/mizan/gazetteer");
    iso3 = new HashSet<>();
    for (String[] c : tsv(gaz.resolve("countries.tsv"))) {
      iso3.add(c[0]);
    }
    roles = new HashMap<>();
    for (String[] c : tsv(gaz.resolve("actors.tsv"))) {
      LocalDate from = c[4].isEmpty() ? LocalDate.MIN : LocalDate.parse(c[4]);
      LocalDate to = c.length < 6 || c[5].isEmpty() ? LocalDate.MAX : LocalDate.parse(c[5]);
      roles.computeIfAbsent(c[0], k -> new ArrayList<>()).add(new LocalDate[] {from, to});
    }
    news = rows(Paths.basedir().resolve("src/train/news-sentences.jsonl"));
    dev = rows(Paths.basedir().resolve("src/sample/devset.jsonl"));
  }

  /** The data rows of a gazetteer TSV file (no header, no comments, tabs kept). */
  static List<String[]> tsv(Path p) throws IOException {
    List<String[]> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    for (String l : lines.subList(1, lines.size())) {
      if (!l.isBlank() && !l.startsWith("#")) {
        out.add(l.split("\t", -1));
      }
    }
    return out;
  }

  /** Each line parsed as JSON; a line that is not a JSON object fails with its number. */
  static List<JsonNode> rows(Path p) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      JsonNode n;
      try {
        n = OM.readTree(lines.get(i));
      } catch (IOException e) {
        throw new AssertionError(p.getFileName() + " line " + (i + 1) + " is not valid JSON: " + e.getMessage());
      }
      assertThat(n != null && n.isObject()).as("%s line %d is a JSON object", p.getFileName(), i + 1).isTrue();
      out.add(n);
    }
    return out;
  }

  /** Everything wrong with one row, each problem naming the row id and the field. Empty when the row is good. */
  static List<String> problems(JsonNode r, Kind kind) {
    List<String> out = new ArrayList<>();
    String id = r.path("id").asText("<no id>");
    Set<String> names = new HashSet<>();
    r.fieldNames().forEachRemaining(names::add);
    for (String f : kind.fields()) {
      if (!names.contains(f)) {
        out.add(id + ": missing field " + f);
      }
    }
    if (kind.exactFields()) {
      for (String f : names) {
        if (!kind.fields().contains(f)) {
          out.add(id + ": unexpected field " + f);
        }
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    String lang = r.get("lang").asText();
    var m = kind.id().matcher(id);
    if (!m.matches()) {
      out.add(id + ": id does not match " + kind.id().pattern());
    } else if (!m.group(1).equals(lang)) {
      out.add(id + ": id language does not match lang=" + lang);
    }
    if (!r.get("text").isTextual() || r.get("text").asText().isBlank()
        || !r.get("text").asText().equals(r.get("text").asText().strip())) {
      out.add(id + ": text must be a non-blank string without surrounding spaces");
    }
    String stance = r.get("stance").asText();
    String quad = r.get("quad").asText();
    if (!STANCES.contains(stance)) {
      out.add(id + ": stance=" + stance + " is not one of " + STANCES);
    }
    if (!QUADS.contains(quad)) {
      out.add(id + ": quad=" + quad + " is not one of " + QUADS);
    }
    if (!kind.splits().contains(r.get("split").asText())) {
      out.add(id + ": split=" + r.get("split").asText() + " is not one of " + kind.splits());
    }
    LocalDate date = null;
    try {
      date = LocalDate.parse(r.get("date").asText());
      if (date.getYear() != 2025) {
        out.add(id + ": date=" + date + " is not in 2025");
      }
    } catch (DateTimeParseException e) {
      out.add(id + ": date=" + r.get("date") + " is not an ISO date");
    }
    JsonNode dyads = r.get("dyads");
    List<String> ds = new ArrayList<>();
    if (!dyads.isArray()) {
      out.add(id + ": dyads is not an array");
    } else {
      for (JsonNode d : dyads) {
        String s = d.asText();
        ds.add(s);
        var dm = DYAD.matcher(s);
        if (!d.isTextual() || !dm.matches()) {
          out.add(id + ": dyad " + d + " is not AAA-BBB");
          continue;
        }
        if (dm.group(1).compareTo(dm.group(2)) >= 0) {
          out.add(id + ": dyad " + s + " is not in alphabetical order");
        }
        for (String c : List.of(dm.group(1), dm.group(2))) {
          if (!iso3.contains(c)) {
            out.add(id + ": dyad " + s + " uses " + c + ", which countries.tsv does not know");
          }
        }
      }
      if (!ds.equals(ds.stream().sorted().distinct().toList())) {
        out.add(id + ": dyads " + ds + " are not sorted and distinct");
      }
    }
    if (ds.isEmpty() && !stance.equals("neutral")) {
      out.add(id + ": a row with no dyad must be neutral, not " + stance);
    }
    if (quad.equals("irrelevant") && (!ds.isEmpty() || !stance.equals("neutral"))) {
      out.add(id + ": an irrelevant row must have no dyad and a neutral stance");
    }
    if (stance.equals("cooperative") && !quad.endsWith("_cooperation")
        || stance.equals("conflictual") && !quad.endsWith("_conflict")) {
      out.add(id + ": stance=" + stance + " contradicts quad=" + quad);
    }
    JsonNode sp = r.get("speaker");
    if (!sp.isNull()) {
      String slug = sp.asText();
      if (!sp.isTextual() || !SLUG.matcher(slug).matches() || !roles.containsKey(slug)) {
        out.add(id + ": speaker=" + sp + " is not a slug in actors.tsv");
      } else if (date != null) {
        LocalDate d = date;
        if (roles.get(slug).stream().noneMatch(x -> !d.isBefore(x[0]) && !d.isAfter(x[1]))) {
          out.add(id + ": speaker=" + slug + " holds no role in actors.tsv on " + d);
        }
      }
    }
    return out;
  }

  static List<String> problems(List<JsonNode> rows, Kind kind) {
    List<String> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode r : rows) {
      out.addAll(problems(r, kind));
      if (!ids.add(r.path("id").asText())) {
        out.add(r.path("id").asText() + ": duplicate id");
      }
    }
    return out;
  }

  static Map<String, Integer> count(List<JsonNode> rows, String field) {
    Map<String, Integer> c = new TreeMap<>();
    rows.forEach(r -> c.merge(r.get(field).asText(), 1, Integer::sum));
    return c;
  }

  @Test
  void everyNewsRowIsWellFormed() {
    assertThat(problems(news, NEWS)).isEmpty();
  }

  @Test
  void everyDevsetRowIsWellFormedAndHasAQuad() {
    assertThat(dev).hasSize(300);
    assertThat(problems(dev, DEV)).isEmpty();
    assertThat(count(dev, "quad").keySet()).isEqualTo(new java.util.TreeSet<>(QUADS));
  }

  @Test
  void newsFileMeetsItsSizeLanguageAndBalanceFloors() {
    int n = news.size();
    assertThat(n).isGreaterThanOrEqualTo(600);
    double ar = count(news, "lang").getOrDefault("ar", 0) / (double) n;
    assertThat(ar).as("Arabic share").isBetween(0.65, 0.75);
    Map<String, Integer> quads = count(news, "quad");
    for (String q : QUADS) {
      assertThat(quads.getOrDefault(q, 0) / (double) n).as("share of quad=%s", q).isGreaterThanOrEqualTo(0.15);
    }
    for (String s : STANCES) {
      assertThat(count(news, "stance").getOrDefault(s, 0) / (double) n).as("share of stance=%s", s)
          .isGreaterThanOrEqualTo(0.15);
    }
    // the validation rows are fixed (154, never changed); later training batches lower their share, so the floor is
    // on their number and a share of at least 15 %
    int validationRows = count(news, "split").getOrDefault("validation", 0);
    assertThat(validationRows).as("validation rows").isGreaterThanOrEqualTo(150);
    assertThat(validationRows / (double) n).as("validation share").isBetween(0.15, 0.3);
    // every language x quad cell is in both splits, so validation scores cover all classes in both languages
    Set<String> cells = new HashSet<>();
    news.forEach(r -> cells.add(r.get("lang").asText() + "/" + r.get("quad").asText() + "/" + r.get("split").asText()));
    for (String lang : List.of("ar", "en")) {
      for (String q : QUADS) {
        assertThat(cells).contains(lang + "/" + q + "/train", lang + "/" + q + "/validation");
      }
    }
    // bilateral relations beyond a handful of pairs
    Set<String> dyads = new HashSet<>();
    news.forEach(r -> r.get("dyads").forEach(d -> dyads.add(d.asText())));
    assertThat(dyads.size()).as("distinct dyads").isGreaterThanOrEqualTo(60);
  }

  @Test
  void noTextIsRepeatedAcrossOurFiles() {
    Map<String, String> seen = new HashMap<>();
    List<String> dup = new ArrayList<>();
    for (JsonNode r : concat(dev, news)) {
      String prev = seen.putIfAbsent(r.get("text").asText(), r.get("id").asText());
      if (prev != null) {
        dup.add(r.get("id").asText() + " repeats " + prev);
      }
    }
    assertThat(dup).isEmpty();
  }

  @Test
  void noTextIsCopiedFromTheSharedDatasets() throws IOException {
    Path data = Paths.shared().resolve("data");
    List<Path> files = List.of(
        data.resolve("un-quadclass-ar-en/ar/ar_annotations_quad_multiclass.tsv"),
        data.resolve("un-quadclass-ar-en/en/en_annotations_quad_multiclass.tsv"),
        data.resolve("unscon-en/conflict_annotations_sentences.csv"));
    List<String> hits = new ArrayList<>();
    for (Path f : files) {
      String all = Files.readString(f, StandardCharsets.UTF_8);
      assertThat(all.length()).as("size of %s", f).isGreaterThan(100_000);
      for (JsonNode r : concat(dev, news)) {
        if (all.contains(r.get("text").asText())) {
          hits.add(r.get("id").asText() + " occurs in " + f.getFileName());
        }
      }
    }
    assertThat(hits).isEmpty();
  }

  @Test
  void theChecksRejectBadRows() throws IOException {
    ObjectNode good = (ObjectNode) OM.readTree("{\"id\": \"news-en-0001\", \"lang\": \"en\", "
        + "\"text\": \"The two ministers agreed to reopen the ferry line.\", \"dyads\": [\"OMN-QAT\"], "
        + "\"stance\": \"cooperative\", \"quad\": \"material_cooperation\", \"speaker\": null, "
        + "\"date\": \"2025-05-02\", \"split\": \"train\"}");
    assertThat(problems(good, NEWS)).isEmpty();

    Map<String, String> bad = new java.util.LinkedHashMap<>();
    bad.put("{\"dyads\": [\"QAT-OMN\"]}", "not in alphabetical order");
    bad.put("{\"dyads\": [\"OMN-XYZ\"]}", "uses XYZ, which countries.tsv does not know");
    bad.put("{\"dyads\": [\"OMN_QAT\"]}", "is not AAA-BBB");
    bad.put("{\"quad\": \"cooperation\"}", "quad=cooperation is not one of");
    bad.put("{\"stance\": \"positive\"}", "stance=positive is not one of");
    bad.put("{\"split\": \"test\"}", "split=test is not one of");
    bad.put("{\"speaker\": \"nobody-at-all\"}", "is not a slug in actors.tsv");
    bad.put("{\"speaker\": \"marco-rubio\", \"date\": \"2025-01-10\"}", "holds no role in actors.tsv on 2025-01-10");
    bad.put("{\"stance\": \"conflictual\"}", "contradicts quad=material_cooperation");
    bad.put("{\"quad\": \"irrelevant\", \"stance\": \"neutral\"}", "irrelevant row must have no dyad");
    bad.put("{\"dyads\": [], \"stance\": \"cooperative\"}", "no dyad must be neutral");
    bad.put("{\"lang\": \"ar\"}", "id language does not match lang=ar");
    bad.put("{\"date\": \"02/05/2025\"}", "is not an ISO date");
    for (Map.Entry<String, String> e : bad.entrySet()) {
      ObjectNode row = good.deepCopy();
      JsonNode patch = OM.readTree(e.getKey());
      for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        row.set(f.getKey(), f.getValue());
      }
      assertThat(String.join("\n", problems(row, NEWS))).as(e.getKey()).contains(e.getValue());
    }
    ObjectNode missing = good.deepCopy();
    missing.remove("quad");
    assertThat(problems(missing, NEWS)).containsExactly("news-en-0001: missing field quad");
    ObjectNode extra = good.deepCopy();
    extra.put("note", "x");
    assertThat(problems(extra, NEWS)).containsExactly("news-en-0001: unexpected field note");
    assertThat(problems(List.of(good, good), NEWS)).containsExactly("news-en-0001: duplicate id");
  }

  static List<JsonNode> concat(List<JsonNode> a, List<JsonNode> b) {
    List<JsonNode> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}

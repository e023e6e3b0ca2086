package dev.mizan.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mizan.config.ConfigError;
import dev.mizan.testutil.Paths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The evaluate readers on small files written here (our own sentences), and two checks against the shared data. */
class LabelledDataTest {
  @TempDir
  Path dir;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void theFixedSplitIsTheFirstByteOfSha1BelowThirtyNine() {
    // sha1("row 241") = 26bac442… (first byte 38 → test); sha1("row 146") = 278f77e5… (39 → train)
    assertThat(LabelledData.unIsTest("row 241")).isTrue();
    assertThat(LabelledData.unIsTest("row 146")).isFalse();
    // sha1("peace talks") = 0070c6b5… (0 → test); sha1("abc") = a9993e36… (169 → train)
    assertThat(LabelledData.unIsTest("peace talks")).isTrue();
    assertThat(LabelledData.unIsTest("abc")).isFalse();
    // no trimming: " padded " hashes to 9819… (train), "padded" would be another row
    assertThat(LabelledData.unIsTest(" padded ")).isFalse();
  }

  @Test
  void delimitedRecordsHonourQuotesDoubledQuotesAndCrLf() {
    List<List<String>> r = LabelledData.Delimited.parse(
        "a\tb\n\"x\ty\"\t\"say \"\"no\"\"\"\r\nplain \"inner\" quote\t3\n\t\n", '\t');
    assertThat(r).containsExactly(
        List.of("a", "b"),
        List.of("x\ty", "say \"no\""),
        List.of("plain \"inner\" quote", "3"),
        List.of("", ""));
    assertThat(LabelledData.Delimited.parse("k,v\n\"multi\nline\",1", ','))
        .containsExactly(List.of("k", "v"), List.of("multi\nline", "1"));
  }

  @Test
  void unQuadClassMapsCodesAndSplits() throws IOException {
    Path tsv = file("un/en/en_annotations_quad_multiclass.tsv", String.join("\n",
        "en\tQuadClass",
        "row 241\t2", // test (sha1 26…)
        "row 146\t3", // train (sha1 27…)
        "\"peace talks\"\t0", // quoted; test
        "dropped: several labels\t-1",
        "abc\t4") + "\n"); // train
    LabelledData.Data test = LabelledData.unQuadClass(dir.resolve("un"), "en", "test");
    assertThat(test.file()).isEqualTo(tsv);
    assertThat(test.rows()).extracting(Example::id).containsExactly("un-quadclass-en-1", "un-quadclass-en-3");
    Example first = test.rows().get(0);
    assertThat(first.quad()).isEqualTo("material_cooperation");
    assertThat(first.stance()).isEqualTo("cooperative");
    assertThat(first.lang()).isEqualTo("en");
    assertThat(first.row()).isEqualTo(1);
    assertThat(test.rows().get(1).text()).isEqualTo("peace talks");
    assertThat(test.rows().get(1).stance()).isEqualTo("neutral");

    LabelledData.Data train = LabelledData.unQuadClass(tsv, "en", "train");
    assertThat(train.rows()).extracting(Example::quad).containsExactly("verbal_conflict", "verbal_cooperation");
    assertThat(train.rows()).extracting(Example::stance).containsExactly("conflictual", "cooperative");
    assertThat(LabelledData.unQuadClass(tsv, "en", "all").rows()).hasSize(4);

    assertThatThrownBy(() -> LabelledData.unQuadClass(tsv, "en", "dev")).isInstanceOf(ConfigError.class)
        .hasMessage("--split \"dev\" is not a split of un-quadclass: expected one of test, train, all");
    assertThatThrownBy(() -> LabelledData.unQuadClass(tsv, "ar", "test")).isInstanceOf(ConfigError.class)
        .hasMessageContaining("holds the \"en\" column but --lang is \"ar\"");
    Path bad = file("bad.tsv", "en\tQuadClass\nsome text\t7\n");
    assertThatThrownBy(() -> LabelledData.unQuadClass(bad, "en", "all")).isInstanceOf(ConfigError.class)
        .hasMessage(bad + ": row 1: QuadClass \"7\" is not a code 0..4");
    assertThatThrownBy(() -> LabelledData.unQuadClass(dir.resolve("nowhere"), "en", "test"))
        .isInstanceOf(ConfigError.class).hasMessageStartingWith("--input " + dir.resolve("nowhere") + ": no such file");
  }

  @Test
  void unsconGoldIsANegativeEvaluationOrAChallenge() throws IOException {
    Path csv = file("unscon/conflict_annotations_sentences.csv", String.join("\n",
        "file_id,sentence_text,A0,B1,country",
        "f1,\"We regret, once more, the delay .\",Direct_NegEval,_,X",
        "f1,We thank the briefer .,_,_,X",
        "f2,\"That claim is \"\"simply wrong\"\" .\",_,Correction,Y") + "\n");
    LabelledData.Data d = LabelledData.unscon(dir.resolve("unscon"), "all");
    assertThat(d.rows()).extracting(Example::conflict).containsExactly(true, false, true);
    assertThat(d.rows()).extracting(Example::id).containsExactly("unscon-1", "unscon-2", "unscon-3");
    assertThat(d.rows().get(0).text()).isEqualTo("We regret, once more, the delay .");
    assertThat(d.rows().get(2).text()).isEqualTo("That claim is \"simply wrong\" .");
    assertThat(d.rows()).allSatisfy(e -> assertThat(e.stance()).isNull());
    assertThatThrownBy(() -> LabelledData.unscon(csv, "test")).isInstanceOf(ConfigError.class)
        .hasMessageContaining("--split \"test\" is not a split of unscon");

    // the baseline file beside it: 2 of 3 right, conflict P 1/1, R 1/2
    file("unscon/lexicoder_output_sents.csv", String.join("\n",
        "file_id,sentence_text,A0,B1,ALL_score_binary,lexicoder_score_binary",
        "f1,a,Direct_NegEval,_,1,1",
        "f1,b,_,_,0,0",
        "f2,c,_,Correction,1,0") + "\n");
    LabelledData.Baseline b = LabelledData.lexicoderBaseline(csv);
    assertThat(b.rows()).isEqualTo(3);
    assertThat(b.goldAgreement()).isEqualTo(3);
    assertThat(b.confusion().accuracy()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(b.confusion().f1("conflict")).isCloseTo(2.0 / 3, within(1e-9));
  }

  @Test
  void jsonLinesReadLabelsWhereTheyExist() throws IOException {
    Path f = file("set.jsonl", String.join("\n",
        "{\"id\":\"a\",\"text\":\"Oslo and Rome signed a pact.\",\"lang\":\"en\",\"dyads\":[\"ITA-NOR\"],"
            + "\"stance\":\"cooperative\",\"speaker\":null,\"date\":\"2025-03-01\",\"split\":\"dev\"}",
        "",
        "{\"id\":\"b\",\"text\":\"Quiet day.\",\"quad\":\"irrelevant\",\"dyad\":\"ITA-NOR\"}",
        "{\"id\":\"c\",\"text\":\"Lima protested.\",\"lang\":\"en\",\"stance\":\"conflictual\",\"speaker\":\"someone\","
            + "\"split\":\"dev\"}"));
    LabelledData.Data all = LabelledData.jsonl(f, "", "all");
    assertThat(all.rows()).extracting(Example::id).containsExactly("a", "b", "c");
    Example a = all.rows().get(0);
    assertThat(a.dyads()).containsExactly("ITA-NOR");
    assertThat(a.speakerLabelled()).isTrue();
    assertThat(a.speaker()).isNull();
    assertThat(a.date()).hasToString("2025-03-01");
    assertThat(a.conflict()).isFalse();
    Example b = all.rows().get(1);
    assertThat(b.row()).isEqualTo(3);
    assertThat(b.split()).isEqualTo("train"); // no split field
    assertThat(b.stance()).isNull();
    assertThat(b.quad()).isEqualTo("irrelevant");
    assertThat(b.dyads()).containsExactly("ITA-NOR");
    assertThat(b.speakerLabelled()).isFalse();
    assertThat(all.rows().get(2).speaker()).isEqualTo("someone");

    assertThat(LabelledData.jsonl(f, "", "dev").rows()).extracting(Example::id).containsExactly("a", "c");
    assertThat(LabelledData.jsonl(f, "en", "all").rows()).extracting(Example::id).containsExactly("a", "c");
    assertThatThrownBy(() -> LabelledData.jsonl(f, "", "validation")).isInstanceOf(ConfigError.class)
        .hasMessage("--split \"validation\" is not a split of " + f + ": its splits are [dev, train] (or use all)");

    Path badStance = file("bad.jsonl", "{\"id\":\"x\",\"text\":\"t\",\"stance\":\"hostile\"}\n");
    assertThatThrownBy(() -> LabelledData.jsonl(badStance, "", "all")).isInstanceOf(ConfigError.class)
        .hasMessage(badStance + ": line 1: stance \"hostile\" is not one of cooperative, neutral, conflictual");
    Path twice = file("twice.jsonl", "{\"id\":\"x\",\"text\":\"t\"}\n{\"id\":\"x\",\"text\":\"u\"}\n");
    assertThatThrownBy(() -> LabelledData.jsonl(twice, "", "all")).isInstanceOf(ConfigError.class)
        .hasMessage(twice + ": line 2: id \"x\" appears twice");
    Path notJson = file("broken.jsonl", "{\"id\":\"x\",\n");
    assertThatThrownBy(() -> LabelledData.jsonl(notJson, "", "all")).isInstanceOf(ConfigError.class)
        .hasMessageStartingWith(notJson + ": line 1 is not JSON");
  }

  @Test
  void sharedDataTheArabicTestSplitHas942RowsAndTheLexicoderBaselineIsRecomputed() {
    Path data = Paths.shared().resolve("data");
    LabelledData.Data ar = LabelledData.unQuadClass(data.resolve("un-quadclass-ar-en"), "ar", "test");
    assertThat(ar.rows()).hasSize(942);
    assertThat(LabelledData.unQuadClass(data.resolve("un-quadclass-ar-en"), "ar", "all").rows()).hasSize(5979);

    LabelledData.Data unscon = LabelledData.unscon(data.resolve("unscon-en"), "all");
    assertThat(unscon.rows()).hasSize(2377);
    LabelledData.Baseline b = LabelledData.lexicoderBaseline(unscon.file());
    assertThat(b.goldAgreement()).as("shipped ALL_score_binary = A0 or B1 annotated").isEqualTo(2377);
    assertThat(b.confusion().accuracy()).isCloseTo(0.704, within(0.0005));
    assertThat(b.confusion().f1("conflict")).isCloseTo(0.513, within(0.0005));
  }
}

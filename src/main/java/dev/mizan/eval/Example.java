package dev.mizan.eval;

import java.time.LocalDate;
import java.util.List;

/**
 * One labelled text unit, as the readers of {@link LabelledData} produce it. A null label means "not labelled in this
 * dataset" (it is then left out of that metric), except {@code speaker}: with {@code speakerLabelled} true a null
 * speaker is the gold answer "no speaker".
 *
 * @param id              unique within the dataset (for UN QuadClass and UNSCon: the dataset name and row number)
 * @param row             1-based row number in the source file (header not counted; jsonl: line number)
 * @param text            the text unit
 * @param lang            "ar", "en" or null (detect)
 * @param date            the date that dates role descriptions, or null (the analyser then uses today)
 * @param split           the split the row belongs to
 * @param stance          gold stance: cooperative | neutral | conflictual, or null
 * @param quad            gold quad class (irrelevant, material_conflict, …), or null
 * @param dyads           gold dyads ("AAA-BBB"), or null when not labelled
 * @param speakerLabelled whether the row carries a speaker label
 * @param speaker         gold speaker slug (null: none)
 * @param conflict        gold binary conflict label, or null
 */
public record Example(
    String id,
    long row,
    String text,
    String lang,
    LocalDate date,
    String split,
    String stance,
    String quad,
    List<String> dyads,
    boolean speakerLabelled,
    String speaker,
    Boolean conflict) {
  public Example {
    dyads = dyads == null ? null : List.copyOf(dyads);
  }
}

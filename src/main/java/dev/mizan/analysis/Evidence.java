package dev.mizan.analysis;

import java.io.Serializable;

/** One cue that contributed to a score: the text as it appears in the sentence, its [start, end) char offsets
 *  into the sentence string, and its signed weight after negation/modality/contrast (> 0 cooperative). */
public record Evidence(String text, int start, int end, double weight) implements Serializable {}

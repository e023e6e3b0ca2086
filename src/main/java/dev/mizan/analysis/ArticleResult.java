package dev.mizan.analysis;

import java.io.Serializable;
import java.util.List;

/**
 * The reading of one article.
 *
 * @param lang          detected (or given) language: "ar", "en", "other" (tagged, not scored) or "und"
 * @param sentenceCount all sentences found (title + body), stored or not
 * @param sentences     only the sentences that name a country or actor, or carry a dyad from context
 */
public record ArticleResult(String lang, int sentenceCount, List<SentenceResult> sentences) implements Serializable {}

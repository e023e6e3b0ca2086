package dev.mizan.text;

/**
 * Script-based language identification. Counts letters per script in one pass:
 * <ul>
 *   <li>no letters → {@link Lang#UNKNOWN};</li>
 *   <li>Arabic script is at least half of the letters → {@link Lang#AR}, unless letters specific to Persian/Urdu
 *       (پ چ ژ گ ٹ ڈ ڑ ں ے) make up more than 1% of the Arabic letters → {@link Lang#OTHER};</li>
 *   <li>Latin script is at least half of the letters → {@link Lang#EN}, unless the text has more French, Spanish or
 *       German function words than English ones → {@link Lang#OTHER};</li>
 *   <li>any other dominant script (Cyrillic, Han, Devanagari …) → {@link Lang#OTHER}.</li>
 * </ul>
 */
public final class LanguageDetector {
  private static final java.util.Set<String> EN_WORDS = java.util.Set.of(
      "the", "of", "and", "to", "in", "is", "was", "that", "for", "on", "with", "said", "by", "as", "it", "are", "has",
      "have", "from", "at", "will", "its", "their", "his", "an", "be", "this", "which", "after", "between");
  private static final java.util.Set<String> OTHER_WORDS = java.util.Set.of(
      // French
      "le", "la", "les", "des", "du", "est", "une", "et", "dans", "pour", "avec", "sur", "qui", "au", "aux",
      // Spanish / Portuguese / Italian
      "el", "los", "las", "del", "y", "en", "por", "con", "una", "que", "para", "il", "di", "della", "não", "uma",
      // German
      "der", "die", "das", "und", "ist", "mit", "den", "dem", "nicht", "ein", "eine", "zu", "auf");

  private LanguageDetector() {}

  /** What {@link #detect} counts a char (≥ U+0080) as, precomputed from the same tests for every UTF-16 unit. */
  private static final byte NONE = 0;
  private static final byte ARABIC = 1;
  /** An Arabic-script letter specific to Persian/Urdu (پ چ ژ گ ٹ ڈ ڑ ں ے): counts as Arabic and as Persian. */
  private static final byte PERSIAN = 2;
  private static final byte LATIN = 3;
  private static final byte OTHER = 4;
  private static final byte[] SCRIPT = new byte[1 << 16];

  static {
    for (int x = 128; x < SCRIPT.length; x++) {
      char c = (char) x;
      byte k = NONE;
      if (ArabicNormalizer.isArabicLetter(c)) {
        k = c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ' || c == 'ٹ' || c == 'ڈ' || c == 'ڑ' || c == 'ں' || c == 'ے'
            ? PERSIAN : ARABIC;
      } else if (Character.isLetter(c)) {
        k = Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN ? LATIN : OTHER;
      }
      SCRIPT[x] = k;
    }
  }

  public static Lang detect(CharSequence text) {
    if (text == null) {
      return Lang.UNKNOWN;
    }
    int arabic = 0;
    int persian = 0;
    int latin = 0;
    int other = 0;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (c < 128) {
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
          latin++;
        }
        continue;
      }
      switch (SCRIPT[c]) {
        case ARABIC -> arabic++;
        case PERSIAN -> {
          arabic++;
          persian++;
        }
        case LATIN -> latin++;
        case OTHER -> other++;
        default -> { }
      }
    }
    int letters = arabic + latin + other;
    if (letters == 0) {
      return Lang.UNKNOWN;
    }
    if (arabic * 2 >= letters) {
      return persian * 100 > arabic ? Lang.OTHER : Lang.AR;
    }
    if (latin * 2 >= letters) {
      return latinLanguage(text);
    }
    return Lang.OTHER;
  }

  private static Lang latinLanguage(CharSequence text) {
    int en = 0;
    int ot = 0;
    int len = text.length();
    int i = 0;
    StringBuilder w = new StringBuilder(16);
    while (i < len && (en + ot) < 200) {
      char c = text.charAt(i++);
      if (Character.isLetter(c)) {
        w.append(Character.toLowerCase(c));
      } else if (w.length() > 0) {
        String s = w.toString();
        if (EN_WORDS.contains(s)) {
          en++;
        } else if (OTHER_WORDS.contains(s)) {
          ot++;
        }
        w.setLength(0);
      }
    }
    if (w.length() > 0) {
      String s = w.toString();
      if (EN_WORDS.contains(s)) {
        en++;
      } else if (OTHER_WORDS.contains(s)) {
        ot++;
      }
    }
    return ot > en ? Lang.OTHER : Lang.EN;
  }
}

package dev.mizan.text;

/** Languages Mizan reads. {@code OTHER} texts are tagged and counted, never scored. */
public enum Lang {
  AR("ar"), EN("en"), OTHER("other"), UNKNOWN("und");

  private final String code;

  Lang(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Parses a user-supplied language tag ("ar", "AR", "ar-EG", "en_US", "arabic"); null or blank → null. */
  public static Lang fromTag(String tag) {
    if (tag == null || tag.isBlank()) {
      return null;
    }
    String t = tag.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.startsWith("ar")) {
      return AR;
    }
    if (t.startsWith("en")) {
      return EN;
    }
    if (t.equals("und")) {
      return UNKNOWN;
    }
    return OTHER;
  }
}

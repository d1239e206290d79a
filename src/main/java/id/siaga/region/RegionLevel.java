package id.siaga.region;

/** The three administrative levels the product works with, told apart by the shape of the code. */
public enum RegionLevel {
  PROVINCE("\\d{2}"),
  REGENCY("\\d{2}\\.\\d{2}"),
  DISTRICT("\\d{2}\\.\\d{2}\\.\\d{2}");

  private final String codePattern;

  RegionLevel(String codePattern) {
    this.codePattern = codePattern;
  }

  public boolean accepts(String code) {
    return code != null && code.matches(codePattern);
  }

  /** The level of a well-formed Kemendagri code, or null when the code has no known shape. */
  public static RegionLevel ofCode(String code) {
    for (RegionLevel level : values()) {
      if (level.accepts(code)) {
        return level;
      }
    }
    return null;
  }
}

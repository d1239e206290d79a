package id.siaga.patrol;

/** The situation of a kecamatan in a situation report (laporan situasi). */
public enum Situation {
  AMAN("aman"),
  WASPADA("waspada"),
  RAWAN("rawan");

  private final String label;

  Situation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

package id.siaga.earlywarning;

/** How grave a reported threat is, as the officer filing it judges it. */
public enum Severity {
  RENDAH("Rendah"),
  SEDANG("Sedang"),
  TINGGI("Tinggi"),
  /** Acknowledged by Polres within 2 hours; Polres, Kodim and the coordinator are mailed at once. */
  DARURAT("Darurat");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

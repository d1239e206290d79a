package id.siaga.readiness;

/** The coordinator's declaration of a stage's readiness. */
public enum Declaration {
  SIAP("siap"),
  SIAP_DENGAN_CATATAN("siap dengan catatan"),
  BELUM_SIAP("belum siap");

  private final String label;

  Declaration(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

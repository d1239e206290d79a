package id.siaga.meeting;

/** An agency's readiness as it reports it before the meeting. */
public enum ReportedReadiness {
  SIAP("Siap"),
  SIAP_DENGAN_CATATAN("Siap dengan catatan"),
  BELUM_SIAP("Belum siap");

  private final String label;

  ReportedReadiness(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

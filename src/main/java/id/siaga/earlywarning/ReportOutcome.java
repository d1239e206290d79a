package id.siaga.earlywarning;

/** How the handling agency closes a report. */
public enum ReportOutcome {
  DITINDAKLANJUTI("Ditindaklanjuti"),
  SELESAI("Selesai"),
  TIDAK_TERBUKTI("Tidak terbukti"),
  DITERUSKAN_KE_PENYIDIKAN("Diteruskan ke penyidikan");

  private final String label;

  ReportOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

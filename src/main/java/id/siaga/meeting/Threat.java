package id.siaga.meeting;

/**
 * The threats (ATHG) an agency may see before a stage, as the threat list in the domain facts
 * names them; the options of the readiness report form.
 */
public enum Threat {
  POLITIK_UANG("Politik uang"),
  NETRALITAS_ASN_TNI_POLRI("Netralitas ASN, TNI dan Polri"),
  HOAKS("Hoaks dan disinformasi"),
  MOBILISASI_MASSA("Mobilisasi massa"),
  KEAMANAN_LOGISTIK("Keamanan logistik"),
  KELOMPOK_RADIKAL("Kelompok radikal"),
  POLARISASI("Polarisasi masyarakat"),
  SISA_SURAT_SUARA("Penyalahgunaan sisa surat suara"),
  LAINNYA("Lainnya");

  private final String label;

  Threat(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

package id.siaga.logistics;

/** What a Panwascam may find while supervising a delivery. */
public enum FindingCategory {
  KOTAK_BASAH("Kotak atau surat suara basah"),
  SEGEL_RUSAK("Segel rusak atau terbuka"),
  JUMLAH_TIDAK_SESUAI("Jumlah tidak sesuai dokumen"),
  TANPA_PENGAWALAN("Pengiriman tanpa pengawalan"),
  TERLAMBAT("Pengiriman terlambat"),
  LAINNYA("Lainnya");

  private final String label;

  FindingCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}

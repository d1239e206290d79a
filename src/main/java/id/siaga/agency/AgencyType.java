package id.siaga.agency;

/**
 * The agencies that take part in readiness in every region with a race, and how each is called
 * at regency/city level and at province level (Bahasa Indonesia, as the officers know them).
 */
public enum AgencyType {
  KPU("KPU", "KPU Provinsi"),
  BAWASLU("Bawaslu", "Bawaslu Provinsi"),
  POLRI("Polres", "Polda"),
  TNI("Kodim", "Korem"),
  KEJAKSAAN("Kejari", "Kejati"),
  KESBANGPOL("Badan Kesbangpol", "Badan Kesbangpol Provinsi"),
  PEMDA("Pemerintah", "Pemerintah Provinsi");

  private final String regencyPrefix;
  private final String provincePrefix;

  AgencyType(String regencyPrefix, String provincePrefix) {
    this.regencyPrefix = regencyPrefix;
    this.provincePrefix = provincePrefix;
  }

  /** "Polres Kota Palopo", "KPU Kabupaten Malang". */
  String regencyName(String regionName) {
    return regencyPrefix + " " + regionName;
  }

  /** "Polda Sulawesi Selatan", "KPU Provinsi Sulawesi Selatan". */
  String provinceName(String provinceName) {
    return provincePrefix + " " + provinceName;
  }

  /** Kesbangpol is the secretariat of Forkopimda readiness meetings: its members coordinate. */
  public boolean coordinates() {
    return this == KESBANGPOL;
  }
}

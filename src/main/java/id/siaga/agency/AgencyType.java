package id.siaga.agency;

/**
 * The agency lines that take part in readiness in every region with a race, and the generated
 * names of their regency/city and province units (Bahasa Indonesia), used where the reference
 * file {@code agency/units.yaml} has no real name. For TNI the province-level unit is the
 * generated Korem of a province whose Kodims the territory data does not place.
 */
public enum AgencyType {
  KPU("KPU", "KPU Provinsi"),
  BAWASLU("Bawaslu", "Bawaslu Provinsi"),
  POLRI("Polres", "Polda"),
  TNI("Kodim", "Korem wilayah"),
  KEJAKSAAN("Kejari", "Kejati"),
  KESBANGPOL("Badan Kesbangpol", "Badan Kesbangpol Provinsi"),
  PEMDA("Pemerintah", "Pemerintah Provinsi");

  private final String regencyPrefix;
  private final String provincePrefix;

  AgencyType(String regencyPrefix, String provincePrefix) {
    this.regencyPrefix = regencyPrefix;
    this.provincePrefix = provincePrefix;
  }

  /** "Polres Kota Gowa", "KPU Kabupaten Malang" (generated). */
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

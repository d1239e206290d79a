package id.siaga.region;

/**
 * A province, regency/city or kecamatan keyed by its Kemendagri code ({@code 73}, {@code 73.73},
 * {@code 73.73.01}).
 */
public record Region(
    String code,
    String name,
    RegionLevel level,
    String parentCode,
    String provinceCode,
    Zone zone,
    boolean hasRace,
    Vulnerability vulnerability,
    boolean remote,
    int tpsCount) {

  /** The process variable every process of the product sets: the code of the region it serves. */
  public static final String PROCESS_VARIABLE = "regionCode";

  public static String provinceOf(String code) {
    return code.substring(0, 2);
  }
}

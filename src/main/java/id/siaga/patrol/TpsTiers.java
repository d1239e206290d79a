package id.siaga.patrol;

/**
 * What Polres supplies for one kecamatan of a region before voting day: how many of its polling
 * stations (TPS) are in each security tier. The three add up to the kecamatan's TPS count (KPU's).
 *
 * @param origin IMPORT when Polres or an administrator imported it, DEMO for the shipped demo tiers
 */
public record TpsTiers(String districtCode, int lowRisk, int vulnerable, int highlyVulnerable, String origin) {

  public static final String IMPORTED = "IMPORT";
  public static final String DEMO = "DEMO";

  /** All TPS of the kecamatan, the three tiers together. */
  public long total() {
    return (long) lowRisk + vulnerable + highlyVulnerable;
  }
}

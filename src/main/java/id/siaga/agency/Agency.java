package id.siaga.agency;

/**
 * An agency of one region, which is one Camunda group. {@code escalatesTo} is the next link of
 * the escalation chain (regency/city agency → province counterpart → national desk).
 *
 * @param type null for the national desk
 * @param regionCode null for the national desk
 */
public record Agency(
    String groupId, AgencyType type, AgencyLevel level, String regionCode, String name,
    String escalatesTo) {

  /** The national election desk: the last link of every escalation chain. */
  public static final String NATIONAL_DESK = "desknasional";

  public static final String NATIONAL_DESK_NAME = "Desk Pilkada Nasional (Kemenko Polkam)";

  /**
   * Camunda allows only letters and digits in group ids by default, and we keep that default: the
   * id is the agency type and the region code without dots ({@code polri7373}, {@code polri73}).
   */
  public static String groupId(AgencyType type, String regionCode) {
    return type.name().toLowerCase() + regionCode.replace(".", "");
  }

  public boolean coordinates() {
    return level == AgencyLevel.NATIONAL || type.coordinates();
  }
}

package id.siaga.agency;

/**
 * An agency, which is one Camunda group. {@code escalatesTo} is the next link of the escalation
 * chain of its line (e.g. Polres → Polda → Mabes Polri; Kodim → Korem → Kodam); the top of a line
 * escalates to nobody, and the national desk is informed at the last level ({@code TaskEscalation}).
 *
 * @param type the agency's line; null for the national desk
 * @param regionCode the region it serves (for a Korem or Kodam: the province of its headquarters);
 *     null for the national bodies and the desk
 * @param nameOrigin whether the name is generated, the real one from the reference file, or set by an administrator
 * @param nameSource the public page the real name was checked against, or who changed it; null when generated
 */
public record Agency(
    String groupId, AgencyType type, AgencyLevel level, String regionCode, String name,
    String escalatesTo, NameOrigin nameOrigin, String nameSource) {

  /** The national election desk: informed at the last level of every escalation, sees everything. */
  public static final String NATIONAL_DESK = "desknasional";

  public static final String NATIONAL_DESK_NAME = "Desk Pilkada Nasional (Kemenko Polkam)";

  /**
   * Camunda allows only letters and digits in group ids by default, and we keep that default: the
   * id is the agency type and the region code without dots ({@code polri7373}, {@code polri73}).
   */
  public static String groupId(AgencyType type, String regionCode) {
    return type.name().toLowerCase() + regionCode.replace(".", "");
  }

  /** True when the name was made up from type and region and not checked against the real unit. */
  public boolean generated() {
    return nameOrigin == NameOrigin.GENERATED;
  }

  /** Kesbangpol of a regency/city or province, and the national desk, coordinate (Cockpit). */
  public boolean coordinates() {
    if (type == null) {
      return level == AgencyLevel.NATIONAL;
    }
    return type.coordinates() && (level == AgencyLevel.REGENCY || level == AgencyLevel.PROVINCE);
  }

  Agency withName(String newName, NameOrigin origin, String source) {
    return new Agency(groupId, type, level, regionCode, newName, escalatesTo, origin, source);
  }
}

package id.siaga.patrol;

import java.time.Instant;

/**
 * The plan and the assignments of one kecamatan in one stage ({@code siaga_patrol_district}).
 *
 * @param tableVersion which version of {@code patrol-plan.dmn} answered ("patrol-plan v1"), its answer in {@code table}
 * @param plan the plan as Polres confirmed it (the table's unless overridden)
 * @param overrideReason why Polres changed the table's row; null when it did not
 */
public record PatrolDistrict(String stagePlanId, String districtCode, String vulnerability, boolean remote,
    String tableVersion, PlanRow table, PlanRow plan, String overrideReason, String teamLeader, Integer teamPersonnel,
    String teamReason, Instant teamAt, String tniElement, Integer tniPersonnel, Instant tniAt, Integer linmasPersonnel,
    Integer satpolPpPersonnel, String supportNotes, Instant supportAt) {

  public boolean overridden() {
    return overrideReason != null;
  }

  /** Whether every agency this kecamatan needs has named its part. */
  public boolean assigned() {
    return teamAt != null && supportAt != null && (!plan.jointWithTni() || tniAt != null);
  }
}

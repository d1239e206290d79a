package id.siaga.patrol;

/**
 * The patrols of one kecamatan for a stage: what {@code patrol-plan.dmn} answered, or Polres's
 * override of it.
 *
 * @param personnelPerPatrol Polri personnel in one patrol; a joint patrol adds the TNI element Kodim names
 */
public record PlanRow(int patrolsPerDay, boolean jointWithTni, int reportIntervalHours, int personnelPerPatrol) {

  /** Polri personnel the kecamatan needs each day: one team per patrol. */
  public int personnelNeeded() {
    return Math.multiplyExact(patrolsPerDay, personnelPerPatrol);
  }

  /** "3 patroli/hari × 4 personel, gabungan TNI". */
  public String text() {
    return patrolsPerDay + " patroli/hari × " + personnelPerPatrol + " personel Polri"
        + (jointWithTni ? ", gabungan dengan TNI" : ", Polri saja");
  }
}

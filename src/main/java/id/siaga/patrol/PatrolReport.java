package id.siaga.patrol;

import java.time.Instant;

/** One situation-report period of a stage ({@code siaga_patrol_report}). */
public record PatrolReport(String stagePlanId, int reportNumber, Instant periodStart, Instant dueAt, Status status,
    String filedBy, Instant filedAt, Integer incidents, String incidentNotes, String notes) {

  public enum Status { OPEN, FILED, MISSED }

  /** Filed after its due instant. */
  public boolean late() {
    return filedAt != null && filedAt.isAfter(dueAt);
  }
}

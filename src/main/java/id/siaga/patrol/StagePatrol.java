package id.siaga.patrol;

import java.time.Instant;

/** One stage's patrols of one regency or city ({@code siaga_patrol_stage}). */
public record StagePatrol(String stagePlanId, String processInstanceId, String electionId, String regionCode,
    String stageCode, Instant windowStart, Instant windowEnd, int reportIntervalHours, int reportCount,
    Integer personnelAvailable, Integer personnelNeeded, String reviewedBy, Instant reviewedAt, boolean open,
    String startedBy, Instant startedAt, Instant closedAt) {

  public ReportSchedule schedule() {
    return ReportSchedule.of(windowStart, windowEnd, reportIntervalHours);
  }
}

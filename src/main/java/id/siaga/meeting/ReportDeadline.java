package id.siaga.meeting;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * When the readiness reports of a meeting are due, in the region's local time: the day before the
 * meeting at 12:00, so that the coordinator can read them before the meeting. A meeting called at
 * short notice (that noon less than {@value #NOTICE_HOURS} hours away) gets its reports two hours
 * before it starts, or at its start when even that has passed: an agency is never late for a
 * report the moment it is asked for it.
 */
final class ReportDeadline {

  static final int NOTICE_HOURS = 12;

  private ReportDeadline() {}

  static LocalDateTime of(LocalDateTime meeting, LocalDateTime now) {
    LocalDateTime dayBefore = meeting.toLocalDate().minusDays(1).atTime(LocalTime.NOON);
    if (!dayBefore.isBefore(now.plus(Duration.ofHours(NOTICE_HOURS)))) {
      return dayBefore;
    }
    LocalDateTime twoHoursBefore = meeting.minusHours(2);
    return twoHoursBefore.isAfter(now) ? twoHoursBefore : meeting;
  }
}

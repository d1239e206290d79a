package id.siaga.meeting;

import id.siaga.threat.ThreatCategory;
import java.time.Instant;
import java.util.List;

/**
 * The readiness report of one invited agency before one meeting, with the official who will attend
 * for it (null in reports made before attendees were asked for) and its answers on the topics of its
 * agency type ({@link ReportTopics}: key to answer, empty in reports made before).
 */
public record ReadinessReport(
    String meetingId, String agencyGroup, int personnel, List<ThreatCategory> threats, String otherThreat,
    String needs, ReportedReadiness readiness, String notes, String submittedBy, Instant submittedAt, Instant dueAt,
    boolean late, Attendee attendee, java.util.Map<String, String> topics) {

  /**
   * Who attends for the agency: name and position, and for whom when a deputy stands in for the
   * head ("mewakili Kapolres Palopo"; null when the head attends).
   */
  public record Attendee(String name, String position, String onBehalfOf) {}
}

package id.siaga.meeting;

import id.siaga.threat.ThreatCategory;
import java.time.Instant;
import java.util.List;

/** The readiness report of one invited agency before one meeting. */
public record ReadinessReport(
    String meetingId, String agencyGroup, int personnel, List<ThreatCategory> threats, String otherThreat,
    String needs, ReportedReadiness readiness, String notes, String submittedBy, Instant submittedAt, Instant dueAt,
    boolean late) {}

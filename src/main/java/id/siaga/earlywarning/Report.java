package id.siaga.earlywarning;

import id.siaga.threat.ThreatCategory;
import java.time.Instant;
import java.time.LocalDateTime;

/** An early-warning report as recorded (siaga_report). The filer and the contact are for triage only. */
public record Report(
    String reportId, String processInstanceId, String regionCode, String districtCode, ThreatCategory category,
    Severity severity, Instant observedAt, LocalDateTime observedLocal, String description, String reporterContact,
    FieldStaff onBehalfOf, String filedBy, String filedByGroup, Instant filedAt, String status, String route,
    String handlingGroup, String mergedInto, String rejectionReason, String acknowledgedBy, Instant acknowledgedAt,
    String acknowledgement, ReportOutcome outcome, String outcomeNotes, String sanction, String resolvedBy,
    Instant resolvedAt) {

  public static final String DITERIMA = "DITERIMA";
  public static final String DITERUSKAN = "DITERUSKAN";
  public static final String DIGABUNG = "DIGABUNG";
  public static final String DITOLAK = "DITOLAK";
  public static final String SELESAI = "SELESAI";
}

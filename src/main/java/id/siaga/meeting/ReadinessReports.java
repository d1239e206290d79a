package id.siaga.meeting;

import id.siaga.agency.AgencyType;

import static id.siaga.meeting.MeetingVariables.ATTENDEE_DEPUTY;
import static id.siaga.meeting.MeetingVariables.ATTENDEE_NAME;
import static id.siaga.meeting.MeetingVariables.ATTENDEE_ON_BEHALF_OF;
import static id.siaga.meeting.MeetingVariables.ATTENDEE_POSITION;
import static id.siaga.meeting.MeetingVariables.NEEDS;
import static id.siaga.meeting.MeetingVariables.OTHER_THREAT;
import static id.siaga.meeting.MeetingVariables.PERSONNEL;
import static id.siaga.meeting.MeetingVariables.READINESS;
import static id.siaga.meeting.MeetingVariables.READINESS_NOTES;
import static id.siaga.meeting.MeetingVariables.VULNERABILITIES;

import id.siaga.system.FormInput;
import id.siaga.threat.ThreatCategory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules of a readiness report: personnel deployed (0 to 100,000), the threats the agency
 * sees (from {@link ThreatCategory}; "Lainnya" needs a description), needs and obstacles, and a readiness
 * status that needs a note unless it is "Siap". Plain: no engine, no database.
 */
final class ReadinessReports {

  static final int PERSONNEL_MAX = 100_000;
  static final int TEXT_MAX = 4000;
  static final int OTHER_MAX = 500;
  static final int NAME_MAX = 120;

  private ReadinessReports() {}

  /** The report the form holds, or a refusal naming every problem. */
  static ReadinessReport read(FormInput input, String meetingId, String agencyGroup, AgencyType type, String userId,
      Instant now, Instant dueAt) {
    // the personnel only from the police and TNI; the others' form does not ask (and what is sent is ignored)
    Integer personnel = type == null || ReportTopics.asksPersonnel(type)
        ? input.wholeNumber(PERSONNEL, "Jumlah personel", 0, PERSONNEL_MAX) : Integer.valueOf(0);
    Map<String, String> topics = new LinkedHashMap<>();
    for (ReportTopics.Topic topic : type == null ? List.<ReportTopics.Topic>of() : ReportTopics.of(type)) {
      topics.put(topic.key(), input.text(topic.key(), topic.label(), ReportTopics.Topic.MAX, true));
    }
    List<ThreatCategory> threats = input.choices(VULNERABILITIES, "Kerawanan", ThreatCategory.class);
    String other = input.text(OTHER_THREAT, "Kerawanan lainnya", OTHER_MAX, threats.contains(ThreatCategory.LAINNYA));
    String needs = input.text(NEEDS, "Kebutuhan dan kendala", TEXT_MAX, true);
    ReportedReadiness readiness = input.choice(READINESS, "Status kesiapan", ReportedReadiness.class);
    String notes = input.text(READINESS_NOTES, "Catatan kesiapan", TEXT_MAX,
        readiness != null && readiness != ReportedReadiness.SIAP);
    String name = input.text(ATTENDEE_NAME, "Nama pejabat yang hadir", NAME_MAX, true);
    String position = input.text(ATTENDEE_POSITION, "Jabatan", NAME_MAX, true);
    boolean deputy = "true".equals(String.valueOf(input.value(ATTENDEE_DEPUTY)));
    String onBehalfOf = input.text(ATTENDEE_ON_BEHALF_OF, "Mewakili (jabatan pimpinan)", NAME_MAX, deputy);
    input.refuseIfInvalid();
    return new ReadinessReport(meetingId, agencyGroup, personnel, threats,
        threats.contains(ThreatCategory.LAINNYA) ? other : null, needs, readiness, notes, userId, now, dueAt,
        dueAt != null && now.isAfter(dueAt), new ReadinessReport.Attendee(name, position, deputy ? onBehalfOf : null),
        Map.copyOf(topics));
  }

  /**
   * One line per invited agency for the coordinator's form ("Polres Kota Palopo: Siap dengan
   * catatan, 120 personel; kerawanan: Politik uang, Hoaks"), kept short enough for a text variable.
   */
  static String summary(List<String> invitedGroups, List<ReadinessReport> reports, Function<String, String> names) {
    Map<String, ReadinessReport> byAgency = reports.stream()
        .collect(Collectors.toMap(ReadinessReport::agencyGroup, r -> r));
    StringBuilder text = new StringBuilder();
    text.append(reports.size()).append(" dari ").append(invitedGroups.size()).append(" laporan diterima\n");
    for (String group : invitedGroups) {
      ReadinessReport report = byAgency.get(group);
      String line;
      if (report == null) {
        line = "- " + names.apply(group) + ": belum melapor";
      } else {
        // personnel only where it was asked (the police and TNI: the report has their topic)
        boolean personnel = report.topics().isEmpty() || report.topics().containsKey(ReportTopics.VULNERABLE_POINTS.key());
        line = "- " + names.apply(group) + ": " + report.readiness().label()
            + (personnel ? ", " + report.personnel() + " personel" : "")
            + (report.threats().isEmpty() ? "" : "; kerawanan: "
            + report.threats().stream().map(ThreatCategory::label).collect(Collectors.joining(", ")))
            + (report.late() ? " (terlambat)" : "");
      }
      text.append(line.length() > 300 ? line.substring(0, 300) + "…" : line).append('\n');
    }
    return text.toString();
  }
}

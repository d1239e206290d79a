package id.siaga.meeting;

import id.siaga.calendar.ElectionRepository;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.notification.PdfDocuments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * A meeting's official documents as PDF, from the templates of its mails: the invitation letter
 * (undangan, {@code meeting-invitation}), the attendance list (daftar hadir, {@code attendance-list})
 * and the minutes (notulen, {@code meeting-minutes}). Attached to the mails and downloadable from the
 * meeting record ({@code GET /api/meetings/{id}/documents/...}).
 */
@Service
class MeetingDocuments {

  static final String LETTER = "undangan";
  static final String ATTENDANCE = "daftar-hadir";
  static final String MINUTES = "notulen";
  static final String ATTENDANCE_FILE_NAME = "daftar-hadir-rakor.pdf";
  static final String MINUTES_FILE_NAME = "notulen-rakor.pdf";

  private final CoordinationMeeting coordinationMeeting;
  private final MeetingRepository meetings;
  private final MeetingInvitations invitations;
  private final PdfDocuments pdf;
  private final LocalDeadlines deadlines;
  private final ElectionRepository elections;
  private final id.siaga.region.RegionRepository regions;

  MeetingDocuments(CoordinationMeeting coordinationMeeting, MeetingRepository meetings, MeetingInvitations invitations,
      PdfDocuments pdf, LocalDeadlines deadlines, ElectionRepository elections, id.siaga.region.RegionRepository regions) {
    this.regions = regions;
    this.coordinationMeeting = coordinationMeeting;
    this.meetings = meetings;
    this.invitations = invitations;
    this.pdf = pdf;
    this.deadlines = deadlines;
    this.elections = elections;
  }

  /**
   * A document by its name in the download path: {@code undangan}, {@code daftar-hadir}, or
   * {@code notulen} once the meeting is held; anything else, or the minutes before, is 404.
   */
  byte[] named(Meeting meeting, String document) {
    return switch (document) {
      case LETTER -> letter(meeting);
      case ATTENDANCE -> attendanceList(meeting);
      case MINUTES -> minutes(meeting).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
          "Notulen belum ada: rapat belum dicatat sebagai terlaksana"));
      default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND,
          "Dokumen tidak dikenal: undangan, daftar-hadir atau notulen");
    };
  }

  /** The invitation as the meeting now stands (first, rescheduled or cancelled). */
  MeetingInvitations.Invitation invitation(Meeting m, Instant reportsDue) {
    return new MeetingInvitations.Invitation(m.meetingId(), m.sequence(), m.title(), m.regionCode(), m.meetingAt(),
        m.duration(), m.venue(), m.agenda(), m.conveningGroup(), m.invitedGroups(),
        m.status() == MeetingStatus.DIBATALKAN, m.statusReason(), reportsDue, m.letter(),
        elections.find(m.electionId()).map(e -> e.name()).orElse(m.electionId()));
  }

  /** The letter as mailed last: its reports' due date is the one the reports were given. */
  byte[] letter(Meeting m) {
    Instant reportsDue = meetings.reports(m.meetingId()).stream().map(ReadinessReport::dueAt)
        .filter(java.util.Objects::nonNull).findFirst().orElseGet(() -> {
          java.time.LocalDateTime due = ReportDeadline.of(m.meetingLocal(), m.letter().date().atStartOfDay());
          return deadlines.at(m.regionCode(), due.toLocalDate(), due.toLocalTime());
        });
    return pdf.render(MeetingInvitations.TEMPLATE, invitations.model(invitation(m, reportsDue)));
  }

  /**
   * The attendance list: one line per invited agency and the convening one, the official its report
   * named (blank when it has not reported), and once the meeting is held whether the agency attended.
   */
  byte[] attendanceList(Meeting m) {
    return pdf.render("meeting/documents/attendance-list", attendanceModel(m));
  }

  Map<String, Object> attendanceModel(Meeting m) {
    Map<String, Object> model = base(m);
    Map<String, ReadinessReport> reports = new LinkedHashMap<>();
    meetings.reports(m.meetingId()).forEach(r -> reports.put(r.agencyGroup(), r));
    boolean held = m.heldAt() != null;
    List<String> groups = new ArrayList<>(m.invitedGroups());
    if (!groups.contains(m.conveningGroup())) {
      groups.add(0, m.conveningGroup());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (String group : groups) {
      ReadinessReport.Attendee a = reports.containsKey(group) ? reports.get(group).attendee() : null;
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("number", rows.size() + 1);
      row.put("agency", coordinationMeeting.agencyName(group));
      row.put("name", a == null ? "" : a.name());
      row.put("position", a == null ? "" : a.position());
      row.put("onBehalfOf", a == null ? null : a.onBehalfOf());
      row.put("attended", m.attendance().contains(group) ? "hadir" : "tidak hadir");
      rows.add(row);
    }
    model.put("rows", rows);
    model.put("held", held);
    return model;
  }

  /** The minutes of a held meeting; empty before it is held. */
  java.util.Optional<byte[]> minutes(Meeting m) {
    if (m.heldAt() == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(pdf.render("meeting/meeting-minutes", minutesModel(m)));
  }

  /** What the minutes say, for the mail and for its PDF. */
  Map<String, Object> minutesModel(Meeting m) {
    Map<String, Object> model = base(m);
    Map<String, ReadinessReport> reports = new LinkedHashMap<>();
    meetings.reports(m.meetingId()).forEach(r -> reports.put(r.agencyGroup(), r));
    model.put("attendance", m.attendance().stream().map(group -> attendee(group, reports.get(group))).sorted().toList());
    model.put("minutes", m.minutes());
    return model;
  }

  /** "Polres Palopo: AKP Andi (Wakapolres, mewakili Kapolres Palopo)". */
  private String attendee(String group, ReadinessReport report) {
    String agency = coordinationMeeting.agencyName(group);
    if (report == null || report.attendee() == null) {
      return agency;
    }
    ReadinessReport.Attendee a = report.attendee();
    return agency + ": " + a.name() + " (" + a.position() + (a.onBehalfOf() == null ? "" : ", mewakili " + a.onBehalfOf())
        + ")";
  }

  private Map<String, Object> base(Meeting m) {
    Map<String, Object> model = new LinkedHashMap<>();
    id.siaga.region.Zone zone = regions.find(m.regionCode()).orElseThrow().zone();
    model.put("title", m.title());
    model.put("regionName", coordinationMeeting.regionName(m.regionCode()));
    model.put("stageName", coordinationMeeting.stageName(m));
    model.put("start", deadlines.display(m.regionCode(), m.meetingAt()));
    model.put("day", LetterTexts.day(m.meetingAt(), zone.zoneId()));
    model.put("time", LetterTexts.time(m.meetingAt(), m.meetingAt().plus(m.duration()), zone.zoneId(), zone.name()));
    model.put("venue", m.venue());
    model.put("convening", List.of(coordinationMeeting.agencyName(m.conveningGroup())));
    model.put("generatedAt", deadlines.display(m.regionCode(), Instant.now()));
    return model;
  }
}

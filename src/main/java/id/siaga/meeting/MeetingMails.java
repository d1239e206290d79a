package id.siaga.meeting;

import id.siaga.calendar.LocalDeadlines;
import id.siaga.notification.Mail;
import id.siaga.notification.MailKey;
import id.siaga.notification.MailTemplates;
import id.siaga.notification.Mailer;
import id.siaga.notification.PdfDocuments;
import id.siaga.notification.Recipients;
import id.siaga.notification.TasklistLinks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The mails of a meeting: the invitation (again with a higher sequence after a postponement, or
 * as a cancellation) to every invited agency, and the summary to the convening agency when the
 * meeting closes. Each is sent once (outbox).
 */
@Service
class MeetingMails {

  private final CoordinationMeeting coordinationMeeting;
  private final MeetingRepository meetings;
  private final MeetingInvitations invitations;
  private final Mailer mailer;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final LocalDeadlines deadlines;
  private final TasklistLinks links;
  private final MeetingDocuments documents;
  private final PdfDocuments pdf;

  private final ActionItemLines itemLines;

  MeetingMails(CoordinationMeeting coordinationMeeting, MeetingRepository meetings, MeetingInvitations invitations,
      Mailer mailer, Recipients recipients, MailTemplates templates, LocalDeadlines deadlines, TasklistLinks links,
      MeetingDocuments documents, PdfDocuments pdf, ActionItemLines itemLines) {
    this.itemLines = itemLines;
    this.documents = documents;
    this.pdf = pdf;
    this.coordinationMeeting = coordinationMeeting;
    this.meetings = meetings;
    this.invitations = invitations;
    this.mailer = mailer;
    this.recipients = recipients;
    this.templates = templates;
    this.deadlines = deadlines;
    this.links = links;
  }

  /**
   * The invitation as the meeting now stands: first, updated, or cancelled.
   *
   * @param reportsDueLocal when the readiness reports are due, local to the region (may be null)
   */
  void sendInvitation(String meetingId, String reportsDueLocal) {
    Meeting m = coordinationMeeting.meeting(meetingId);
    boolean cancelled = m.status() == MeetingStatus.DIBATALKAN;
    Instant reportsDue = reportsDueLocal == null ? null
        : LocalDateTime.parse(reportsDueLocal).atZone(deadlines.zoneOf(m.regionCode())).toInstant();
    invitations.send(documents.invitation(m, reportsDue));
  }

  /**
   * The minutes of a held meeting to every invited agency, copied to the convening agency: who
   * attended, what was noted, and each action item with its owner and due date.
   */
  void sendMinutes(String meetingId) {
    mailer.sendOnce(MailKey.of(meetingId, MeetingMailKinds.MINUTES),
        () -> composeMinutes(coordinationMeeting.meeting(meetingId)));
  }

  private Mail composeMinutes(Meeting m) {
    Map<String, Object> model = meetingModel(m);
    model.putAll(documents.minutesModel(m));
    model.put("items", itemLines.of(m, meetings.actionItems(m.meetingId())));
    List<String> to = recipients.ofGroups(m.invitedGroups());
    List<String> cc = recipients.ofGroups(List.of(m.conveningGroup())).stream().filter(a -> !to.contains(a)).toList();
    return new Mail(to, cc, "[Siaga Pilkada] Notulen: " + m.title() + " – " + model.get("regionName"),
        templates.text("meeting/meeting-minutes", model), templates.html("meeting/meeting-minutes", model),
        List.of(pdf.attachment(MeetingDocuments.MINUTES_FILE_NAME, "meeting/meeting-minutes", model),
            pdf.attachment(MeetingDocuments.ATTENDANCE_FILE_NAME, "meeting/documents/attendance-list",
                documents.attendanceModel(m))));
  }

  /**
   * The coordinator's decision on a waiver request, to the owner agency (copy to the convening
   * agency): granted, or refused with the reason and the item open again. Read from the record
   * when the job runs; one mail per decision.
   */
  void sendWaiverDecision(String itemId) {
    int decision = meetings.waiverDecisions(itemId);
    mailer.sendOnce(new MailKey(itemId, MeetingMailKinds.WAIVER, String.valueOf(decision)), () -> {
      ActionItem item = coordinationMeeting.actionItem(itemId);
      Meeting m = coordinationMeeting.meeting(item.meetingId());
      Map<String, Object> model = meetingModel(m);
      boolean granted = item.status() == ActionItemStatus.DIBEBASKAN;
      model.put("granted", granted);
      model.put("description", item.description());
      model.put("owner", coordinationMeeting.agencyName(item.ownerGroup()));
      model.put("due", deadlines.display(m.regionCode(), item.dueAt()));
      model.put("waiverReason", item.waiverReason());
      model.put("refusalReason", item.refusalReason());
      List<String> to = recipients.ofGroups(List.of(item.ownerGroup()));
      List<String> cc = recipients.ofGroups(List.of(m.conveningGroup())).stream().filter(a -> !to.contains(a)).toList();
      return new Mail(to, cc, "[Siaga Pilkada] Pembatalan " + (granted ? "disetujui" : "ditolak") + ": "
          + item.description() + " – " + model.get("regionName"), templates.text("meeting/waiver-decision", model),
          templates.html("meeting/waiver-decision", model), List.of());
    });
  }

  /** The summary to the convening agency, copied to whoever convened the meeting. */
  void sendSummary(String meetingId) {
    mailer.sendOnce(MailKey.of(meetingId, MeetingMailKinds.SUMMARY),
        () -> composeSummary(coordinationMeeting.meeting(meetingId)));
  }

  private Mail composeSummary(Meeting m) {
    List<ReadinessReport> reports = meetings.reports(m.meetingId());
    List<ActionItem> items = meetings.actionItems(m.meetingId());
    MeetingSummary summary = MeetingSummary.of(m, reports, items);
    Map<String, Object> model = meetingModel(m);
    model.put("status", m.status() == MeetingStatus.SELESAI ? "Selesai" : m.status().name());
    model.put("reportsExpected", summary.reportsExpected());
    model.put("reportsReceived", summary.reportsReceived());
    model.put("reportsLate", summary.reportsLate());
    model.put("reports", m.invitedGroups().stream().map(group -> Map.of("agency", coordinationMeeting.agencyName(group),
        "status", reports.stream().filter(r -> r.agencyGroup().equals(group)).findFirst()
            .map(r -> r.readiness().label() + (r.late() ? " (terlambat)" : "")).orElse("tidak melapor"))).toList());
    model.put("itemsTotal", summary.itemsTotal());
    model.put("itemsDone", summary.itemsDone());
    model.put("itemsWaived", summary.itemsWaived());
    model.put("itemsLate", summary.itemsLate());
    model.put("items", itemLines.of(m, items));
    List<String> to = recipients.ofGroups(List.of(m.conveningGroup()));
    List<String> cc = recipients.ofUser(m.convenedBy()).stream().filter(a -> !to.contains(a)).toList();
    return new Mail(to, cc, "[Siaga Pilkada] Ringkasan Rakor: " + m.title() + " – " + model.get("regionName"),
        templates.text("meeting/meeting-summary", model), templates.html("meeting/meeting-summary", model), List.of());
  }

  private Map<String, Object> meetingModel(Meeting m) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", m.title());
    model.put("regionName", coordinationMeeting.regionName(m.regionCode()));
    model.put("stageName", coordinationMeeting.stageName(m));
    model.put("start", deadlines.display(m.regionCode(), m.meetingAt()));
    model.put("venue", m.venue());
    model.put("recordLink", links.to(MeetingPages.path(m.meetingId())));
    model.put("link", links.tasklist());
    return model;
  }

  static String statusLabel(ActionItemStatus status) {
    return switch (status) {
      case TERBUKA -> "Terbuka";
      case MINTA_PEMBEBASAN -> "Menunggu keputusan pembatalan";
      case SELESAI -> "Selesai";
      case DIBEBASKAN -> "Dibatalkan";
    };
  }
}

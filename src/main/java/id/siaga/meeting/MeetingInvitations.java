package id.siaga.meeting;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.notification.IcsWriter;
import id.siaga.notification.Mail;
import id.siaga.notification.MailKey;
import id.siaga.notification.MailTemplates;
import id.siaga.notification.Mailer;
import id.siaga.notification.PdfDocuments;
import id.siaga.notification.Recipients;
import id.siaga.notification.TasklistLinks;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Meeting invitations: an e-mail to the members of every invited agency with an {@code .ics}
 * calendar attachment (the kernel's {@link IcsWriter}) in the region's own time zone. A
 * postponement sends the same event again with a higher sequence; a cancellation sends it with
 * METHOD:CANCEL. One mail per meeting and sequence (outbox).
 */
@Service
class MeetingInvitations {

  /** The calendar file's name, as the invited officer sees it. */
  static final String FILE_NAME = "undangan-rakor.ics";

  /**
   * What the invitation says. {@code sequence} grows with every change of date; {@code reason} says
   * why the meeting was postponed or cancelled; {@code reportsDue} (may be null) is when the
   * invited agencies' readiness reports are due.
   */
  record Invitation(String meetingId, int sequence, String title, String regionCode, Instant start,
      Duration duration, String venue, String agenda, String conveningGroup, List<String> invitedGroups,
      boolean cancelled, String reason, Instant reportsDue, Meeting.Letter letter, String electionName) {}

  /** The letter as a PDF, attached to the invitation mail. */
  static final String LETTER_FILE_NAME = "undangan-rakor.pdf";

  private final Mailer mailer;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final RegionRepository regions;
  private final AgencyRepository agencies;
  private final LocalDeadlines deadlines;
  private final TasklistLinks links;
  private final PdfDocuments documents;
  private final String from;

  MeetingInvitations(Mailer mailer, Recipients recipients, MailTemplates templates, RegionRepository regions,
      AgencyRepository agencies, LocalDeadlines deadlines, TasklistLinks links, PdfDocuments documents,
      @Value("${siaga.mail.from}") String from) {
    this.documents = documents;
    this.mailer = mailer;
    this.recipients = recipients;
    this.templates = templates;
    this.regions = regions;
    this.agencies = agencies;
    this.deadlines = deadlines;
    this.links = links;
    this.from = from;
  }

  /** Sends the invitation (or its update, or its cancellation) once. */
  boolean send(Invitation invitation) {
    String level = invitation.cancelled() ? "cancel-" + invitation.sequence() : String.valueOf(invitation.sequence());
    return mailer.sendOnce(new MailKey(invitation.meetingId(), MeetingMailKinds.INVITATION, level),
        () -> compose(invitation));
  }

  private Mail compose(Invitation invitation) {
    Region region = region(invitation);
    List<String> to = recipients.ofGroups(invitation.invitedGroups());
    List<String> cc = new ArrayList<>();
    recipients.ofGroups(List.of(invitation.conveningGroup())).stream().filter(a -> !to.contains(a)).forEach(cc::add);
    Map<String, Object> model = model(invitation);
    String subject = (invitation.cancelled() ? "Dibatalkan: " : invitation.sequence() > 0 ? "Perubahan jadwal: "
        : "Undangan: ") + invitation.title() + " – " + region.name() + ", " + model.get("start");
    return new Mail(to, cc, "[Siaga Pilkada] " + subject, templates.text(TEMPLATE, model),
        templates.html(TEMPLATE, model), List.of(IcsWriter.attachment(FILE_NAME,
        invitation.cancelled() ? IcsWriter.Method.CANCEL : IcsWriter.Method.REQUEST,
        event(invitation, region, to), Instant.now()), documents.attachment(LETTER_FILE_NAME, TEMPLATE, model)));
  }

  static final String TEMPLATE = "meeting/meeting-invitation";

  /** What the invitation letter says, for the mail and for its PDF. */
  Map<String, Object> model(Invitation invitation) {
    Region region = region(invitation);
    java.time.ZoneId zone = region.zone().zoneId();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", invitation.title());
    model.put("regionName", region.name());
    model.put("electionName", invitation.electionName());
    model.put("start", deadlines.display(region.code(), invitation.start()));
    model.put("day", LetterTexts.day(invitation.start(), zone));
    model.put("time", LetterTexts.time(invitation.start(), invitation.start().plus(invitation.duration()), zone,
        region.zone().name()));
    model.put("venue", invitation.venue());
    model.put("agenda", invitation.agenda());
    model.put("convening", agencyNames(List.of(invitation.conveningGroup())));
    model.put("invited", agencyNames(invitation.invitedGroups()));
    model.put("cancelled", invitation.cancelled());
    model.put("reason", invitation.reason());
    model.put("reportsDue", invitation.reportsDue() == null ? null
        : deadlines.display(region.code(), invitation.reportsDue()));
    model.put("updated", invitation.sequence() > 0);
    model.put("link", links.tasklist());
    Meeting.Letter letter = invitation.letter();
    model.put("letterNumber", letter.number() == null ? LetterTexts.NO_NUMBER : letter.number());
    model.put("letterNature", letter.nature().label());
    model.put("letterAttachments", "-");
    model.put("letterDate", LetterTexts.date(letter.date()));
    model.put("letterPlace", LetterTexts.place(region.name()));
    model.put("subject", LetterTexts.subject(invitation.cancelled(), invitation.sequence() > 0));
    model.put("generatedAt", deadlines.display(region.code(), Instant.now()));
    return model;
  }

  private Region region(Invitation invitation) {
    return regions.find(invitation.regionCode()).orElseThrow(
        () -> new IllegalArgumentException("kode wilayah tidak dikenal: " + invitation.regionCode()));
  }

  /** The calendar event: in the region's zone, organized by the convening agency, for every addressee. */
  IcsWriter.Event event(Invitation invitation, Region region, List<String> attendees) {
    String organizer = agencyNames(List.of(invitation.conveningGroup())).get(0);
    return new IcsWriter.Event(invitation.meetingId() + "@siaga-pilkada", invitation.sequence(), invitation.start(),
        invitation.start().plus(invitation.duration()), region.zone().zoneId(), region.zone().name(),
        invitation.title(), invitation.venue(), invitation.agenda(), organizer, address(from), attendees);
  }

  private List<String> agencyNames(List<String> groupIds) {
    return groupIds.stream().map(id -> agencies.find(id).map(Agency::name).orElse(id)).sorted().toList();
  }

  /** The bare address of {@code "Siaga Pilkada <siaga@example.org>"}. */
  private static String address(String from) {
    int open = from.indexOf('<');
    return open >= 0 ? from.substring(open + 1, from.indexOf('>', open)) : from.trim();
  }
}

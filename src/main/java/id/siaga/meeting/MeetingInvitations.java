package id.siaga.meeting;

import id.siaga.calendar.LocalDeadlines;
import id.siaga.notification.Mail;
import id.siaga.notification.MailKey;
import id.siaga.notification.MailTemplates;
import id.siaga.notification.Mailer;
import id.siaga.notification.Recipients;
import id.siaga.notification.TasklistLinks;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Meeting invitations (Rakor): an e-mail to the members of every invited agency with an
 * {@code .ics} calendar attachment in the region's own time zone. A postponement sends the same
 * event again with a higher sequence; a cancellation sends it with METHOD:CANCEL. One mail per
 * meeting and sequence (outbox).
 */
@Service
public class MeetingInvitations {

  /**
   * What the invitation says. {@code sequence} grows with every change of date; {@code reason} says
   * why the meeting was postponed or cancelled; {@code reportsDue} (may be null) is when the
   * invited agencies' readiness reports are due.
   */
  public record Meeting(String meetingId, int sequence, String title, String regionCode, Instant start,
      Duration duration, String venue, String agenda, String conveningGroup, List<String> invitedGroups,
      boolean cancelled, String reason, Instant reportsDue) {}

  private final Mailer mailer;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final RegionRepository regions;
  private final LocalDeadlines deadlines;
  private final IdentityService identity;
  private final TasklistLinks links;
  private final String from;

  MeetingInvitations(Mailer mailer, Recipients recipients, MailTemplates templates, RegionRepository regions,
      LocalDeadlines deadlines, IdentityService identity, TasklistLinks links,
      @Value("${siaga.mail.from}") String from) {
    this.mailer = mailer;
    this.recipients = recipients;
    this.templates = templates;
    this.regions = regions;
    this.deadlines = deadlines;
    this.identity = identity;
    this.links = links;
    this.from = from;
  }

  /** Sends the invitation (or its update, or its cancellation) once. */
  public boolean send(Meeting meeting) {
    String level = meeting.cancelled() ? "cancel-" + meeting.sequence() : String.valueOf(meeting.sequence());
    return mailer.sendOnce(new MailKey(meeting.meetingId(), MeetingMailKinds.INVITATION, level), () -> compose(meeting));
  }

  private Mail compose(Meeting meeting) {
    Region region = regions.find(meeting.regionCode()).orElseThrow(
        () -> new IllegalArgumentException("kode wilayah tidak dikenal: " + meeting.regionCode()));
    List<String> to = recipients.ofGroups(meeting.invitedGroups());
    List<String> cc = new ArrayList<>();
    recipients.ofGroups(List.of(meeting.conveningGroup())).stream().filter(a -> !to.contains(a)).forEach(cc::add);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", meeting.title());
    model.put("regionName", region.name());
    model.put("start", deadlines.display(region.code(), meeting.start()));
    model.put("venue", meeting.venue());
    model.put("agenda", meeting.agenda());
    model.put("convening", groupNames(List.of(meeting.conveningGroup())));
    model.put("invited", groupNames(meeting.invitedGroups()));
    model.put("cancelled", meeting.cancelled());
    model.put("reason", meeting.reason());
    model.put("reportsDue", meeting.reportsDue() == null ? null : deadlines.display(region.code(), meeting.reportsDue()));
    model.put("updated", meeting.sequence() > 0);
    model.put("link", links.tasklist());
    String subject = (meeting.cancelled() ? "Dibatalkan: " : meeting.sequence() > 0 ? "Perubahan jadwal: " : "Undangan: ")
        + meeting.title() + " – " + region.name() + ", " + model.get("start");
    byte[] ics = ics(meeting, region, to);
    return new Mail(to, cc, "[Siaga Pilkada] " + subject, templates.text("meeting-invitation", model),
        templates.html("meeting-invitation", model), List.of(new Mail.Attachment("undangan-rakor.ics",
        "text/calendar; charset=UTF-8; method=" + (meeting.cancelled() ? "CANCEL" : "REQUEST"), ics)));
  }

  /**
   * The iCalendar file (RFC 5545): the event in the region's zone (TZID Asia/Jakarta, Asia/Makassar
   * or Asia/Jayapura, local wall time) with a VTIMEZONE for that zone. Written here rather than
   * with ical4j's writer, which shifted Asia/Makassar times by an hour (its zone data, seen here).
   */
  byte[] ics(Meeting meeting, Region region, List<String> attendees) {
    ZoneId zone = region.zone().zoneId();
    ZonedDateTime start = meeting.start().atZone(zone);
    ZonedDateTime end = start.plus(meeting.duration());
    String offset = start.getOffset().getId().replace(":", "");
    String organizer = groupNames(List.of(meeting.conveningGroup())).stream().findFirst().orElse("Siaga Pilkada");
    List<String> lines = new ArrayList<>(List.of(
        "BEGIN:VCALENDAR",
        "PRODID:-//Siaga Pilkada//Rakor//ID",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:" + (meeting.cancelled() ? "CANCEL" : "REQUEST"),
        "BEGIN:VTIMEZONE",
        "TZID:" + zone.getId(),
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:" + offset,
        "TZOFFSETTO:" + offset,
        "TZNAME:" + region.zone().name(),
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:" + meeting.meetingId() + "@siaga-pilkada",
        "SEQUENCE:" + meeting.sequence(),
        "DTSTAMP:" + ICS_UTC.format(ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC)),
        "DTSTART;TZID=" + zone.getId() + ":" + ICS_LOCAL.format(start),
        "DTEND;TZID=" + zone.getId() + ":" + ICS_LOCAL.format(end),
        "SUMMARY:" + escape(meeting.title()),
        "LOCATION:" + escape(meeting.venue()),
        "DESCRIPTION:" + escape(meeting.agenda()),
        "STATUS:" + (meeting.cancelled() ? "CANCELLED" : "CONFIRMED"),
        "ORGANIZER;CN=" + quote(organizer) + ":mailto:" + address(from)));
    for (String attendee : attendees) {
      lines.add("ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:" + attendee);
    }
    lines.add("END:VEVENT");
    lines.add("END:VCALENDAR");
    StringBuilder out = new StringBuilder();
    lines.forEach(line -> out.append(fold(line)).append("\r\n"));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static final DateTimeFormatter ICS_LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  /** TEXT escaping of RFC 5545 §3.3.11; line breaks become \n, so no property can be injected. */
  static String escape(String text) {
    return text == null ? "" : text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  private static String quote(String value) {
    return "\"" + value.replace("\"", "'").replaceAll("[\\r\\n]", " ") + "\"";
  }

  /** Lines longer than 75 octets are folded (RFC 5545 §3.1). */
  private static String fold(String line) {
    StringBuilder folded = new StringBuilder();
    int octets = 0;
    for (int i = 0; i < line.length(); ) {
      int codePoint = line.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        folded.append("\r\n ");
        octets = 1;
      }
      folded.appendCodePoint(codePoint);
      octets += size;
      i += Character.charCount(codePoint);
    }
    return folded.toString();
  }

  private List<String> groupNames(List<String> groupIds) {
    return identity.createGroupQuery().groupIdIn(groupIds.toArray(String[]::new)).list().stream()
        .map(Group::getName).sorted().toList();
  }

  private static String address(String from) {
    int open = from.indexOf('<');
    return open >= 0 ? from.substring(open + 1, from.indexOf('>', open)) : from.trim();
  }
}

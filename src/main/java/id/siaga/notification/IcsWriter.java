package id.siaga.notification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one event as an iCalendar file (RFC 5545) to attach to a mail: a VEVENT with its UID and
 * SEQUENCE, local start and end times in the event's zone (TZID, with a VTIMEZONE for it), summary,
 * location, description, organizer and attendees, sent with METHOD REQUEST (a new or updated event)
 * or CANCEL. Knows no feature: the caller says what the event is.
 *
 * <p>Written by hand rather than with ical4j's writer, which shifted Asia/Makassar times by an hour
 * (its own zone data; seen here). The VTIMEZONE has one fixed offset, so the zone may have no
 * offset change after the event starts: true of Indonesia's WIB, WITA and WIT.
 */
public final class IcsWriter {

  /** The product identifier in every file. */
  public static final String PRODUCT_ID = "-//Siaga Pilkada//ID";

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  /** What the file asks of the calendar that reads it. */
  public enum Method {
    /** Add the event, or update it when the UID is known and the sequence is higher. */
    REQUEST,
    /** Remove the event with this UID. */
    CANCEL
  }

  /**
   * One event.
   *
   * @param uid the same for the event, each of its updates and its cancellation
   * @param sequence 0 at first, higher with every update
   * @param zone where the times are written as local wall time (e.g. Asia/Makassar)
   * @param zoneName the zone's short name as people read it (e.g. WITA)
   * @param organizerName who invites, as the calendar shows it
   * @param organizerAddress the organizer's mail address
   * @param attendees the attendees' mail addresses
   */
  public record Event(String uid, int sequence, Instant start, Instant end, ZoneId zone, String zoneName,
      String summary, String location, String description, String organizerName, String organizerAddress,
      List<String> attendees) {

    public Event {
      if (uid == null || uid.isBlank()) {
        throw new IllegalArgumentException("an event needs a UID");
      }
      if (sequence < 0) {
        throw new IllegalArgumentException("the sequence of an event is never negative: " + sequence);
      }
      if (!end.isAfter(start)) {
        throw new IllegalArgumentException("an event ends after it starts: " + start + " – " + end);
      }
      if (zone.getRules().nextTransition(start) != null) {
        throw new IllegalArgumentException("zone " + zone + " changes its offset after " + start
            + "; the file has one fixed offset per zone");
      }
      attendees = List.copyOf(attendees);
    }
  }

  private IcsWriter() {}

  /** The file as a mail attachment ({@code text/calendar} with its method). */
  public static Mail.Attachment attachment(String fileName, Method method, Event event, Instant stamp) {
    return new Mail.Attachment(fileName, "text/calendar; charset=UTF-8; method=" + method.name(),
        write(method, event, stamp));
  }

  /**
   * The file, UTF-8 with CRLF line ends and lines folded at 75 octets.
   *
   * @param stamp when the file is written (DTSTAMP)
   */
  public static byte[] write(Method method, Event event, Instant stamp) {
    ZonedDateTime start = event.start().atZone(event.zone());
    ZonedDateTime end = event.end().atZone(event.zone());
    String offset = start.getOffset().getId().equals("Z") ? "+0000" : start.getOffset().getId().replace(":", "");
    List<String> lines = new ArrayList<>(List.of(
        "BEGIN:VCALENDAR",
        "PRODID:" + PRODUCT_ID,
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:" + method.name(),
        "BEGIN:VTIMEZONE",
        "TZID:" + event.zone().getId(),
        "BEGIN:STANDARD",
        "DTSTART:19700101T000000",
        "TZOFFSETFROM:" + offset,
        "TZOFFSETTO:" + offset,
        "TZNAME:" + text(event.zoneName()),
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        "UID:" + text(event.uid()),
        "SEQUENCE:" + event.sequence(),
        "DTSTAMP:" + UTC.format(stamp.atZone(ZoneOffset.UTC)),
        "DTSTART;TZID=" + event.zone().getId() + ":" + LOCAL.format(start),
        "DTEND;TZID=" + event.zone().getId() + ":" + LOCAL.format(end),
        "SUMMARY:" + text(event.summary()),
        "LOCATION:" + text(event.location()),
        "DESCRIPTION:" + text(event.description()),
        "STATUS:" + (method == Method.CANCEL ? "CANCELLED" : "CONFIRMED"),
        "ORGANIZER;CN=" + quoted(event.organizerName()) + ":mailto:" + address(event.organizerAddress())));
    for (String attendee : event.attendees()) {
      lines.add("ATTENDEE;ROLE=REQ-PARTICIPANT;RSVP=FALSE:mailto:" + address(attendee));
    }
    lines.add("END:VEVENT");
    lines.add("END:VCALENDAR");
    StringBuilder out = new StringBuilder();
    lines.forEach(line -> out.append(fold(line)).append("\r\n"));
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** TEXT escaping of RFC 5545 §3.3.11; line breaks become \n, so no property can be injected. */
  static String text(String value) {
    return value == null ? "" : value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  /** A parameter value (§3.2): quoted, with no quote or control character inside. */
  private static String quoted(String value) {
    return "\"" + (value == null ? "" : value.replace("\"", "'").replaceAll("\\p{Cntrl}", " ")) + "\"";
  }

  /** A mail address for a {@code mailto:} value, with no control character that could start a property. */
  private static String address(String value) {
    return value == null ? "" : value.replaceAll("\\p{Cntrl}", "").strip();
  }

  /** Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a character. */
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
}

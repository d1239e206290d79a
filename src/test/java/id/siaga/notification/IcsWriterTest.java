package id.siaga.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/** The kernel's RFC 5545 writer, read back with ical4j, without Spring or an engine. */
class IcsWriterTest {

  /** 10 December 2026, 09:00 WITA. */
  static final Instant NINE_WITA = Instant.parse("2026-12-10T01:00:00Z");
  static final Instant STAMP = Instant.parse("2026-12-01T03:04:05Z");

  @Test
  void writesTheEventInItsZonesLocalTimeWithAVTimezone() throws Exception {
    Calendar ics = parse(IcsWriter.write(IcsWriter.Method.REQUEST, event("Asia/Makassar", "WITA", NINE_WITA), STAMP));

    assertThat(value(ics.getProperty(Property.PRODID))).isEqualTo(IcsWriter.PRODUCT_ID).isEqualTo("-//Siaga Pilkada//ID");
    assertThat(value(ics.getProperty(Property.VERSION))).isEqualTo("2.0");
    assertThat(value(ics.getProperty(Property.METHOD))).isEqualTo("REQUEST");
    VEvent event = (VEvent) ics.getComponent("VEVENT").orElseThrow();
    assertThat(value(event.getProperty(Property.UID))).isEqualTo("m-1@siaga-pilkada");
    assertThat(value(event.getProperty(Property.SEQUENCE))).isEqualTo("2");
    assertThat(value(event.getProperty(Property.DTSTAMP))).isEqualTo("20261201T030405Z");
    Property start = event.getProperty(Property.DTSTART).orElseThrow();
    assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Makassar");
    assertThat(start.getValue()).isEqualTo("20261210T090000");
    assertThat(value(event.getProperty(Property.DTEND))).isEqualTo("20261210T110000");
    assertThat(value(event.getProperty(Property.STATUS))).isEqualTo("CONFIRMED");
    assertThat(value(event.getProperty(Property.LOCATION))).isEqualTo("Aula Kantor Wali Kota Palopo");
    Property organizer = event.getProperty(Property.ORGANIZER).orElseThrow();
    assertThat(organizer.getParameter("CN").orElseThrow().getValue()).isEqualTo("Kesbangpol Kota Palopo");
    assertThat(organizer.getValue()).isEqualTo("mailto:siaga@siaga.demo");
    List<Property> attendees = event.getProperties(Property.ATTENDEE);
    assertThat(attendees.stream().map(Property::getValue).toList()).containsExactly("mailto:kpupalopo@siaga.demo", "mailto:polrespalopo@siaga.demo");

    VTimeZone zone = (VTimeZone) ics.getComponent("VTIMEZONE").orElseThrow();
    assertThat(value(zone.getProperty(Property.TZID))).isEqualTo("Asia/Makassar");
    String offset = value(zone.getObservances().get(0).getProperty(Property.TZOFFSETTO));
    assertThat(offset).isEqualTo("+0800");
    assertThat(value(zone.getObservances().get(0).getProperty(Property.TZNAME))).isEqualTo("WITA");
    assertThat(LocalDateTime.parse(start.getValue(), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
        .atOffset(ZoneOffset.of(offset)).toInstant()).as("the same instant").isEqualTo(NINE_WITA);
  }

  @Test
  void theSameInstantIsWrittenInEachOfIndonesiasZones() throws Exception {
    for (String[] zone : new String[][] {{"Asia/Jakarta", "WIB", "20261210T080000", "+0700"},
        {"Asia/Makassar", "WITA", "20261210T090000", "+0800"}, {"Asia/Jayapura", "WIT", "20261210T100000", "+0900"}}) {
      Calendar ics = parse(IcsWriter.write(IcsWriter.Method.REQUEST, event(zone[0], zone[1], NINE_WITA), STAMP));
      VEvent event = (VEvent) ics.getComponent("VEVENT").orElseThrow();
      assertThat(value(event.getProperty(Property.DTSTART))).as(zone[1]).isEqualTo(zone[2]);
      VTimeZone tz = (VTimeZone) ics.getComponent("VTIMEZONE").orElseThrow();
      assertThat(value(tz.getObservances().get(0).getProperty(Property.TZOFFSETFROM))).as(zone[1]).isEqualTo(zone[3]);
    }
  }

  @Test
  void aCancellationCarriesMethodCancelAndStatusCancelled() throws Exception {
    Mail.Attachment attachment = IcsWriter.attachment("undangan.ics", IcsWriter.Method.CANCEL,
        event("Asia/Jayapura", "WIT", NINE_WITA), STAMP);

    assertThat(attachment.fileName()).isEqualTo("undangan.ics");
    assertThat(attachment.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=CANCEL");
    Calendar ics = parse(attachment.content());
    assertThat(value(ics.getProperty(Property.METHOD))).isEqualTo("CANCEL");
    assertThat(value(ics.getComponent("VEVENT").orElseThrow().getProperty(Property.STATUS))).isEqualTo("CANCELLED");
  }

  @Test
  void textIsEscapedAndLongLinesAreFoldedWithinSeventyFiveOctets() throws Exception {
    String agenda = "1. Kesiapan logistik; distribusi, gudang\\arsip\n2. Pengamanan TPS\r\nBEGIN:VALARM";
    String title = "Rakor kesiapan masa tenang — pengamanan, logistik dan pengawasan bersama Forkopimda 🗳️ Kota Palopo";
    IcsWriter.Event event = new IcsWriter.Event("m-2@siaga-pilkada", 0, NINE_WITA, NINE_WITA.plus(Duration.ofHours(2)),
        ZoneId.of("Asia/Makassar"), "WITA", title, "Aula; lantai 2", agenda, "Kesbangpol \"Palopo\"\r\nX-EVIL:1",
        "siaga@siaga.demo\r\nATTENDEE:mailto:evil@example.org", List.of("kpupalopo@siaga.demo"));
    byte[] bytes = IcsWriter.write(IcsWriter.Method.REQUEST, event, STAMP);

    String file = new String(bytes, StandardCharsets.UTF_8);
    assertThat(file).endsWith("END:VCALENDAR\r\n").doesNotContain("\nBEGIN:VALARM").doesNotContain("\nX-EVIL")
        .doesNotContain("\nATTENDEE:mailto:evil");
    for (String line : file.split("\r\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    VEvent parsed = (VEvent) parse(bytes).getComponent("VEVENT").orElseThrow();
    assertThat(value(parsed.getProperty(Property.SUMMARY))).isEqualTo(title);
    assertThat(value(parsed.getProperty(Property.DESCRIPTION)))
        .isEqualTo("1. Kesiapan logistik; distribusi, gudang\\arsip\n2. Pengamanan TPS\nBEGIN:VALARM");
    assertThat(value(parsed.getProperty(Property.LOCATION))).isEqualTo("Aula; lantai 2");
    List<Property> attendees = parsed.getProperties(Property.ATTENDEE);
    assertThat(attendees).hasSize(1);
  }

  @Test
  void refusesAnEventThatEndsBeforeItStartsOrAZoneWithDaylightSavingTime() {
    assertThatThrownBy(() -> new IcsWriter.Event("u", 0, NINE_WITA, NINE_WITA, ZoneId.of("Asia/Makassar"), "WITA",
        "s", "l", "d", "o", "o@siaga.demo", List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new IcsWriter.Event("u", 0, NINE_WITA, NINE_WITA.plusSeconds(60),
        ZoneId.of("Europe/Amsterdam"), "CET", "s", "l", "d", "o", "o@siaga.demo", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixed offset");
    assertThatThrownBy(() -> new IcsWriter.Event(" ", 0, NINE_WITA, NINE_WITA.plusSeconds(60),
        ZoneId.of("Asia/Makassar"), "WITA", "s", "l", "d", "o", "o@siaga.demo", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static IcsWriter.Event event(String zone, String zoneName, Instant start) {
    return new IcsWriter.Event("m-1@siaga-pilkada", 2, start, start.plus(Duration.ofHours(2)), ZoneId.of(zone),
        zoneName, "Rakor kesiapan masa tenang", "Aula Kantor Wali Kota Palopo", "Agenda", "Kesbangpol Kota Palopo",
        "siaga@siaga.demo", List.of("kpupalopo@siaga.demo", "polrespalopo@siaga.demo"));
  }

  private static Calendar parse(byte[] bytes) throws Exception {
    return new CalendarBuilder().build(new ByteArrayInputStream(bytes));
  }

  private static String value(java.util.Optional<? extends Property> property) {
    return property.orElseThrow().getValue();
  }
}

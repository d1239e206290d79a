package id.siaga.meeting;

import static id.siaga.MailboxAssert.cc;
import static id.siaga.MailboxAssert.to;
import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import id.siaga.notification.DevMailServer;
import id.siaga.notification.IcsWriter;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Meeting invitations with a calendar file in the region's own zone, parsed back here. */
@SiagaSpringBootTest
class MeetingInvitationsTest {

  /** 10 December 2026, 09:00 WITA. */
  static final Instant NINE_WITA = Instant.parse("2026-12-10T01:00:00Z");

  @Autowired MeetingInvitations invitations;
  @Autowired DevMailServer mailServer;

  private String meetingId;

  @BeforeEach
  void setUp() {
    mailServer.purge();
    meetingId = "rakor-" + UUID.randomUUID();
  }

  @Test
  void invitesEveryMemberOfTheInvitedAgenciesWithAnIcsInTheRegionsZone() throws Exception {
    assertThat(invitations.send(meeting(0, NINE_WITA, false))).isTrue();

    assertThat(mailServer.received()).hasSize(1);
    MimeMessage mail = mailServer.received().get(0);
    assertThat(mail.getSubject()).isEqualTo("[Siaga Pilkada] Undangan: Rakor kesiapan masa tenang – Kota Palopo,"
        + " Kamis, 10 Desember 2026 pukul 09.00 WITA");
    assertThat(to(mail)).containsExactly("kodimpalopo@siaga.demo", "kpupalopo@siaga.demo", "polrespalopo@siaga.demo");
    assertThat(cc(mail)).containsExactly("kesbangpolpalopo@siaga.demo");
    assertThat(id.siaga.MailboxAssert.body(mail)).contains("laporan kesiapan melalui Siaga Pilkada (Tasklist) paling lambat ", "Rabu, 9 Desember 2026 pukul 12.00 WITA");
    String footer = "Surel ini dikirim otomatis oleh Siaga Pilkada. Jangan membalas surel ini.";
    assertThat(id.siaga.MailboxAssert.html(mail).split(footer, -1)).as("the layout's footer, once").hasSize(2);
    assertThat(id.siaga.MailboxAssert.body(mail).split(footer, -1)).as("in the text and in the HTML").hasSize(3);

    Calendar ics = ics(mail);
    assertThat(ics.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
    assertThat(ics.getProperty("PRODID").orElseThrow().getValue()).isEqualTo(IcsWriter.PRODUCT_ID);
    VEvent event = (VEvent) ics.getComponent("VEVENT").orElseThrow();
    DtStart<?> start = event.getProperty("DTSTART").map(p -> (DtStart<?>) p).orElseThrow();
    assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Makassar");
    assertThat(start.getValue()).as("local time as written in the file").isEqualTo("20261210T090000");
    assertThat(event.getProperty("LOCATION").orElseThrow().getValue()).isEqualTo("Aula Kantor Wali Kota Palopo");
    assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo(meetingId + "@siaga-pilkada");
    assertThat(event.getProperties("ATTENDEE")).hasSize(3);
    assertThat(event.getProperty("ORGANIZER").orElseThrow().getParameter("CN").orElseThrow().getValue())
        .as("the convening agency").isEqualTo("Badan Kesbangpol Kota Palopo");
    assertThat(ics.getComponents("VTIMEZONE")).hasSize(1);
    VTimeZone zone = (VTimeZone) ics.getComponent("VTIMEZONE").orElseThrow();
    assertThat(zone.getProperty("TZID").orElseThrow().getValue()).isEqualTo("Asia/Makassar");
    String offset = zone.getObservances().get(0).getProperty("TZOFFSETTO").orElseThrow().getValue();
    assertThat(offset).isEqualTo("+0800");
    assertThat(java.time.LocalDateTime.parse(start.getValue(), java.time.format.DateTimeFormatter.ofPattern(
        "yyyyMMdd'T'HHmmss")).atOffset(java.time.ZoneOffset.of(offset)).toInstant()).isEqualTo(NINE_WITA);
  }

  @Test
  void aPostponementUpdatesTheSameEventAndACancellationCancelsIt() throws Exception {
    invitations.send(meeting(0, NINE_WITA, false));
    assertThat(invitations.send(meeting(0, NINE_WITA, false))).as("sent once").isFalse();

    invitations.send(meeting(1, NINE_WITA.plus(Duration.ofDays(2)), false));
    invitations.send(meeting(1, NINE_WITA.plus(Duration.ofDays(2)), true));

    assertThat(mailServer.received()).hasSize(3);
    MimeMessage postponed = mailServer.received().stream()
        .filter(m -> subject(m).startsWith("[Siaga Pilkada] Perubahan jadwal")).findFirst().orElseThrow();
    VEvent moved = (VEvent) ics(postponed).getComponent("VEVENT").orElseThrow();
    assertThat(moved.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
    assertThat(moved.getProperty("UID").orElseThrow().getValue()).isEqualTo(meetingId + "@siaga-pilkada");
    assertThat(postponed.getSubject()).contains("Sabtu, 12 Desember 2026 pukul 09.00 WITA");
    MimeMessage cancelled = mailServer.received().stream()
        .filter(m -> subject(m).startsWith("[Siaga Pilkada] Dibatalkan")).findFirst().orElseThrow();
    assertThat(id.siaga.MailboxAssert.body(cancelled)).doesNotContain("Batas laporan");
    Calendar cancel = ics(cancelled);
    assertThat(cancel.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
    assertThat(cancel.getComponent("VEVENT").orElseThrow().getProperty("STATUS").orElseThrow().getValue())
        .isEqualTo("CANCELLED");
  }

  private MeetingInvitations.Invitation meeting(int sequence, Instant start, boolean cancelled) {
    return new MeetingInvitations.Invitation(meetingId, sequence, "Rakor kesiapan masa tenang", "73.73", start,
        Duration.ofHours(3), "Aula Kantor Wali Kota Palopo", "1. Kesiapan logistik\n2. Pengamanan TPS",
        "kesbangpol7373", List.of("polri7373", "tni7373", "kpu7373"), cancelled,
        cancelled ? "Bentrok dengan kunjungan Forkopimda provinsi" : null, start.minus(Duration.ofHours(21)),
        new Meeting.Letter("005/77/Kesbangpol/XII/2026", LetterNature.PENTING, java.time.LocalDate.of(2026, 12, 1)),
        "Pilkada Serentak 2024");
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Calendar ics(MimeMessage mail) throws Exception {
    Multipart multipart = (Multipart) mail.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (MeetingInvitations.FILE_NAME.equals(part.getFileName())) {
        try (InputStream in = part.getInputStream()) {
          return new CalendarBuilder().build(new ByteArrayInputStream(in.readAllBytes()));
        }
      }
    }
    throw new AssertionError("no .ics attachment");
  }
}

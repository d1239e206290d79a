package id.siaga.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.calendar.StageMeetings;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which meeting is a stage's Rakor, its state for the stage readiness, and the coordinator's line. */
class StageRakorStatusTest {

  static final Instant NOW = Instant.parse("2027-09-18T00:00:00Z");

  @Test
  void theStateIsHeldOverScheduledOverNone() {
    assertThat(StageRakorStatus.state(List.of())).isEqualTo(StageMeetings.State.NONE);
    assertThat(StageRakorStatus.state(List.of(meeting("a", MeetingStatus.DIBATALKAN, 1)))).isEqualTo(StageMeetings.State.NONE);
    assertThat(StageRakorStatus.state(List.of(meeting("a", MeetingStatus.DIBATALKAN, 1),
        meeting("b", MeetingStatus.DIJADWALKAN, 2)))).isEqualTo(StageMeetings.State.SCHEDULED);
    assertThat(StageRakorStatus.state(List.of(meeting("a", MeetingStatus.DIJADWALKAN, 1),
        meeting("b", MeetingStatus.DILAKSANAKAN, 2)))).isEqualTo(StageMeetings.State.HELD);
    assertThat(StageRakorStatus.state(List.of(meeting("a", MeetingStatus.SELESAI, 1)))).isEqualTo(StageMeetings.State.HELD);
  }

  @Test
  void theCurrentMeetingIsTheLastHeldElseTheNextScheduledElseTheLastCancelled() {
    assertThat(StageRakorStatus.current(List.of())).isEmpty();
    assertThat(StageRakorStatus.current(List.of(meeting("a", MeetingStatus.DILAKSANAKAN, 1),
        meeting("b", MeetingStatus.SELESAI, 2), meeting("c", MeetingStatus.DIJADWALKAN, 3)))
        .orElseThrow().meetingId()).isEqualTo("b");
    assertThat(StageRakorStatus.current(List.of(meeting("a", MeetingStatus.DIBATALKAN, 1),
        meeting("b", MeetingStatus.DIJADWALKAN, 3), meeting("c", MeetingStatus.DIJADWALKAN, 2)))
        .orElseThrow().meetingId()).isEqualTo("c");
    assertThat(StageRakorStatus.current(List.of(meeting("a", MeetingStatus.DIBATALKAN, 1),
        meeting("b", MeetingStatus.DIBATALKAN, 2))).orElseThrow().meetingId()).isEqualTo("b");
  }

  @Test
  void theLineSaysWhenReportsAndActionItemsOfEachState() {
    assertThat(StageRakorStatus.line(meeting("a", MeetingStatus.DIJADWALKAN, 1), 2, List.of(), NOW, at -> "T"))
        .isEqualTo("Rakor: dijadwalkan T; laporan kesiapan masuk 2 dari 3 instansi");
    assertThat(StageRakorStatus.line(meeting("a", MeetingStatus.DIBATALKAN, 1), 0, List.of(), NOW, at -> "T"))
        .isEqualTo("Rakor: dibatalkan (T), belum dijadwalkan ulang");
    List<ActionItem> items = List.of(item(1, ActionItemStatus.SELESAI, -2), item(2, ActionItemStatus.DIBEBASKAN, -2),
        item(3, ActionItemStatus.TERBUKA, -1), item(4, ActionItemStatus.MINTA_PEMBEBASAN, -1),
        item(5, ActionItemStatus.TERBUKA, 1));
    assertThat(StageRakorStatus.line(meeting("a", MeetingStatus.DILAKSANAKAN, 1), 3, items, NOW, at -> "T"))
        .isEqualTo("Rakor: dilaksanakan T; laporan kesiapan 3 dari 3 instansi; tindak lanjut 5 butir, 2 selesai,"
            + " 2 terlambat");
    assertThat(StageRakorStatus.line(meeting("a", MeetingStatus.SELESAI, 1), 3, items.subList(0, 2), NOW, at -> "T"))
        .endsWith("tindak lanjut 2 butir, 2 selesai, 0 terlambat");
  }

  @Test
  void theReadinessTaskPassesTheRakorsOwnScheduleFields() {
    assertThat(StageMeetings.FORM_FIELDS).containsExactly(MeetingVariables.TITLE, MeetingVariables.MEETING_AT,
        MeetingVariables.VENUE, MeetingVariables.AGENDA, MeetingVariables.INVITED_AGENCIES,
        MeetingVariables.INVITED_REGENCY_AGENCIES, MeetingVariables.DURATION,
        MeetingVariables.LETTER_NUMBER, MeetingVariables.LETTER_NATURE);
  }

  static Meeting meeting(String id, MeetingStatus status, int day) {
    LocalDateTime local = LocalDate.of(2027, 9, 10 + day).atTime(9, 0);
    return new Meeting(id, "pi-" + id, "e", "73.73", "masa-tenang", "Rakor", "Aula", "Agenda",
        Instant.parse("2027-09-" + (10 + day) + "T01:00:00Z"), local, "kesbangpol7373",
        List.of("polri7373", "kpu7373", "tni7373"), "kesbangpolpalopo", 0, status, List.of(), null, null, null, null,
        120, new Meeting.Letter(null, LetterNature.BIASA, java.time.LocalDate.of(2027, 9, 1)));
  }

  static ActionItem item(int number, ActionItemStatus status, int daysFromNow) {
    Instant due = NOW.plusSeconds(86400L * daysFromNow);
    return new ActionItem("a-T" + number, "a", number, "Butir " + number, "polri7373", LocalDate.of(2027, 9, 18),
        due, status, null, null, null, null, null, null, false, Recurrence.SEKALI);
  }
}

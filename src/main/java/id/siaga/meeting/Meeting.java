package id.siaga.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * One coordination meeting (Rakor) as recorded: what was scheduled, where it stands, and, once
 * held, who attended and what was noted.
 *
 * @param meetingLocal the meeting's date and time as the region reads it
 * @param sequence 0 for the first schedule, +1 with every postponement (the .ics SEQUENCE)
 */
public record Meeting(
    String meetingId, String processInstanceId, String electionId, String regionCode, String stageCode,
    String title, String venue, String agenda, Instant meetingAt, LocalDateTime meetingLocal,
    String conveningGroup, List<String> invitedGroups, String convenedBy, int sequence, MeetingStatus status,
    List<String> attendance, String minutes, String statusReason, Instant heldAt, Instant closedAt,
    int durationMinutes, Letter letter) {

  /**
   * The invitation as an official letter: its number in the convening agency's register (may be
   * null: written by hand on the printed letter), its nature (sifat) and the local date it is dated.
   */
  public record Letter(String number, LetterNature nature, LocalDate date) {}

  /** How long the meeting lasts, for the calendar entry and the letter's "s.d." time. */
  public java.time.Duration duration() {
    return java.time.Duration.ofMinutes(durationMinutes);
  }

  Meeting rescheduled(Instant at, LocalDateTime local, String reason) {
    return new Meeting(meetingId, processInstanceId, electionId, regionCode, stageCode, title, venue, agenda, at,
        local, conveningGroup, invitedGroups, convenedBy, sequence + 1, MeetingStatus.DIJADWALKAN, attendance,
        minutes, reason, heldAt, closedAt, durationMinutes, letter);
  }
}

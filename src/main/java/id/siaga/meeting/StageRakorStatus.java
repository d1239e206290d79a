package id.siaga.meeting;

import id.siaga.calendar.StageMeetings;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What one region's stage Rakor is, from its meetings: the one that counts (a held one, else a
 * scheduled one, else the last cancelled one), its state for the stage readiness, and the line the
 * coordinator reads when declaring the stage. Plain rules.
 */
final class StageRakorStatus {

  private StageRakorStatus() {}

  static Optional<Meeting> current(List<Meeting> meetings) {
    Optional<Meeting> held = meetings.stream().filter(StageRakorStatus::held).max(Comparator.comparing(Meeting::meetingAt));
    if (held.isPresent()) {
      return held;
    }
    Optional<Meeting> scheduled = meetings.stream().filter(m -> m.status() == MeetingStatus.DIJADWALKAN)
        .min(Comparator.comparing(Meeting::meetingAt));
    return scheduled.isPresent() ? scheduled : meetings.stream().max(Comparator.comparing(Meeting::meetingAt));
  }

  static StageMeetings.State state(List<Meeting> meetings) {
    if (meetings.stream().anyMatch(StageRakorStatus::held)) {
      return StageMeetings.State.HELD;
    }
    return meetings.stream().anyMatch(m -> m.status() == MeetingStatus.DIJADWALKAN)
        ? StageMeetings.State.SCHEDULED : StageMeetings.State.NONE;
  }

  static boolean held(Meeting meeting) {
    return meeting.status() == MeetingStatus.DILAKSANAKAN || meeting.status() == MeetingStatus.SELESAI;
  }

  /**
   * One line in Bahasa Indonesia: when the Rakor is or was, how many invited agencies reported, and,
   * once held, its action items: how many, how many settled (done or waived), how many overdue.
   */
  static String line(Meeting meeting, int reports, List<ActionItem> items, Instant now, Function<Instant, String> display) {
    String invited = meeting.invitedGroups().size() + " instansi";
    return switch (meeting.status()) {
      case DIJADWALKAN -> "Rakor: dijadwalkan " + display.apply(meeting.meetingAt()) + "; laporan kesiapan masuk "
          + reports + " dari " + invited;
      case DIBATALKAN -> "Rakor: dibatalkan (" + display.apply(meeting.meetingAt()) + "), belum dijadwalkan ulang";
      case DILAKSANAKAN, SELESAI -> {
        long settled = items.stream().filter(i -> i.status() == ActionItemStatus.SELESAI
            || i.status() == ActionItemStatus.DIBEBASKAN).count();
        long overdue = items.stream().filter(i -> i.status() != ActionItemStatus.SELESAI
            && i.status() != ActionItemStatus.DIBEBASKAN && i.dueAt() != null && i.dueAt().isBefore(now)).count();
        yield "Rakor: dilaksanakan " + display.apply(meeting.meetingAt()) + "; laporan kesiapan " + reports + " dari "
            + invited + "; tindak lanjut " + items.size() + " butir, " + settled + " selesai, " + overdue + " terlambat";
      }
    };
  }
}

package id.siaga.meeting;

import java.time.Instant;
import java.time.LocalDate;

/** A commitment agreed in a meeting: what, which agency, by when; and how it ended. */
public record ActionItem(
    String itemId, String meetingId, int number, String description, String ownerGroup, LocalDate dueLocal,
    Instant dueAt, ActionItemStatus status, String outcome, String evidence, String waiverReason,
    String refusalReason, String completedBy, Instant completedAt, boolean late) {

  static String idOf(String meetingId, int number) {
    return meetingId + "-T" + number;
  }
}

package id.siaga.meeting;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A commitment agreed in a meeting, or one owner's part of it: what, which agency, by when (for a
 * recurring item: until when, and how often), and how it ended. A joint item has one part per owner
 * agency, all with the same number; each part is followed up on its own.
 */
public record ActionItem(
    String itemId, String meetingId, int number, String description, String ownerGroup, LocalDate dueLocal,
    Instant dueAt, ActionItemStatus status, String outcome, String evidence, String waiverReason,
    String refusalReason, String completedBy, Instant completedAt, boolean late, Recurrence recurrence) {

  static String idOf(String meetingId, int number) {
    return meetingId + "-T" + number;
  }

  /** The id of the {@code part}-th owner's part (from 1) of a joint item. */
  static String idOf(String meetingId, int number, int part) {
    return idOf(meetingId, number) + "-" + part;
  }
}

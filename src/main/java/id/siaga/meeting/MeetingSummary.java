package id.siaga.meeting;

import java.util.List;

/**
 * The figures of a meeting the coordinator and the readiness board read: reports expected,
 * received and late; action items done, waived, open and late.
 */
public record MeetingSummary(
    int reportsExpected, int reportsReceived, int reportsLate, int itemsTotal, int itemsDone, int itemsWaived,
    int itemsOpen, int itemsLate) {

  static MeetingSummary of(Meeting meeting, List<ReadinessReport> reports, List<ActionItem> items) {
    int done = count(items, ActionItemStatus.SELESAI);
    int waived = count(items, ActionItemStatus.DIBEBASKAN);
    return new MeetingSummary(meeting.invitedGroups().size(), reports.size(),
        (int) reports.stream().filter(ReadinessReport::late).count(), items.size(), done, waived,
        items.size() - done - waived, (int) items.stream().filter(ActionItem::late).count());
  }

  private static int count(List<ActionItem> items, ActionItemStatus status) {
    return (int) items.stream().filter(i -> i.status() == status).count();
  }
}

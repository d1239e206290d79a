package id.siaga.meeting;

import id.siaga.calendar.LocalDeadlines;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The action items of a meeting as the minutes, the summary mail and the record page list them:
 * one line per owner's part. A joint item's line names the other owners ("bersama Kodim …"); a
 * recurring item's due text says how often and how many periods its owner has confirmed.
 */
@Component
class ActionItemLines {

  private final MeetingRepository meetings;
  private final CoordinationMeeting coordinationMeeting;
  private final LocalDeadlines deadlines;

  ActionItemLines(MeetingRepository meetings, CoordinationMeeting coordinationMeeting, LocalDeadlines deadlines) {
    this.meetings = meetings;
    this.coordinationMeeting = coordinationMeeting;
    this.deadlines = deadlines;
  }

  List<Map<String, Object>> of(Meeting m, List<ActionItem> items) {
    Map<String, Long> confirmed = meetings.periods(m.meetingId()).stream()
        .collect(Collectors.groupingBy(ActionPeriodRecord::itemId, Collectors.counting()));
    return items.stream().map(i -> {
      List<String> others = items.stream().filter(o -> o.number() == i.number() && !o.itemId().equals(i.itemId()))
          .map(o -> coordinationMeeting.agencyName(o.ownerGroup())).toList();
      String owner = coordinationMeeting.agencyName(i.ownerGroup())
          + (others.isEmpty() ? "" : " (bersama " + String.join(", ", others) + ")");
      String due = deadlines.display(m.regionCode(), i.dueAt());
      if (i.recurrence().recurring()) {
        int periods = ActionPeriods.of(m, i).size();
        due = i.recurrence().label() + " sampai " + due + "; " + confirmed.getOrDefault(i.itemId(), 0L) + " dari "
            + periods + " periode dikonfirmasi";
      }
      return Map.<String, Object>of("number", i.number(), "description", i.description(), "owner", owner,
          "due", due, "status", MeetingMails.statusLabel(i.status()), "late", i.late());
    }).toList();
  }
}

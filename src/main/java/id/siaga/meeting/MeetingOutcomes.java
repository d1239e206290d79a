package id.siaga.meeting;

import static id.siaga.meeting.MeetingVariables.ATTENDANCE;
import static id.siaga.meeting.MeetingVariables.CANCELLATION_REASON;
import static id.siaga.meeting.MeetingVariables.MINUTES;
import static id.siaga.meeting.MeetingVariables.NEW_MEETING_AT;
import static id.siaga.meeting.MeetingVariables.OUTCOME;
import static id.siaga.meeting.MeetingVariables.POSTPONEMENT_REASON;

import id.siaga.agency.AgencyType;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.system.FormInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The rules of the coordinator's record of a meeting. Held: only once it has started, with the
 * attendance (invited or convening agencies), the minutes, and up to {@value MeetingVariables#ACTION_ITEM_SLOTS} action
 * items, each with a description, one or more owner agencies of the meeting (a joint item: one part
 * per owner), a due date after today and before the election ends, and how often it recurs (a
 * recurring item runs from the meeting's day to its due date, at most
 * {@value ActionPeriods#MAX_PERIODS} periods). Postponed: a new date in the future and before the stage ends, with a
 * reason. Cancelled: a reason.
 */
@Service
class MeetingOutcomes {

  /**
   * The filled action-item slots of the form, in order, as rows (description, ownerAgency,
   * dueDate, recurrence). A slot counts as filled when its description, owners or due date is; its
   * recurrence alone does not (the form preselects it).
   */
  private static List<Map<String, Object>> actionItemRows(FormInput input) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int slot = 1; slot <= MeetingVariables.ACTION_ITEM_SLOTS; slot++) {
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("description", input.value(MeetingVariables.actionItemField(slot, "Description")));
      row.put("ownerAgency", input.value(MeetingVariables.actionItemField(slot, "Owner")));
      row.put("dueDate", input.value(MeetingVariables.actionItemField(slot, "Due")));
      boolean filled = row.values().stream().anyMatch(v -> v != null && !v.toString().isBlank()
          && !v.toString().replaceAll("\\s", "").equals("[]"));
      row.put("recurrence", input.value(MeetingVariables.actionItemField(slot, "Recurrence")));
      if (filled) {
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * The owners a slot names: one agency (a select, as forms before joint items sent) or several (a
   * tag list, as JSON). Each appears once, in the order given.
   */
  private static List<String> ownerValues(FormInput row, Object raw, String label) {
    List<String> owners = new ArrayList<>();
    if (raw == null || raw.toString().isBlank()) {
      return owners;
    }
    List<Object> values = raw instanceof java.util.Collection<?> || raw.toString().trim().startsWith("[")
        ? row.list("ownerAgency", label) : List.of(raw.toString().trim());
    for (Object value : values) {
      String owner = String.valueOf(value).trim();
      if (!owner.isEmpty() && !owners.contains(owner)) {
        owners.add(owner);
      }
    }
    return owners;
  }

  static final int MINUTES_MAX = 4000;
  static final int ITEM_MAX = 1000;

  /** What the coordinator recorded. */
  sealed interface Outcome permits Held, Postponed, Cancelled {}

  record Held(List<String> attendance, String minutes, List<ActionItem> actionItems) implements Outcome {}

  record Postponed(Instant at, LocalDateTime local, String reason) implements Outcome {}

  record Cancelled(String reason) implements Outcome {}

  private final MeetingScheduling scheduling;
  private final LocalDeadlines deadlines;

  MeetingOutcomes(MeetingScheduling scheduling, LocalDeadlines deadlines) {
    this.scheduling = scheduling;
    this.deadlines = deadlines;
  }

  /**
   * The outcome the form holds for this meeting, or a refusal naming every problem.
   *
   * @param now the engine's present: a meeting is held only once it began, a new date lies after it
   */
  Outcome read(FormInput input, Meeting meeting, Instant now) {
    MeetingOutcome outcome = input.choice(OUTCOME, "Hasil rapat", MeetingOutcome.class);
    input.refuseIfInvalid();
    Outcome result = switch (outcome) {
      case DILAKSANAKAN -> held(input, meeting, now);
      case DITUNDA -> {
        LocalDateTime local = input.localDateTime(NEW_MEETING_AT, "Tanggal dan jam rapat yang baru");
        Instant at = scheduling.newDate(meeting, local, input, now);
        String reason = input.text(POSTPONEMENT_REASON, "Alasan penundaan", MeetingScheduling.REASON_MAX, true);
        yield new Postponed(at, local, reason);
      }
      case DIBATALKAN -> new Cancelled(
          input.text(CANCELLATION_REASON, "Alasan pembatalan", MeetingScheduling.REASON_MAX, true));
    };
    input.refuseIfInvalid();
    return result;
  }

  /**
   * An agency the outcome form names: an agency of the meeting by its group (the form's choices:
   * the convening and the invited agencies, from regencies or other provinces too), or, as forms
   * before those choices sent, an agency type of the meeting's region.
   */
  Optional<String> agencyOf(String value, Meeting meeting) {
    if (meeting.conveningGroup().equals(value) || meeting.invitedGroups().contains(value)) {
      return Optional.of(value);
    }
    try {
      return scheduling.agencyOfRegion(AgencyType.valueOf(value), meeting.regionCode());
    } catch (IllegalArgumentException notAType) {
      return Optional.empty();
    }
  }

  private Held held(FormInput input, Meeting meeting, Instant now) {
    if (now.isBefore(meeting.meetingAt())) {
      input.problem("Rapat belum dimulai; hasil rapat dapat dicatat mulai "
          + deadlines.display(meeting.regionCode(), meeting.meetingAt()));
    }
    List<String> attendance = new ArrayList<>();
    for (Object value : input.list(ATTENDANCE, "Kehadiran")) {
      Optional<String> group = agencyOf(String.valueOf(value), meeting);
      if (group.isPresent() && (meeting.invitedGroups().contains(group.get())
          || meeting.conveningGroup().equals(group.get()))) {
        if (!attendance.contains(group.get())) {
          attendance.add(group.get());
        }
      } else {
        input.problem("Kehadiran: " + FormInput.echo(String.valueOf(value)) + " tidak diundang ke rapat ini");
      }
    }
    if (attendance.isEmpty()) {
      input.problem("Kehadiran: pilih paling sedikit satu instansi yang hadir");
    }
    String minutes = input.text(MINUTES, "Notulen", MINUTES_MAX, true);
    List<Map<String, Object>> rows = actionItemRows(input);
    Instant electionEnd = scheduling.electionEnd(meeting);
    LocalDate today = now.atZone(deadlines.zoneOf(meeting.regionCode())).toLocalDate();
    List<ActionItem> items = new ArrayList<>();
    LocalDate meetingDay = meeting.meetingLocal().toLocalDate();
    for (int i = 0; i < rows.size(); i++) {
      int number = i + 1;
      String label = "Tindak lanjut " + number;
      FormInput row = new FormInput(rows.get(i));
      String description = row.text("description", label + ": uraian", ITEM_MAX, true);
      List<String> ownerValues = ownerValues(row, rows.get(i).get("ownerAgency"), label + ": instansi penanggung jawab");
      if (ownerValues.isEmpty()) {
        row.problem(label + ": instansi penanggung jawab wajib diisi");
      }
      List<String> owners = new ArrayList<>();
      for (String ownerValue : ownerValues) {
        Optional<String> owner = ownerValue.length() > 64 ? Optional.empty() : agencyOf(ownerValue, meeting);
        if (owner.isEmpty()) {
          row.problem(label + ": instansi " + FormInput.echo(ownerValue) + " tidak ada di wilayah rapat"
              + " dan tidak diundang");
        } else if (!owners.contains(owner.get())) {
          owners.add(owner.get());
        }
      }
      Object recurrenceValue = rows.get(i).get("recurrence");
      Recurrence recurrence = recurrenceValue == null || recurrenceValue.toString().isBlank() ? Recurrence.SEKALI
          : row.choice("recurrence", label + ": pengulangan", Recurrence.class);
      LocalDate due = row.localDate(rows.get(i).get("dueDate"), label + ": tenggat");
      Instant dueAt = null;
      if (due != null) {
        dueAt = deadlines.at(meeting.regionCode(), due, LocalTime.of(23, 59));
        if (!due.isAfter(today)) {
          row.problem(label + ": tenggat harus setelah hari ini");
        } else if (dueAt.isAfter(electionEnd)) {
          row.problem(label + ": tenggat harus sebelum pemilihan berakhir ("
              + deadlines.display(meeting.regionCode(), electionEnd) + ")");
        } else if (recurrence != null && recurrence.recurring()
            && ActionPeriods.of(recurrence, meetingDay, due).size() > ActionPeriods.MAX_PERIODS) {
          row.problem(label + ": paling banyak " + ActionPeriods.MAX_PERIODS + " periode konfirmasi ("
              + ActionPeriods.of(recurrence, meetingDay, due).size() + " " + recurrence.label()
              + " sampai tenggat); pilih pengulangan mingguan atau tanggal akhir yang lebih dekat");
        }
      }
      row.problems().forEach(input::problem);
      if (row.problems().isEmpty()) {
        for (int part = 1; part <= owners.size(); part++) {
          String id = owners.size() == 1 ? ActionItem.idOf(meeting.meetingId(), number)
              : ActionItem.idOf(meeting.meetingId(), number, part);
          items.add(new ActionItem(id, meeting.meetingId(), number, description, owners.get(part - 1), due, dueAt,
              ActionItemStatus.TERBUKA, null, null, null, null, null, null, false, recurrence));
        }
      }
    }
    return new Held(attendance, minutes, items);
  }
}

package id.siaga.meeting;

import static id.siaga.meeting.MeetingVariables.EVIDENCE;
import static id.siaga.meeting.MeetingVariables.FOLLOW_UP_DECISION;
import static id.siaga.meeting.MeetingVariables.FOLLOW_UP_OUTCOME;
import static id.siaga.meeting.MeetingVariables.REFUSAL_REASON;
import static id.siaga.meeting.MeetingVariables.WAIVER_DECISION;
import static id.siaga.meeting.MeetingVariables.WAIVER_REASON;

import id.siaga.meeting.MeetingVariables.FollowUpDecision;
import id.siaga.meeting.MeetingVariables.PeriodDecision;
import id.siaga.meeting.MeetingVariables.WaiverDecision;
import id.siaga.system.FormInput;
import java.time.Instant;
import java.util.List;

/**
 * The rules of following up an action item: the owner reports it done (outcome and evidence) or
 * asks for a waiver (with a reason); the coordinator grants the waiver or refuses it (with a
 * reason). A recurring item is confirmed per period instead: carried out, or not with a reason;
 * after its last period it is done, late if any confirmation was. Each step returns the item as it
 * is after the step. Plain: no engine, no database.
 */
final class FollowUps {

  static final int OUTCOME_MAX = 4000;
  static final int NOTE_MAX = 1000;

  private FollowUps() {}

  /** Checks the owner's form; returns the decision. */
  static FollowUpDecision checkOwnerForm(FormInput input) {
    FollowUpDecision decision = input.choice(FOLLOW_UP_DECISION, "Keputusan", FollowUpDecision.class);
    boolean done = decision == FollowUpDecision.SELESAI;
    input.text(FOLLOW_UP_OUTCOME, "Hasil tindak lanjut", OUTCOME_MAX, done);
    input.text(EVIDENCE, "Bukti (catatan atau nomor dokumen)", NOTE_MAX, done);
    input.text(WAIVER_REASON, "Alasan permohonan pembatalan", NOTE_MAX, decision == FollowUpDecision.MINTA_PEMBEBASAN);
    input.refuseIfInvalid();
    return decision;
  }

  /** Checks the coordinator's form on a waiver request; returns the decision. */
  static WaiverDecision checkWaiverForm(FormInput input) {
    WaiverDecision decision = input.choice(WAIVER_DECISION, "Keputusan atas permohonan", WaiverDecision.class);
    input.text(REFUSAL_REASON, "Alasan penolakan", NOTE_MAX, decision == WaiverDecision.TOLAK);
    input.refuseIfInvalid();
    return decision;
  }

  /** Checks the owner's confirmation of one period; returns whether the period's work was carried out. */
  static boolean checkPeriodForm(FormInput input) {
    PeriodDecision decision = input.choice(MeetingVariables.PERIOD_DECISION, "Pelaksanaan", PeriodDecision.class);
    input.text(MeetingVariables.PERIOD_NOTE, "Catatan", NOTE_MAX, decision == PeriodDecision.TIDAK_DILAKSANAKAN);
    input.refuseIfInvalid();
    return decision == PeriodDecision.DILAKSANAKAN;
  }

  /** The owner's confirmation of one period, late if it came after the period's last day. */
  static ActionPeriodRecord confirmed(ActionItem item, ActionPeriods.Period period, Instant dueAt, boolean executed,
      String note, String userId, Instant now) {
    return new ActionPeriodRecord(item.itemId(), period.number(), period.firstDay(), period.lastDay(), dueAt,
        executed, note, userId, now, now.isAfter(dueAt));
  }

  /** A recurring item after its last period: done, with how many periods were carried out. */
  static ActionItem recurringDone(ActionItem item, List<ActionPeriodRecord> periods, Instant now) {
    long executed = periods.stream().filter(ActionPeriodRecord::executed).count();
    String outcome = executed + " dari " + periods.size() + " periode dilaksanakan";
    boolean late = item.late() || periods.stream().anyMatch(ActionPeriodRecord::late);
    return new ActionItem(item.itemId(), item.meetingId(), item.number(), item.description(), item.ownerGroup(),
        item.dueLocal(), item.dueAt(), ActionItemStatus.SELESAI, outcome, null, item.waiverReason(),
        item.refusalReason(), null, now, late, item.recurrence());
  }

  static ActionItem done(ActionItem item, String outcome, String evidence, String userId, Instant now) {
    return new ActionItem(item.itemId(), item.meetingId(), item.number(), item.description(), item.ownerGroup(),
        item.dueLocal(), item.dueAt(), ActionItemStatus.SELESAI, outcome, evidence, item.waiverReason(),
        item.refusalReason(), userId, now, item.late() || now.isAfter(item.dueAt()), item.recurrence());
  }

  static ActionItem waiverRequested(ActionItem item, String reason, String userId, Instant now) {
    return new ActionItem(item.itemId(), item.meetingId(), item.number(), item.description(), item.ownerGroup(),
        item.dueLocal(), item.dueAt(), ActionItemStatus.MINTA_PEMBEBASAN, null, null, reason, item.refusalReason(),
        userId, now, item.late() || now.isAfter(item.dueAt()), item.recurrence());
  }

  static ActionItem waived(ActionItem item, String userId, Instant now) {
    return new ActionItem(item.itemId(), item.meetingId(), item.number(), item.description(), item.ownerGroup(),
        item.dueLocal(), item.dueAt(), ActionItemStatus.DIBEBASKAN, null, null, item.waiverReason(), null, userId,
        now, item.late(), item.recurrence());
  }

  static ActionItem refused(ActionItem item, String reason) {
    return new ActionItem(item.itemId(), item.meetingId(), item.number(), item.description(), item.ownerGroup(),
        item.dueLocal(), item.dueAt(), ActionItemStatus.TERBUKA, null, null, item.waiverReason(), reason, null,
        null, item.late(), item.recurrence());
  }
}

package id.siaga.meeting;

import static id.siaga.meeting.MeetingVariables.EVIDENCE;
import static id.siaga.meeting.MeetingVariables.FOLLOW_UP_DECISION;
import static id.siaga.meeting.MeetingVariables.FOLLOW_UP_OUTCOME;
import static id.siaga.meeting.MeetingVariables.REFUSAL_REASON;
import static id.siaga.meeting.MeetingVariables.WAIVER_DECISION;
import static id.siaga.meeting.MeetingVariables.WAIVER_REASON;

import id.siaga.meeting.MeetingVariables.FollowUpDecision;
import id.siaga.meeting.MeetingVariables.WaiverDecision;
import id.siaga.system.FormInput;
import java.time.Instant;

/**
 * The rules of following up an action item: the owner reports it done (outcome and evidence) or
 * asks for a waiver (with a reason); the coordinator grants the waiver or refuses it (with a
 * reason). Each step returns the item as it is after the step. Plain: no engine, no database.
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

  static ActionItem done(ActionItem item, String outcome, String evidence, String userId, Instant now) {
    return new ActionItem(item.itemId(), item.meetingId(), item.number(), item.description(), item.ownerGroup(),
        item.dueLocal(), item.dueAt(), ActionItemStatus.SELESAI, outcome, evidence, item.waiverReason(),
        item.refusalReason(), userId, now, item.late() || now.isAfter(item.dueAt()));
  }

  static ActionItem waiverRequested(ActionItem item, String reason, String userId, Instant now) {
    return new ActionItem(item.itemId(), item.meetingId(), item.number(), item.description(), item.ownerGroup(),
        item.dueLocal(), item.dueAt(), ActionItemStatus.MINTA_PEMBEBASAN, null, null, reason, item.refusalReason(),
        userId, now, item.late() || now.isAfter(item.dueAt()));
  }

  static ActionItem waived(ActionItem item, String userId, Instant now) {
    return new ActionItem(item.itemId(), item.meetingId(), item.number(), item.description(), item.ownerGroup(),
        item.dueLocal(), item.dueAt(), ActionItemStatus.DIBEBASKAN, null, null, item.waiverReason(), null, userId,
        now, item.late());
  }

  static ActionItem refused(ActionItem item, String reason) {
    return new ActionItem(item.itemId(), item.meetingId(), item.number(), item.description(), item.ownerGroup(),
        item.dueLocal(), item.dueAt(), ActionItemStatus.TERBUKA, null, null, item.waiverReason(), reason, null,
        null, item.late());
  }
}

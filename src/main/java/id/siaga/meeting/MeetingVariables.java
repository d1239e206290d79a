package id.siaga.meeting;

/** The process variables of {@code coordination-meeting}, in one place. */
final class MeetingVariables {

  private MeetingVariables() {}

  static final String PROCESS_KEY = "coordination-meeting";

  // the schedule form (start event)
  static final String STAGE_CODE = "stageCode";
  static final String TITLE = "title";
  static final String MEETING_AT = "meetingAt";
  static final String VENUE = "venue";
  static final String AGENDA = "agenda";
  static final String DURATION = "durationMinutes";
  static final String LETTER_NUMBER = "letterNumber";
  static final String LETTER_NATURE = "letterNature";
  static final String ATTENDEE_NAME = "attendeeName";
  static final String ATTENDEE_POSITION = "attendeePosition";
  static final String ATTENDEE_DEPUTY = "attendeeIsDeputy";
  static final String ATTENDEE_ON_BEHALF_OF = "attendeeOnBehalfOf";
  static final String INVITED_AGENCIES = "invitedAgencies";
  /** A province's Rakor: the agency types invited in every regency and city of the province. */
  static final String INVITED_REGENCY_AGENCIES = "invitedRegencyAgencies";
  /** A national forum: the provinces invited ("SEMUA" for every province) and their agency types. */
  static final String INVITED_PROVINCES = "invitedProvinces";
  static final String INVITED_PROVINCE_AGENCIES = "invitedProvinceAgencies";
  static final String CONVENING_AGENCY = "conveningAgency";
  static final String CONVENED_BY = "convenedBy";

  // set when the meeting is registered
  static final String MEETING_ID = "meetingId";
  static final String CONVENING_GROUP = "conveningGroup";
  static final String MEETING_SEQUENCE = "meetingSequence";
  static final String MEETING_TIME_TEXT = "meetingTimeText";
  static final String REPORT_DUE_AT = "reportDueAt";
  static final String READINESS_SUMMARY = "readinessSummary";

  // the readiness report form (local to each agency's task)
  static final String AGENCY_GROUP = "agencyGroup";
  static final String PERSONNEL = "personnelCount";
  static final String VULNERABILITIES = "vulnerabilities";
  static final String OTHER_THREAT = "otherThreat";
  static final String NEEDS = "needsAndObstacles";
  static final String READINESS = "readinessStatus";
  static final String READINESS_NOTES = "readinessNotes";

  // the meeting outcome form
  static final String OUTCOME = "meetingOutcome";
  static final String ATTENDANCE = "attendance";
  static final String MINUTES = "minutes";
  /**
   * The action items of the outcome form: {@value #ACTION_ITEM_SLOTS} slots of description, owner
   * agency and due date ({@code actionItem1Description} …), not a dynamic list, which Tasklist 7.24
   * cannot complete once it has a row (docs/architecture.md).
   */
  static final int ACTION_ITEM_SLOTS = 10;

  static String actionItemField(int slot, String part) {
    return "actionItem" + slot + part;
  }

  /** Every variable the action-item slots of the outcome form may set. */
  static java.util.List<String> actionItemFields() {
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int slot = 1; slot <= ACTION_ITEM_SLOTS; slot++) {
      for (String part : java.util.List.of("Description", "Owner", "Due", "Recurrence")) {
        names.add(actionItemField(slot, part));
      }
    }
    return names;
  }
  static final String NEW_MEETING_AT = "newMeetingAt";
  static final String POSTPONEMENT_REASON = "postponementReason";
  static final String CANCELLATION_REASON = "cancellationReason";

  // one action item (local to its follow-up sub-process)
  static final String ACTION_ITEM_ID = "actionItemId";
  static final String OWNER_GROUP = "ownerGroup";
  static final String ACTION_ITEM_DUE_AT = "actionItemDueAt";
  static final String ACTION_ITEM_TEXT = "actionItemDescription";
  static final String ACTION_ITEM_DUE_TEXT = "actionItemDueText";
  static final String FOLLOW_UP_DECISION = "followUpDecision";
  static final String FOLLOW_UP_OUTCOME = "followUpOutcome";
  static final String EVIDENCE = "evidence";
  static final String WAIVER_REASON = "waiverReason";
  static final String WAIVER_REQUESTED_AT = "waiverRequestedAt";
  static final String WAIVER_DECISION = "waiverDecision";
  static final String REFUSAL_REASON = "refusalReason";
  /** Whether the item is confirmed per period (a boolean, local to its follow-up). */
  static final String RECURRING = "recurring";

  // one period of a recurring item (local to its instance of the periods' sub-process)
  static final String PERIOD_NO = "periodNo";
  static final String PERIOD_STARTS_AT = "periodStartsAt";
  static final String PERIOD_DUE_AT = "periodDueAt";
  static final String PERIOD_TEXT = "periodText";
  static final String PERIOD_DECISION = "periodDecision";
  static final String PERIOD_NOTE = "periodNote";

  /** The owner's choice on an action item. */
  enum FollowUpDecision { SELESAI, MINTA_PEMBEBASAN }

  /** The owner's confirmation of one period of a recurring item. */
  enum PeriodDecision { DILAKSANAKAN, TIDAK_DILAKSANAKAN }

  /** The coordinator's choice on a waiver request. */
  enum WaiverDecision { SETUJU, TOLAK }
}

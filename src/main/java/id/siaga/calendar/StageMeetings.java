package id.siaga.calendar;

import java.util.Map;

/**
 * The coordination meeting (Rakor) of one region's stage, as the readiness of that stage needs it:
 * whether one is scheduled or held, and scheduling one from the readiness task's schedule form. The
 * meeting feature implements it; the readiness feature uses it without knowing the meeting feature
 * (docs/architecture.md). The meeting process tells the stage readiness that its Rakor was held or
 * cancelled with the two messages below, correlated by the stage readiness's business key.
 */
public interface StageMeetings {

  /** Sent by the Rakor when it is held: the stage readiness waiting for it goes on. */
  String HELD_MESSAGE = "StageRakorHeld";
  /** Sent by the Rakor when it is cancelled: the stage readiness asks for a new one. */
  String CANCELLED_MESSAGE = "StageRakorCancelled";

  /** The schedule form's fields, the same in the Rakor's start form and the stage readiness's task. */
  java.util.List<String> FORM_FIELDS = java.util.List.of("title", "meetingAt", "venue", "agenda", "invitedAgencies",
      "invitedRegencyAgencies", "durationMinutes", "letterNumber", "letterNature");

  /** The business key of a region's readiness for one stage of an election. */
  static String stageKey(String electionId, String regionCode, String stageCode) {
    return electionId + ":" + regionCode + ":" + stageCode;
  }

  /** Where the stage's Rakor stands: none (or only cancelled ones), one scheduled, one held. */
  enum State { NONE, SCHEDULED, HELD }

  State state(String electionId, String regionCode, String stageCode);

  /**
   * Schedules the stage's Rakor, convened by the region's coordinator, from the fields of the schedule
   * form (title, meetingAt, venue, agenda, invitedAgencies). The election, region and stage are the
   * caller's, read from its own records, never from the form. A refusal names every problem.
   *
   * @return the new meeting's id
   */
  String schedule(String electionId, String regionCode, String stageCode, Map<String, Object> form);
}

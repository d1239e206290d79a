package id.siaga.meeting;

/** What the coordinator records for the meeting: held, postponed to a new date, or cancelled. */
public enum MeetingOutcome {
  DILAKSANAKAN,
  DITUNDA,
  DIBATALKAN
}

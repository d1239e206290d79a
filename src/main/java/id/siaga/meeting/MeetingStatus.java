package id.siaga.meeting;

/** Where a meeting stands in its record (siaga_meeting.status). */
public enum MeetingStatus {
  /** Scheduled (again, after a postponement); reports are being collected. */
  DIJADWALKAN,
  /** Held; its action items are being followed up. */
  DILAKSANAKAN,
  DIBATALKAN,
  /** Held and every action item done or waived. */
  SELESAI
}

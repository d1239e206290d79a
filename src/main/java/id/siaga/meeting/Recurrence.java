package id.siaga.meeting;

/** How often an action item is carried out and confirmed (siaga_meeting_action_item.recurrence). */
public enum Recurrence {
  /** Once, by its due date. */
  SEKALI("sekali", 0),
  /** Every day from the meeting's day until the end date, confirmed per day. */
  HARIAN("setiap hari", 1),
  /** Every week from the meeting's day until the end date, confirmed per week. */
  MINGGUAN("setiap minggu", 7);

  private final String label;
  private final int periodDays;

  Recurrence(String label, int periodDays) {
    this.label = label;
    this.periodDays = periodDays;
  }

  public String label() {
    return label;
  }

  /** Days in one period; 0 for an item done once. */
  int periodDays() {
    return periodDays;
  }

  boolean recurring() {
    return periodDays > 0;
  }
}

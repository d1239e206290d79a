package id.siaga.meeting;

/** Where an action item stands (siaga_meeting_action_item.status). */
public enum ActionItemStatus {
  TERBUKA,
  MINTA_PEMBEBASAN,
  SELESAI,
  DIBEBASKAN
}

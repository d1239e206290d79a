package id.siaga.patrol;

import id.siaga.notification.MailKind;

/** The mails of the security feature. */
final class PatrolMailKinds {

  /** A situation report with a rawan kecamatan or an incident, to the region's coordinator at once. */
  static final MailKind SITUATION_ALERT = new MailKind("SITUATION_ALERT");
  /** The summary of a stage's patrols when its window closes. */
  static final MailKind PATROL_SUMMARY = new MailKind("PATROL_SUMMARY");

  private PatrolMailKinds() {}
}

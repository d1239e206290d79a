package id.siaga.meeting;

import id.siaga.notification.MailKind;

/** The mails of a coordination meeting. */
final class MeetingMailKinds {

  /** The invitation, its updates after a postponement, and its cancellation (with {@code .ics}). */
  static final MailKind INVITATION = new MailKind("INVITATION");
  static final MailKind MINUTES = new MailKind("MINUTES");
  static final MailKind SUMMARY = new MailKind("SUMMARY");
  /** The coordinator's decision on a waiver request. */
  static final MailKind WAIVER = new MailKind("WAIVER");

  private MeetingMailKinds() {}
}

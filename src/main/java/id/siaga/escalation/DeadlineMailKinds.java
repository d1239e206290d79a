package id.siaga.escalation;

import id.siaga.notification.MailKind;

/** The mails of a user task's deadline: before it, at it, and at each escalation level after it. */
public final class DeadlineMailKinds {

  public static final MailKind REMINDER = new MailKind("REMINDER");
  public static final MailKind OVERDUE = new MailKind("OVERDUE");
  public static final MailKind ESCALATION = new MailKind("ESCALATION");

  private DeadlineMailKinds() {}
}

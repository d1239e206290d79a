package id.siaga.notification;

/** The kinds of mail the product sends. */
public enum MailKind {
  REMINDER,
  OVERDUE,
  ESCALATION,
  INVITATION,
  DIGEST,
  SUMMARY,
  MINUTES,
  WAIVER
}

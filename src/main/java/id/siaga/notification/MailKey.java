package id.siaga.notification;

/**
 * What a mail is about, its kind and its level: the outbox sends at most one mail per key.
 *
 * @param subject the task id, meeting id or agency group id
 * @param level the escalation level, the digest's local date, or "0"
 */
public record MailKey(String subject, MailKind kind, String level) {

  public static MailKey of(String subject, MailKind kind) {
    return new MailKey(subject, kind, "0");
  }

  @Override
  public String toString() {
    return subject + "/" + kind + "/" + level;
  }
}

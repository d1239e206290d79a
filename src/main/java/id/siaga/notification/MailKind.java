package id.siaga.notification;

import java.util.regex.Pattern;

/**
 * A kind of mail, part of its outbox key. Kinds belong to the features that send them: each feature
 * declares its own as constants (e.g. {@code escalation.DeadlineMailKinds}, the meeting's
 * {@code MeetingMailKinds}), so that a new feature adds kinds without editing this package.
 *
 * @param name upper-case letters, digits and {@code _}, at most {@value #MAX_LENGTH} characters (the
 *     outbox's {@code kind} column), starting with a letter
 */
public record MailKind(String name) {

  /** The longest name the outbox stores. */
  public static final int MAX_LENGTH = 40;

  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0," + (MAX_LENGTH - 1) + "}");

  public MailKind {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a mail kind is 1 to " + MAX_LENGTH
          + " upper-case letters, digits or '_', starting with a letter: " + name);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}

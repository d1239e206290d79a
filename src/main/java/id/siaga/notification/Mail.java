package id.siaga.notification;

import java.util.List;

/**
 * One e-mail: recipients, subject, the plain-text and HTML bodies, and attachments.
 *
 * @param to addresses the mail is for
 * @param cc addresses that get a copy
 */
public record Mail(List<String> to, List<String> cc, String subject, String text, String html,
    List<Attachment> attachments) {

  public Mail {
    to = List.copyOf(to);
    cc = List.copyOf(cc);
    attachments = List.copyOf(attachments);
    // a header never carries a line break: no header injection through a task name
    subject = subject.replaceAll("[\\r\\n]+", " ").strip();
  }

  public boolean hasRecipients() {
    return !to.isEmpty() || !cc.isEmpty();
  }

  /** A file attached to the mail, such as a meeting invitation ({@code .ics}). */
  public record Attachment(String fileName, String contentType, byte[] content) {}
}

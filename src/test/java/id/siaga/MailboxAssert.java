package id.siaga;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.Arrays;
import java.util.List;

/** Reading mails received by the embedded SMTP server in tests. */
public final class MailboxAssert {

  private MailboxAssert() {}

  public static List<String> to(MimeMessage message) throws Exception {
    return addresses(message.getRecipients(Message.RecipientType.TO));
  }

  public static List<String> cc(MimeMessage message) throws Exception {
    return addresses(message.getRecipients(Message.RecipientType.CC));
  }

  /** The whole text of a message: every text part, plain and HTML, as received. */
  public static String body(MimeMessage message) throws Exception {
    StringBuilder text = new StringBuilder();
    collect(message.getContent(), text);
    return text.toString();
  }

  /** Only the HTML part of a message. */
  public static String html(MimeMessage message) throws Exception {
    StringBuilder html = new StringBuilder();
    collectHtml(message, html);
    return html.toString();
  }

  private static void collectHtml(jakarta.mail.Part part, StringBuilder html) throws Exception {
    if (part.isMimeType("text/html")) {
      html.append(part.getContent());
    } else if (part.getContent() instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collectHtml(multipart.getBodyPart(i), html);
      }
    }
  }

  private static void collect(Object content, StringBuilder text) throws Exception {
    if (content instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i).getContent(), text);
      }
    } else if (content instanceof String string) {
      text.append(string).append('\n');
    } else if (content instanceof java.io.InputStream in) {
      text.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).append('\n');
    }
  }

  private static List<String> addresses(Address[] addresses) {
    return addresses == null ? List.of() : Arrays.stream(addresses).map(Address::toString).sorted().toList();
  }
}

package id.siaga.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each mail at most once per {@link MailKey}. Called from a job: the outbox row is written
 * in its own transaction before sending and marked SENT in another right after, so a re-executed
 * job skips what was sent, a failed send leaves the row PENDING for the next retry, and a failure
 * never rolls back the process state the mail is about. An SMTP error is thrown on, so that
 * Camunda retries the job and raises an incident when retries run out.
 */
@Service
public class Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
  static final String KEY_HEADER = "X-Siaga-Key";

  private final JavaMailSender sender;
  private final MailOutbox outbox;
  private final TransactionTemplate ownTransaction;
  private final String from;

  Mailer(JavaMailSender sender, MailOutbox outbox, PlatformTransactionManager transactions,
      @Value("${siaga.mail.from}") String from) {
    this.sender = sender;
    this.outbox = outbox;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.from = from;
  }

  /**
   * Sends the mail {@code compose} builds, unless a mail with this key was already sent.
   *
   * @return true when it was sent now
   */
  public boolean sendOnce(MailKey key, Supplier<Mail> compose) {
    String status = ownTransaction.execute(tx -> {
      var existing = outbox.find(key);
      if (existing.isPresent()) {
        return existing.get().status();
      }
      try {
        outbox.insertPending(key);
      } catch (DuplicateKeyException raced) {
        return outbox.find(key).orElseThrow().status();
      }
      return "PENDING";
    });
    if (!"PENDING".equals(status)) {
      LOG.debug("Mail {} already {}", key, status);
      return false;
    }
    Mail mail = compose.get();
    ownTransaction.executeWithoutResult(tx -> outbox.recordAttempt(key,
        String.join(",", mail.to()) + (mail.cc().isEmpty() ? "" : " cc " + String.join(",", mail.cc())),
        mail.subject()));
    if (!mail.hasRecipients()) {
      LOG.warn("Mail {} has no recipient with an e-mail address; recorded as SKIPPED", key);
      ownTransaction.executeWithoutResult(tx -> outbox.markDone(key, "SKIPPED"));
      return false;
    }
    try {
      sender.send(toMimeMessage(key, mail));
    } catch (RuntimeException e) {
      ownTransaction.executeWithoutResult(tx -> outbox.recordFailure(key, e.toString()));
      throw e;
    }
    ownTransaction.executeWithoutResult(tx -> outbox.markDone(key, "SENT"));
    LOG.info("Sent mail {} to {} recipient(s)", key, mail.to().size() + mail.cc().size());
    return true;
  }

  private MimeMessage toMimeMessage(MailKey key, Mail mail) {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
          "UTF-8");
      helper.setFrom(from);
      helper.setTo(mail.to().toArray(String[]::new));
      helper.setCc(mail.cc().toArray(String[]::new));
      helper.setSubject(mail.subject());
      helper.setText(mail.text(), mail.html());
      for (Mail.Attachment attachment : mail.attachments()) {
        helper.addAttachment(attachment.fileName(),
            new ByteArrayDataSource(attachment.content(), attachment.contentType()));
      }
      message.setHeader(KEY_HEADER, key.toString());
      return message;
    } catch (MessagingException e) {
      throw new MailSendException("cannot build mail " + key, e);
    }
  }
}

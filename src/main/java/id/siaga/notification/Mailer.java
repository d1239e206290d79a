package id.siaga.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Sends each mail at most once per {@link MailKey}. Called from a job: the outbox row is written
 * in its own transaction before sending and marked SENT in another right after, so a re-executed
 * job skips what was sent, a failed send leaves the row PENDING for the next retry, and a failure
 * never rolls back the process state the mail is about. An SMTP error is thrown on, so that
 * Camunda retries the job and raises an incident when retries run out. Meanwhile the row records
 * the job's execution, on which {@link MailIncidents} shows the failing mail in Cockpit after
 * {@code siaga.mail.incident-after-attempts} failed attempts (2 by default; docs/operations.md,
 * "SMTP outage").
 */
@Service
public class Mailer {

  private static final Logger LOG = LoggerFactory.getLogger(Mailer.class);
  static final String KEY_HEADER = "X-Siaga-Key";
  /** This node, in the outbox's claim owner (host and process). */
  static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

  private final JavaMailSender sender;
  private final MailOutbox outbox;
  private final OutboxTransactions ownTransaction;
  private final String from;
  private final Duration claimLease;

  Mailer(JavaMailSender sender, MailOutbox outbox, PlatformTransactionManager transactions,
      @Value("${siaga.mail.from}") String from, @Value("${siaga.mail.claim-lease:PT5M}") Duration claimLease) {
    this.sender = sender;
    this.outbox = outbox;
    this.ownTransaction = new OutboxTransactions(transactions);
    this.from = from;
    this.claimLease = claimLease;
  }

  /**
   * Sends the mail {@code compose} builds, unless a mail with this key was already sent.
   *
   * <p>The row of the key is claimed first (a conditional update with an owner and a lease longer
   * than the SMTP timeouts), so that two nodes, or a retried job whose first attempt still hangs,
   * never both send it. A caller that finds the key claimed by someone else gets
   * {@link MailClaimedException}: its job is retried later, and sends only if the other sender's
   * lease ran out without the mail being sent.
   *
   * @return true when it was sent now
   */
  public boolean sendOnce(MailKey key, Supplier<Mail> compose) {
    String executionId = currentExecutionId();
    String status = ownTransaction.execute(() -> {
      var existing = outbox.find(key);
      if (existing.isPresent()) {
        return existing.get().status();
      }
      try {
        outbox.insertPending(key, executionId);
      } catch (DuplicateKeyException raced) {
        return outbox.find(key).orElseThrow().status();
      }
      return "PENDING";
    });
    if ("SENT".equals(status) || "SKIPPED".equals(status)) {
      LOG.debug("Mail {} already {}", key, status);
      return false;
    }
    String owner = NODE + "/" + UUID.randomUUID();
    Instant now = Instant.now();
    Boolean claimed = ownTransaction.execute(() -> outbox.claim(key, owner, now, now.plus(claimLease)));
    if (!Boolean.TRUE.equals(claimed)) {
      String current = outbox.find(key).map(MailOutbox.Entry::status).orElse("PENDING");
      if ("SENT".equals(current) || "SKIPPED".equals(current)) {
        return false;
      }
      throw new MailClaimedException(key);
    }
    Mail mail;
    try {
      mail = compose.get();
    } catch (RuntimeException e) {
      ownTransaction.run(() -> outbox.release(key, owner, e.toString()));
      throw e;
    }
    ownTransaction.run(() -> outbox.recordAttempt(key, recipientsText(mail), mail.subject()));
    if (!mail.hasRecipients()) {
      LOG.warn("Mail {} has no recipient with an e-mail address; recorded as SKIPPED", key);
      ownTransaction.run(() -> outbox.markDone(key, owner, "SKIPPED", null));
      return false;
    }
    String note;
    try {
      note = deliver(key, outbox.messageId(key), mail);
    } catch (RuntimeException e) {
      ownTransaction.run(() -> outbox.release(key, owner, e.toString()));
      throw e;
    }
    String sentNote = note;
    // accepted by the server: the record of it must not be lost to a database restart
    ownTransaction.runOnceReachable(() -> outbox.markDone(key, owner, "SENT", sentNote), claimLease);
    LOG.info("Sent mail {} to {} recipient(s)", key, mail.to().size() + mail.cc().size());
    return true;
  }

  /**
   * The execution a mail sent now is about, where {@link MailIncidents} raises its incident while
   * it cannot be sent: inside a job (the asynchronous service tasks that send mails) the job's
   * execution, which exists in the database whatever the job did before it failed; else the BPMN
   * execution the caller runs in; null outside the engine.
   */
  static String currentExecutionId() {
    CommandContext command = Context.getCommandContext();
    if (command == null) {
      return null;
    }
    JobEntity job = command.getCurrentJob();
    if (job != null && job.getExecutionId() != null) {
      return job.getExecutionId();
    }
    return Context.getCoreExecutionContext() != null
        && Context.getCoreExecutionContext().getExecution() instanceof ExecutionEntity execution ? execution.getId() : null;
  }

  /**
   * Hands the mail to the SMTP server under this key's header and Message-ID.
   *
   * @return null, or a note naming the recipients the server refused while the others got it
   * @throws RuntimeException when nobody got it
   */
  String deliver(MailKey key, String messageId, Mail mail) {
    try {
      sender.send(toMimeMessage(key, messageId, mail));
      return null;
    } catch (MailSendException e) {
      List<String> refused = refusedWhileOthersGotIt(e);
      if (refused == null) {
        throw e;
      }
      String note = "refused by the server: " + String.join(", ", refused);
      LOG.warn("Mail {} reached its other recipients; {}", key, note);
      return note;
    }
  }

  static String recipientsText(Mail mail) {
    return String.join(",", mail.to()) + (mail.cc().isEmpty() ? "" : " cc " + String.join(",", mail.cc()));
  }

  /**
   * The addresses the server refused when it accepted the mail for the others (JavaMail's
   * {@code mail.smtp.sendpartial}); null when nobody got it.
   */
  private static List<String> refusedWhileOthersGotIt(MailSendException e) {
    for (Exception failure : e.getFailedMessages().values()) {
      for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
        if (cause instanceof SendFailedException partial && partial.getValidSentAddresses() != null
            && partial.getValidSentAddresses().length > 0) {
          Address[] invalid = partial.getInvalidAddresses() == null ? new Address[0] : partial.getInvalidAddresses();
          Address[] unsent = partial.getValidUnsentAddresses() == null ? new Address[0] : partial.getValidUnsentAddresses();
          List<String> refused = new ArrayList<>();
          Arrays.stream(invalid).map(Address::toString).forEach(refused::add);
          Arrays.stream(unsent).map(Address::toString).forEach(refused::add);
          return refused;
        }
      }
    }
    return null;
  }

  /** Another sender holds the claim on this key: the job is retried later. */
  public static final class MailClaimedException extends IllegalStateException {
    MailClaimedException(MailKey key) {
      super("Mail " + key + " is being sent by another worker; retried later");
    }
  }

  private MimeMessage toMimeMessage(MailKey key, String messageId, Mail mail) {
    try {
      MimeMessage message = new StoredIdMessage(session(), messageId);
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

  private Session session() {
    return sender instanceof JavaMailSenderImpl impl ? impl.getSession() : Session.getInstance(new Properties());
  }

  /** A message whose Message-ID is the one the outbox stored for its key, not a fresh one. */
  private static final class StoredIdMessage extends MimeMessage {

    private final String messageId;

    StoredIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}

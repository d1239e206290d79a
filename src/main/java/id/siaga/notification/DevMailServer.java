package id.siaga.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: an embedded SMTP server (GreenMail) on localhost that receives every mail the
 * application sends, so that a newcomer sees reminders without a mail server (page: /demo/mailbox).
 * Port 0 picks a free port once; {@link #stop()} and {@link #start()} keep it (tests use them to
 * play an SMTP outage).
 */
@Component
@Profile("demo")
public class DevMailServer implements DisposableBean {

  private static final Logger LOG = LoggerFactory.getLogger(DevMailServer.class);

  private final int port;
  private GreenMail greenMail;

  DevMailServer(@Value("${siaga.demo.mail-server.port:3025}") int configuredPort) {
    this.port = configuredPort == 0 ? freePort() : configuredPort;
    start();
  }

  public final synchronized void start() {
    if (greenMail != null) {
      return;
    }
    greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    greenMail.start();
    LOG.info("Demo mail server (SMTP) listening on 127.0.0.1:{}; mails at /demo/mailbox", port);
  }

  public synchronized void stop() {
    if (greenMail != null) {
      greenMail.stop();
      greenMail = null;
    }
  }

  public int port() {
    return port;
  }

  /**
   * Every mail received since the server started, oldest first, once each (the server stores a
   * copy per recipient; copies share the Message-ID).
   */
  public synchronized List<MimeMessage> received() {
    if (greenMail == null) {
      return List.of();
    }
    Map<String, MimeMessage> unique = new LinkedHashMap<>();
    for (MimeMessage message : greenMail.getReceivedMessages()) {
      try {
        unique.putIfAbsent(message.getMessageID(), message);
      } catch (MessagingException e) {
        throw new IllegalStateException("unreadable message in the demo mailbox", e);
      }
    }
    return List.copyOf(unique.values());
  }

  /**
   * Every copy received since the server started, one per recipient, oldest first: a mail sent
   * twice under one Message-ID shows here twice (tests count deliveries with it).
   */
  public synchronized List<MimeMessage> copies() {
    return greenMail == null ? List.of() : List.of(greenMail.getReceivedMessages());
  }

  /** Forgets the received mails (tests). */
  public synchronized void purge() {
    if (greenMail != null) {
      try {
        greenMail.purgeEmailFromAllMailboxes();
      } catch (Exception e) {
        throw new IllegalStateException("cannot purge the demo mailbox", e);
      }
    }
  }

  @Override
  public void destroy() {
    stop();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package id.siaga.notification;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Demo profile only: the mails the embedded SMTP server received, for administrators and
 * coordinators (whoever may open Cockpit), newest first, each viewable as HTML and plain text.
 */
@Controller
@Profile("demo")
@RequestMapping("/demo/mailbox")
class MailboxController {

  /** One received mail as the page shows it. */
  record Entry(int index, String sentAt, String from, String to, String cc, String subject, String text,
      String html, List<String> attachments) {}

  private final DevMailServer server;
  private final AuthorizationService authorizations;
  private final IdentityService identity;

  MailboxController(DevMailServer server, AuthorizationService authorizations, IdentityService identity) {
    this.server = server;
    this.authorizations = authorizations;
    this.identity = identity;
  }

  @GetMapping
  String list(Principal principal, Model model) throws Exception {
    requireCoordinator(principal);
    List<MimeMessage> received = server.received();
    List<Entry> entries = new ArrayList<>();
    for (int i = received.size() - 1; i >= 0; i--) {
      entries.add(entry(i, received.get(i), false));
    }
    model.addAttribute("entries", entries);
    return "demo/mailbox";
  }

  @GetMapping("/{index}")
  String show(Principal principal, @PathVariable int index, Model model) throws Exception {
    requireCoordinator(principal);
    List<MimeMessage> received = server.received();
    if (index < 0 || index >= received.size()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Surel tidak ditemukan");
    }
    model.addAttribute("mail", entry(index, received.get(index), true));
    return "demo/mail";
  }

  private void requireCoordinator(Principal principal) {
    String user = principal.getName();
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    if (!authorizations.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION, "cockpit")) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Hanya administrator dan koordinator");
    }
  }

  private static Entry entry(int index, MimeMessage message, boolean withBody) throws Exception {
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder();
    List<String> attachments = new ArrayList<>();
    if (withBody) {
      collect(message, text, html, attachments);
    }
    return new Entry(index, message.getSentDate() == null ? "" : message.getSentDate().toInstant().toString(),
        join(message.getFrom()), join(message.getRecipients(Message.RecipientType.TO)),
        join(message.getRecipients(Message.RecipientType.CC)), message.getSubject(), text.toString(),
        html.toString(), attachments);
  }

  private static void collect(Part part, StringBuilder text, StringBuilder html, List<String> attachments)
      throws Exception {
    if (part.getFileName() != null) {
      attachments.add(part.getFileName());
    } else if (part.isMimeType("text/plain")) {
      text.append(part.getContent());
    } else if (part.isMimeType("text/html")) {
      html.append(part.getContent());
    } else if (part.getContent() instanceof MimeMultipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), text, html, attachments);
      }
    }
  }

  private static String join(Address[] addresses) {
    return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
  }
}

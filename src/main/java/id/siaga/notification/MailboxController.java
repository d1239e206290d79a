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
import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Demo profile only: the mails the embedded SMTP server received, newest first, each viewable as
 * HTML and plain text. A user sees the mails addressed to them or to a member of their agency; a
 * coordinator also those to the agencies of their own region (a province's coordinator: of the
 * province and its regencies and cities); administrators and the national desk see all. A mail
 * nobody may see answers like one that does not exist.
 */
@Controller
@Profile("demo")
@RequestMapping("/demo/mailbox")
class MailboxController {

  /** One received mail as the page shows it. */
  record Entry(int index, String sentAt, String from, String to, String cc, String subject, String text,
      String html, List<String> attachments) {}

  private final DevMailServer server;
  private final IdentityService identity;
  private final AgencyRepository agencies;

  MailboxController(DevMailServer server, IdentityService identity, AgencyRepository agencies) {
    this.server = server;
    this.identity = identity;
    this.agencies = agencies;
  }

  @GetMapping
  String list(Principal principal, Model model) throws Exception {
    Predicate<MimeMessage> visible = visibleTo(principal.getName());
    List<MimeMessage> received = server.received();
    List<Entry> entries = new ArrayList<>();
    for (int i = received.size() - 1; i >= 0; i--) {
      if (visible.test(received.get(i))) {
        entries.add(entry(i, received.get(i), false));
      }
    }
    model.addAttribute("entries", entries);
    return "demo/mailbox";
  }

  @GetMapping("/{index}")
  String show(Principal principal, @PathVariable int index, Model model) throws Exception {
    List<MimeMessage> received = server.received();
    if (index < 0 || index >= received.size() || !visibleTo(principal.getName()).test(received.get(index))) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Surel tidak ditemukan");
    }
    model.addAttribute("mail", entry(index, received.get(index), true));
    return "demo/mail";
  }

  /** Which received mails this user may read: by their addressees, read as the system. */
  private Predicate<MimeMessage> visibleTo(String userId) {
    identity.clearAuthentication();
    List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    if (groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(Agency.NATIONAL_DESK)) {
      return mail -> true;
    }
    Set<String> readableGroups = new HashSet<>(groups);
    for (String groupId : groups) {
      agencies.find(groupId).filter(Agency::coordinates).ifPresent(coordinator -> agencies.findAll().stream()
          .filter(a -> a.regionCode() != null && (a.regionCode().equals(coordinator.regionCode())
              || a.regionCode().startsWith(coordinator.regionCode() + ".")))
          .forEach(a -> readableGroups.add(a.groupId())));
    }
    Set<String> addresses = new HashSet<>();
    User self = identity.createUserQuery().userId(userId).singleResult();
    if (self != null && self.getEmail() != null) {
      addresses.add(self.getEmail().trim().toLowerCase(Locale.ROOT));
    }
    for (String groupId : readableGroups) {
      identity.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getEmail).filter(Objects::nonNull)
          .forEach(address -> addresses.add(address.trim().toLowerCase(Locale.ROOT)));
    }
    return mail -> addressees(mail).stream().anyMatch(addresses::contains);
  }

  private static List<String> addressees(MimeMessage mail) {
    List<String> all = new ArrayList<>();
    try {
      for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
        Address[] addresses = mail.getRecipients(type);
        if (addresses != null) {
          for (Address address : addresses) {
            all.add((address instanceof InternetAddress internet ? internet.getAddress() : address.toString())
                .trim().toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (MessagingException e) {
      return List.of();
    }
    return all;
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

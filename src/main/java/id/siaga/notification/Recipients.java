package id.siaga.notification;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import id.siaga.system.EmailAddresses;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * E-mail addresses of the members of agency groups and of single users, from the Camunda identity
 * service. A user without an address, or with an invalid one (set before addresses were checked),
 * is skipped and logged, not an error: the others still get the mail.
 */
@Component
public class Recipients {

  private static final Logger LOG = LoggerFactory.getLogger(Recipients.class);

  private final IdentityService identity;

  Recipients(IdentityService identity) {
    this.identity = identity;
  }

  public List<String> ofGroups(Collection<String> groupIds) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String groupId : groupIds) {
      identity.createUserQuery().memberOfGroup(groupId).list().forEach(user -> add(addresses, user));
    }
    return List.copyOf(addresses);
  }

  public List<String> ofUser(String userId) {
    if (userId == null) {
      return List.of();
    }
    User user = identity.createUserQuery().userId(userId).singleResult();
    Set<String> addresses = new LinkedHashSet<>();
    if (user != null) {
      add(addresses, user);
    }
    return List.copyOf(addresses);
  }

  private static void add(Set<String> addresses, User user) {
    if (user.getEmail() == null || user.getEmail().isBlank()) {
      LOG.info("User {} has no e-mail address; skipped", user.getId());
    } else if (!EmailAddresses.isValid(user.getEmail().trim())) {
      LOG.warn("User {} has an invalid e-mail address; skipped so that the others still get the mail", user.getId());
    } else {
      addresses.add(user.getEmail().trim());
    }
  }
}

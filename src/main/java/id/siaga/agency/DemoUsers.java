package id.siaga.agency;

import id.siaga.region.NationalDataReady;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: officers and coordinators of the demo regions with one known password, so
 * that a newcomer can log in to Tasklist at once. The list is data (application-demo.yaml). Created
 * when the country is there (their agencies' groups come from the national import), before the
 * product opens its pages at the first start.
 */
@Component
@Profile("demo")
class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);

  private final IdentityService identity;
  private final AgencyRepository agencies;
  private final Settings settings;
  private final AdHocBodies bodies;

  DemoUsers(IdentityService identity, AgencyRepository agencies, Settings settings, AdHocBodies bodies) {
    this.identity = identity;
    this.agencies = agencies;
    this.settings = settings;
    this.bodies = bodies;
  }

  /** A demo user of a kecamatan's PPK or Panwascam: the body is created for it (ppk737301 → 73.73.01). */
  private Optional<Agency> adHocBody(String groupId) {
    for (AdHocBodies.Kind kind : AdHocBodies.Kind.values()) {
      String prefix = kind.groupId("");
      if (groupId.startsWith(prefix) && groupId.substring(prefix.length()).matches("\\d{6}")) {
        String digits = groupId.substring(prefix.length());
        String district = digits.substring(0, 2) + "." + digits.substring(2, 4) + "." + digits.substring(4);
        try {
          return bodies.ensure(district, kind).stream().map(AdHocBodies.Ensured::agency).findFirst();
        } catch (IllegalArgumentException notAKecamatan) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  @ConfigurationProperties("siaga.demo")
  record Settings(String password, String mailDomain, List<DemoUser> users) {}

  record DemoUser(String id, String firstName, String lastName, String agency) {}

  @EventListener
  void nationalDataReady(NationalDataReady ready) {
    StringBuilder table = new StringBuilder();
    for (DemoUser demo : settings.users()) {
      Agency agency = agencies.find(demo.agency()).or(() -> adHocBody(demo.agency())).orElse(null);
      if (agency == null) {
        LOG.warn("Demo user {} skipped: agency group {} does not exist (regions not imported?)",
            demo.id(), demo.agency());
        continue;
      }
      if (identity.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identity.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@" + settings.mailDomain());
        user.setPassword(settings.password());
        // the demo's one known password is exempt from the password policy; nothing else is
        ((IdentityServiceImpl) identity).saveUser(user, true);
        identity.createMembership(demo.id(), demo.agency());
      }
      table.append(String.format("%n  %-22s %-10s %s%s", demo.id(), settings.password(), agency.name(),
          agency.coordinates() ? " (koordinator: Tasklist + Cockpit)" : ""));
    }
    LOG.info("Demo users (Tasklist: http://127.0.0.1:8080/camunda/app/tasklist/):{}", table);
  }
}

package id.siaga.patrol;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyType;
import id.siaga.system.EngineAdapter;
import id.siaga.system.FormInput;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** What the engine adapters of the security feature share: the engine's present, ids, refusals, who starts. */
@EngineAdapter
final class EngineSteps {

  private static final SecureRandom RANDOM = new SecureRandom();

  private EngineSteps() {}

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** "patroli-3f9c…": a random id, so that one record's id tells nothing about another's. */
  static String newId(String prefix) {
    byte[] bytes = new byte[10];
    RANDOM.nextBytes(bytes);
    return prefix + "-" + HexFormat.of().formatHex(bytes);
  }

  /** Refuses the submission or start with one message; nothing is changed. */
  static void refuse(String message) {
    FormInput refusal = new FormInput(Map.of());
    refusal.problem(message);
    refusal.refuseIfInvalid();
  }

  /** A value repeated in a message: at most 40 characters, nothing but letters, digits and ". _-". */
  static String abbreviate(String value) {
    String safe = value == null ? "" : value.replaceAll("[^\\p{Alnum} ._-]", "?");
    return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
  }

  /** A security plan of a region is started by its Polres, its Kesbangpol coordinator or an administrator. */
  static boolean mayStart(Authentication user, String regionCode) {
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(Agency.groupId(AgencyType.POLRI, regionCode))
        || groups.contains(Agency.groupId(AgencyType.KESBANGPOL, regionCode));
  }

  /** The signed-in user, or "sistem" when the server itself acts (a start by stage readiness, a test). */
  static String userOf(Authentication user) {
    return user == null ? "sistem" : user.getUserId();
  }
}

package id.siaga.patrol;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.agency.AgencyType;
import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import id.siaga.system.EngineAdapter;
import id.siaga.system.FormInput;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
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

  /**
   * The regency or city with a race and a Polres of this code, or a refusal naming the code as the
   * caller sent it.
   */
  static Region raceRegency(RegionRepository regions, AgencyRepository agencies, String code, String example) {
    Region region = regions.find(code).filter(r -> r.level() == RegionLevel.REGENCY)
        .filter(r -> agencies.find(Agency.groupId(AgencyType.POLRI, r.code())).isPresent()).orElse(null);
    if (region == null) {
      FormInput.refuse("Kode " + FormInput.echo(code) + " bukan kabupaten/kota penyelenggara Pilkada (contoh "
          + example + ")");
    }
    return region;
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

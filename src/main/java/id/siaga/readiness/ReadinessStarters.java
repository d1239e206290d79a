package id.siaga.readiness;

import id.siaga.agency.Agency;
import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import id.siaga.system.EngineAdapter;
import id.siaga.system.FormInput;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What both readiness processes check when they start: who starts them, and which region. */
@EngineAdapter
final class ReadinessStarters {

  private ReadinessStarters() {}

  /** The system (no user), an administrator or the national desk; anyone else is refused with {@code message}. */
  static void requireSystemAdminOrDesk(Authentication user, String message) {
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (user != null && !groups.contains(Groups.CAMUNDA_ADMIN) && !groups.contains(Agency.NATIONAL_DESK)) {
      FormInput.refuse(message);
    }
  }

  /** A province or regency/city that holds a race, or a refusal naming the code as the caller sent it. */
  static Region raceRegion(RegionRepository regions, String code) {
    Region region = regions.find(code).filter(Region::hasRace)
        .filter(r -> r.level() == RegionLevel.REGENCY || r.level() == RegionLevel.PROVINCE).orElse(null);
    if (region == null) {
      FormInput.refuse("Kode " + FormInput.echo(code) + " bukan wilayah penyelenggara Pilkada (provinsi atau kabupaten/kota)");
    }
    return region;
  }
}

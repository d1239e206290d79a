package id.siaga.agency;

import id.siaga.region.Region;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read what the product records about a region (its meetings, its logistics figures): the
 * agencies of the region and of its province, the national desk and administrators. The groups
 * are the signed-in user's, as the API security hands them to the engine for the request.
 */
@Component
public class RegionAccess {

  private final AgencyRepository agencies;
  private final IdentityService identity;

  RegionAccess(AgencyRepository agencies, IdentityService identity) {
    this.agencies = agencies;
    this.identity = identity;
  }

  /** Whether the signed-in user may read the records of the region. */
  public boolean mayRead(String regionCode) {
    List<String> groups = groups();
    if (groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(Agency.NATIONAL_DESK)) {
      return true;
    }
    String province = regionCode.length() >= 2 ? Region.provinceOf(regionCode) : regionCode;
    return groups.stream().map(agencies::find).flatMap(Optional::stream)
        .anyMatch(a -> regionCode.equals(a.regionCode()) || province.equals(a.regionCode()));
  }

  /** Whether the signed-in user is an administrator or belongs to this agency of the region. */
  public boolean isAgencyOrAdmin(AgencyType type, String regionCode) {
    List<String> groups = groups();
    return groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(Agency.groupId(type, regionCode));
  }

  /** The signed-in user's id, or null. */
  public String userId() {
    Authentication current = identity.getCurrentAuthentication();
    return current == null ? null : current.getUserId();
  }

  private List<String> groups() {
    Authentication current = identity.getCurrentAuthentication();
    return current == null || current.getGroupIds() == null ? List.of() : current.getGroupIds();
  }
}

package id.siaga.agency;

import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may read what the product records about a region (its meetings, its logistics figures): the
 * agencies of the region and of its province, the national desk and administrators. The groups
 * are the signed-in user's, as the API security hands them to the engine for the request.
 */
@Component
public class RegionAccess {

  private final AgencyRepository agencies;
  private final IdentityService identity;
  private final RegionRepository regions;

  RegionAccess(AgencyRepository agencies, IdentityService identity, RegionRepository regions) {
    this.agencies = agencies;
    this.identity = identity;
    this.regions = regions;
  }

  /**
   * The regency/city a status endpoint answers for ({@code ?regionCode=73.73}): a missing or
   * malformed code is 400, a reader who may not read the region 403, decided before the region is
   * looked up so that a refusal reads the same whether it exists or not; an unknown code 400.
   */
  public Region readableRegency(String regionCode) {
    if (regionCode == null || regionCode.isBlank()) {
      throw new IllegalArgumentException("Parameter regionCode wajib diisi: kode kabupaten/kota, contoh 73.73");
    }
    if (!RegionLevel.REGENCY.accepts(regionCode)) {
      throw new IllegalArgumentException("Kode kabupaten/kota tidak sah: "
          + (regionCode.matches("[0-9.]{1,16}") ? regionCode : "(tidak sah)") + " (contoh 73.73)");
    }
    if (!mayRead(regionCode)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Anda tidak berwenang melihat data wilayah ini");
    }
    return regions.find(regionCode).filter(r -> r.level() == RegionLevel.REGENCY)
        .orElseThrow(() -> new IllegalArgumentException("Kode kabupaten/kota tidak dikenal: " + regionCode));
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

  /** The first of these groups the signed-in user belongs to (an invited agency uploading its slides). */
  public Optional<String> memberOf(java.util.Collection<String> groupIds) {
    List<String> mine = groups();
    return groupIds.stream().filter(mine::contains).findFirst();
  }

  /** Whether the signed-in user belongs to one of these groups (e.g. the agencies invited to a meeting). */
  public boolean memberOfAny(java.util.Collection<String> groupIds) {
    return groups().stream().anyMatch(groupIds::contains);
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

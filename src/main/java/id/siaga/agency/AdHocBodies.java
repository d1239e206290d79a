package id.siaga.agency;

import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ad-hoc election bodies of a kecamatan as agencies and Camunda groups, created when a process
 * needs them: the PPK (Panitia Pemilihan Kecamatan) of the KPU and the Panwascam (Panitia
 * Pengawas Pemilihan Kecamatan) of Bawaslu. Each escalates to the KPU or Bawaslu of its
 * regency/city. Idempotent: asking again returns the existing bodies and creates nothing.
 */
@Service
public class AdHocBodies {

  /** The two ad-hoc bodies, the line each belongs to and how its group id and name begin. */
  public enum Kind {
    PPK(AgencyType.KPU, "ppk", "PPK"),
    PANWASCAM(AgencyType.BAWASLU, "panwascam", "Panwascam");

    private final AgencyType line;
    private final String idPrefix;
    private final String namePrefix;

    Kind(AgencyType line, String idPrefix, String namePrefix) {
      this.line = line;
      this.idPrefix = idPrefix;
      this.namePrefix = namePrefix;
    }

    public AgencyType line() {
      return line;
    }

    /** {@code ppk737301} for kecamatan 73.73.01: letters and digits only. */
    public String groupId(String districtCode) {
      return idPrefix + districtCode.replace(".", "");
    }

    /** "PPK Kecamatan Wara, Kota Palopo": kecamatan names repeat across the country. */
    String name(Region district, Region regency) {
      return namePrefix + " Kecamatan " + district.name() + ", " + regency.name();
    }
  }

  /** One body and whether this call created it. */
  public record Ensured(Agency agency, boolean created) {}

  private final AgencyRepository agencies;
  private final RegionRepository regions;
  private final IdentityService identity;
  private final AgencyAccess access;

  AdHocBodies(AgencyRepository agencies, RegionRepository regions, IdentityService identity, AgencyAccess access) {
    this.agencies = agencies;
    this.regions = regions;
    this.identity = identity;
    this.access = access;
  }

  /**
   * The bodies of one kind for a kecamatan ({@code 73.73.01}) or for every kecamatan of a
   * regency/city ({@code 73.73}), created where missing.
   */
  @Transactional
  public List<Ensured> ensure(String regionCode, Kind kind) {
    RegionLevel level = RegionLevel.ofCode(regionCode);
    if (level == null) {
      throw new IllegalArgumentException("kode wilayah tidak sah: '" + regionCode + "' (contoh: 73.73 atau 73.73.01)");
    }
    if (level == RegionLevel.PROVINCE) {
      throw new IllegalArgumentException(kind.namePrefix
          + " dibentuk per kecamatan: berikan kode kabupaten/kota atau kecamatan, bukan provinsi " + regionCode);
    }
    Region region = regions.find(regionCode)
        .orElseThrow(() -> new IllegalArgumentException("kode wilayah tidak dikenal: " + regionCode));
    Region regency = level == RegionLevel.REGENCY ? region : regions.find(region.parentCode()).orElseThrow();
    String parentGroup = Agency.groupId(kind.line(), regency.code());
    if (agencies.find(parentGroup).isEmpty()) {
      throw new IllegalArgumentException(regency.name() + " tidak menyelenggarakan Pilkada: tidak ada "
          + kind.line().name() + " kabupaten/kota untuk " + kind.namePrefix);
    }
    List<Region> districts = level == RegionLevel.DISTRICT ? List.of(region) : regions.findChildren(regency.code());
    List<Ensured> result = new ArrayList<>();
    List<Agency> created = new ArrayList<>();
    for (Region district : districts) {
      String groupId = kind.groupId(district.code());
      Optional<Agency> existing = agencies.find(groupId);
      if (existing.isPresent()) {
        result.add(new Ensured(existing.get(), false));
        continue;
      }
      Agency agency = new Agency(groupId, kind.line(), AgencyLevel.DISTRICT, district.code(),
          kind.name(district, regency), parentGroup, NameOrigin.GENERATED, null);
      created.add(agency);
      result.add(new Ensured(agency, true));
    }
    agencies.insert(created);
    for (Agency agency : created) {
      if (identity.createGroupQuery().groupId(agency.groupId()).count() == 0) {
        Group group = identity.newGroup(agency.groupId());
        group.setName(agency.name());
        group.setType(AgencyProvisioning.GROUP_TYPE);
        identity.saveGroup(group);
      }
    }
    access.grantApplications(created);
    return result;
  }
}

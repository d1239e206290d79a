package id.siaga.agency;

import id.siaga.region.Region;
import id.siaga.region.RegionImportStep;
import id.siaga.region.RegionLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Part of the national import: the agencies (and Camunda groups) of every line with their
 * escalation chain, as data. For every regency/city with a race and every province one agency per
 * type; the national top of each line (KPU RI, Bawaslu RI, Mabes Polri, Kejaksaan Agung,
 * Kemendagri); the TNI territory (Korem and Kodam, from {@link AgencyUnits}, else generated per
 * province); the national desk. Names come from the reference file where it has them, else they
 * are generated and marked so; a name an administrator set is kept. The Camunda group's name
 * follows. Idempotent: creates or changes only what differs.
 *
 * <p>A national import creates about 3,900 groups (each with the engine's default authorization)
 * and about 4,900 grants. Saved one service call at a time, each call is an engine command that
 * flushes on its own; saved all in one command, the engine's flush sorts its inserts in quadratic
 * time. So the missing or renamed groups and the missing grants are worked out first and then
 * saved {@value #WRITES_PER_COMMAND} to an engine command (the service calls inside reuse its
 * command context and are flushed together, in JDBC batches), all inside the import's Spring
 * transaction: a failure still rolls everything back.
 */
@Component
class AgencyProvisioning implements RegionImportStep {

  static final String GROUP_TYPE = "agency";
  static final int WRITES_PER_COMMAND = 250;

  private final AgencyRepository agencies;
  private final IdentityService identityService;
  private final AgencyAccess access;
  private final AgencyUnits units;
  private final ProcessEngineConfigurationImpl engine;

  AgencyProvisioning(AgencyRepository agencies, IdentityService identityService, AgencyAccess access,
      AgencyUnits units, ProcessEngineConfigurationImpl engine) {
    this.agencies = agencies;
    this.identityService = identityService;
    this.access = access;
    this.units = units;
    this.engine = engine;
  }

  @Override
  public int afterRegionsImported(List<Region> regions) {
    Map<String, Agency> existing = agencies.findAll().stream()
        .collect(Collectors.toMap(Agency::groupId, Function.identity()));
    List<Agency> desired = desiredAgencies(regions, units).stream()
        .map(a -> keepAdministratorsName(a, existing.get(a.groupId()))).toList();
    List<Agency> inserts = desired.stream().filter(a -> !existing.containsKey(a.groupId())).toList();
    List<Agency> updates = desired.stream().filter(a -> existing.containsKey(a.groupId()))
        .filter(a -> !sameData(existing.get(a.groupId()), a)).toList();
    agencies.insert(inserts);
    agencies.update(updates);

    Map<String, Group> groups = identityService.createGroupQuery().list().stream()
        .collect(Collectors.toMap(Group::getId, Function.identity()));
    List<Runnable> writes = new ArrayList<>();
    for (Agency agency : desired) {
      Group current = groups.get(agency.groupId());
      if (current != null && agency.name().equals(current.getName())) {
        continue;
      }
      writes.add(() -> {
        Group group = current != null ? current : identityService.newGroup(agency.groupId());
        if (current == null) {
          group.setType(GROUP_TYPE);
        }
        group.setName(agency.name());
        identityService.saveGroup(group);
      });
    }
    for (Authorization grant : access.missingGrants(desired)) {
      writes.add(() -> access.save(grant));
    }
    for (String obsolete : access.obsoleteGrants()) {
      writes.add(() -> access.delete(obsolete));
    }
    for (int from = 0; from < writes.size(); from += WRITES_PER_COMMAND) {
      List<Runnable> chunk = writes.subList(from, Math.min(writes.size(), from + WRITES_PER_COMMAND));
      engine.getCommandExecutorTxRequired().execute(commandContext -> {
        chunk.forEach(Runnable::run);
        return null;
      });
    }
    return inserts.size() + updates.size() + writes.size();
  }

  private static Agency keepAdministratorsName(Agency desired, Agency existing) {
    return existing != null && existing.nameOrigin() == NameOrigin.ADMIN
        ? desired.withName(existing.name(), NameOrigin.ADMIN, existing.nameSource())
        : desired;
  }

  /**
   * Every agency the regions call for, each after the one it escalates to: the desk, the national
   * bodies, the Kodams, the provinces, the Korems, the regencies/cities.
   */
  static List<Agency> desiredAgencies(List<Region> regions, AgencyUnits units) {
    List<Agency> result = new ArrayList<>();
    result.add(new Agency(Agency.NATIONAL_DESK, null, AgencyLevel.NATIONAL, null,
        Agency.NATIONAL_DESK_NAME, null, NameOrigin.GENERATED, null));
    for (AgencyUnits.NationalBody body : units.national()) {
      result.add(new Agency(body.groupId(), body.lines().get(0), AgencyLevel.NATIONAL, null, body.name(), null,
          NameOrigin.REFERENCE, body.source()));
    }
    Map<String, Region> provinces = regions.stream().filter(r -> r.level() == RegionLevel.PROVINCE)
        .collect(Collectors.toMap(Region::code, Function.identity()));
    for (AgencyUnits.Kodam kodam : units.kodams()) {
      result.add(new Agency(kodam.groupId(), AgencyType.TNI, AgencyLevel.NATIONAL,
          provinces.containsKey(kodam.hq()) ? kodam.hq() : null, kodam.name(), null, NameOrigin.REFERENCE,
          kodam.source()));
    }
    for (Region province : regions) {
      if (province.level() == RegionLevel.PROVINCE && units.kodamOf(province.code()).isEmpty()) {
        result.add(new Agency(AgencyUnits.generatedKodamId(province.code()), AgencyType.TNI, AgencyLevel.NATIONAL,
            province.code(), "Kodam wilayah " + province.name(), null, NameOrigin.GENERATED, null));
      }
    }
    for (Region province : regions) {
      if (province.level() == RegionLevel.PROVINCE) {
        for (AgencyType type : AgencyType.values()) {
          result.add(named(units, Agency.groupId(type, province.code()), type, AgencyLevel.PROVINCE, province.code(),
              type.provinceName(province.name()), topFor(units, type, province.code())));
        }
      }
    }
    for (AgencyUnits.Korem korem : units.korems()) {
      result.add(new Agency(korem.groupId(), AgencyType.TNI, AgencyLevel.PROVINCE,
          provinces.containsKey(korem.hq()) ? korem.hq() : null, korem.name(), korem.kodam(), NameOrigin.REFERENCE,
          korem.source()));
    }
    for (Region regency : regions) {
      if (regency.level() == RegionLevel.REGENCY && regency.hasRace()
          && provinces.containsKey(regency.provinceCode())) {
        for (AgencyType type : AgencyType.values()) {
          result.add(named(units, Agency.groupId(type, regency.code()), type, AgencyLevel.REGENCY, regency.code(),
              type.regencyName(regency.name()), nextAboveRegency(units, type, regency)));
        }
      }
    }
    return result;
  }

  /** The province agency's next link: the national top of its line; for TNI the Kodam of the province. */
  private static String topFor(AgencyUnits units, AgencyType type, String provinceCode) {
    if (type != AgencyType.TNI) {
      return units.topOf(type);
    }
    return units.kodamOf(provinceCode).map(AgencyUnits.Kodam::groupId)
        .orElse(AgencyUnits.generatedKodamId(provinceCode));
  }

  /** A regency agency's next link: its province counterpart; for TNI the Korem of its territory. */
  private static String nextAboveRegency(AgencyUnits units, AgencyType type, Region regency) {
    if (type == AgencyType.TNI) {
      return units.koremOf(regency.code()).map(AgencyUnits.Korem::groupId)
          .orElse(Agency.groupId(type, regency.provinceCode()));
    }
    return Agency.groupId(type, regency.provinceCode());
  }

  private static Agency named(AgencyUnits units, String groupId, AgencyType type, AgencyLevel level,
      String regionCode, String generatedName, String escalatesTo) {
    return units.unit(groupId)
        .map(u -> new Agency(groupId, type, level, regionCode, u.name(), escalatesTo, NameOrigin.REFERENCE, u.source()))
        .orElse(new Agency(groupId, type, level, regionCode, generatedName, escalatesTo, NameOrigin.GENERATED, null));
  }

  private static boolean sameData(Agency a, Agency b) {
    return a.name().equals(b.name()) && Objects.equals(a.escalatesTo(), b.escalatesTo())
        && a.nameOrigin() == b.nameOrigin() && Objects.equals(a.nameSource(), b.nameSource())
        && Objects.equals(a.regionCode(), b.regionCode());
  }
}

package id.siaga.agency;

import id.siaga.region.Region;
import id.siaga.region.RegionImportStep;
import id.siaga.region.RegionLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Part of the national import: one agency (and Camunda group) per agency type for every
 * regency/city with a race and for every province, plus the national desk; the escalation chain
 * between them; their application authorizations. Idempotent: creates only what is missing.
 *
 * <p>A national import creates 3,823 groups (each with the engine's default authorization) and
 * about 4,900 grants. Saved one service call at a time, each call is an engine command that flushes
 * on its own; saved all in one command, the engine's flush sorts its inserts in quadratic time. So
 * the missing groups and grants are worked out first and then saved {@value #WRITES_PER_COMMAND}
 * to an engine command (the service calls inside reuse its command context and are flushed
 * together, in JDBC batches), all inside the import's Spring transaction: a failure still rolls
 * everything back.
 */
@Component
class AgencyProvisioning implements RegionImportStep {

  static final String GROUP_TYPE = "agency";
  static final int WRITES_PER_COMMAND = 250;

  private final AgencyRepository agencies;
  private final IdentityService identityService;
  private final AgencyAccess access;
  private final ProcessEngineConfigurationImpl engine;

  AgencyProvisioning(AgencyRepository agencies, IdentityService identityService, AgencyAccess access,
      ProcessEngineConfigurationImpl engine) {
    this.agencies = agencies;
    this.identityService = identityService;
    this.access = access;
    this.engine = engine;
  }

  @Override
  public int afterRegionsImported(List<Region> regions) {
    List<Agency> desired = desiredAgencies(regions);
    Map<String, Agency> existing = agencies.findAll().stream()
        .collect(Collectors.toMap(Agency::groupId, Function.identity()));
    List<Agency> inserts = desired.stream().filter(a -> !existing.containsKey(a.groupId())).toList();
    List<Agency> updates = desired.stream().filter(a -> existing.containsKey(a.groupId()))
        .filter(a -> !sameData(existing.get(a.groupId()), a)).toList();
    agencies.insert(inserts);
    agencies.update(updates);

    Set<String> groups = identityService.createGroupQuery().list().stream()
        .map(Group::getId).collect(Collectors.toSet());
    List<Runnable> writes = new ArrayList<>();
    for (Agency agency : desired) {
      if (!groups.contains(agency.groupId())) {
        writes.add(() -> {
          Group group = identityService.newGroup(agency.groupId());
          group.setName(agency.name());
          group.setType(GROUP_TYPE);
          identityService.saveGroup(group);
        });
      }
    }
    for (Authorization grant : access.missingGrants(desired)) {
      writes.add(() -> access.save(grant));
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

  /** National desk first, then provinces, then regencies: each row's chain target exists before it. */
  static List<Agency> desiredAgencies(List<Region> regions) {
    List<Agency> result = new ArrayList<>();
    result.add(new Agency(Agency.NATIONAL_DESK, null, AgencyLevel.NATIONAL, null,
        Agency.NATIONAL_DESK_NAME, null));
    Map<String, Region> provinces = regions.stream().filter(r -> r.level() == RegionLevel.PROVINCE)
        .collect(Collectors.toMap(Region::code, Function.identity()));
    for (Region province : regions) {
      if (province.level() == RegionLevel.PROVINCE) {
        for (AgencyType type : AgencyType.values()) {
          result.add(new Agency(Agency.groupId(type, province.code()), type, AgencyLevel.PROVINCE,
              province.code(), type.provinceName(province.name()), Agency.NATIONAL_DESK));
        }
      }
    }
    for (Region regency : regions) {
      if (regency.level() == RegionLevel.REGENCY && regency.hasRace()
          && provinces.containsKey(regency.provinceCode())) {
        for (AgencyType type : AgencyType.values()) {
          result.add(new Agency(Agency.groupId(type, regency.code()), type, AgencyLevel.REGENCY,
              regency.code(), type.regencyName(regency.name()),
              Agency.groupId(type, regency.provinceCode())));
        }
      }
    }
    return result;
  }

  private static boolean sameData(Agency a, Agency b) {
    return a.name().equals(b.name()) && Objects.equals(a.escalatesTo(), b.escalatesTo());
  }
}

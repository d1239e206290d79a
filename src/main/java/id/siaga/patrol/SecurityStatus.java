package id.siaga.patrol;

import id.siaga.calendar.Elections;
import id.siaga.calendar.Stage;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import id.siaga.system.EngineAdapter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * Where the security of a regency or city stands, for the readiness board and
 * {@code GET /api/security}: every stage's patrols (plan, assignments, reports, last situation per
 * kecamatan, BKO) and the voting-day guard plan's figures. An engine adapter for the clock only
 * (reports due "now" follow the engine's clock, which the tests drive).
 */
@EngineAdapter
@Service
public class SecurityStatus {

  public record RegionStatus(String regionCode, String regionName, List<StageStatus> stages,
      List<GuardStatus> guardPlans) {}

  public record StageStatus(String stagePlanId, String electionId, String stageCode, String stageName, String status,
      Instant windowStart, Instant windowEnd, int reportIntervalHours, Integer personnelNeeded,
      Integer personnelAvailable, ReinforcementStatus reinforcement, Reports reports, int kecamatanAssigned,
      List<KecamatanPatrol> kecamatan) {}

  /** Reports of the stage (one per period for the whole region): due by now, filed, late, missed, still open. */
  public record Reports(int periods, int due, int filed, int late, int missed, int open) {}

  public record KecamatanPatrol(String code, String name, Plan plan, Assignment assignment, Reports reports,
      String lastSituation) {}

  public record Plan(int patrolsPerDay, boolean jointWithTni, int personnelPerPatrol, int reportIntervalHours,
      boolean overridden, String overrideReason, Plan table, String tableVersion) {}

  public record Assignment(boolean complete, String teamLeader, Integer teamPersonnel, String teamReason,
      String tniElement, Integer tniPersonnel, Integer linmasPersonnel, Integer satpolPpPersonnel) {}

  public record ReinforcementStatus(String reinforcementId, int requested, String decision, Integer granted,
      String reason) {}

  public record GuardStatus(String guardPlanId, String electionId, String status, String patterns, int policeNeeded,
      Integer policeAvailable, Integer policeShortfall, int linmasNeeded, Integer linmasAvailable,
      Integer linmasShortfall, Integer tniStandby, ReinforcementStatus reinforcement, List<KecamatanGuard> kecamatan) {}

  public record KecamatanGuard(String code, String name, int tpsKurangRawan, int tpsRawan, int tpsSangatRawan,
      int police, int linmas) {}

  private final PatrolRepository records;
  private final RegionRepository regions;
  private final Elections calendars;

  SecurityStatus(PatrolRepository records, RegionRepository regions, Elections calendars) {
    this.records = records;
    this.regions = regions;
    this.calendars = calendars;
  }

  public RegionStatus of(Region regency) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    Map<String, String> names = regions.findChildren(regency.code()).stream()
        .collect(Collectors.toMap(Region::code, Region::name));
    List<StageStatus> stages = records.stagesOfRegion(regency.code()).stream().map(s -> stage(s, names, now)).toList();
    List<GuardStatus> guards = records.guardPlansOfRegion(regency.code()).stream().map(g -> guard(g, names)).toList();
    return new RegionStatus(regency.code(), regency.name(), stages, guards);
  }

  private StageStatus stage(StagePatrol s, Map<String, String> names, Instant now) {
    List<PatrolReport> reports = records.reports(s.stagePlanId());
    int due = (int) reports.stream().filter(r -> !r.dueAt().isAfter(now)).count();
    int filed = (int) reports.stream().filter(r -> r.status() == PatrolReport.Status.FILED).count();
    int late = (int) reports.stream().filter(PatrolReport::late).count();
    int missed = (int) reports.stream().filter(r -> r.status() == PatrolReport.Status.MISSED
        || (r.status() == PatrolReport.Status.OPEN && !r.dueAt().isAfter(now))).count();
    int open = (int) reports.stream().filter(r -> r.status() == PatrolReport.Status.OPEN).count();
    Reports counts = new Reports(s.reportCount(), due, filed, late, missed, open);
    Map<String, Situation> last = records.lastSituations(s.stagePlanId());
    List<PatrolDistrict> districts = records.districts(s.stagePlanId());
    List<KecamatanPatrol> kecamatan = districts.stream().map(d -> new KecamatanPatrol(d.districtCode(),
        names.get(d.districtCode()), plan(d.plan(), d, true), new Assignment(d.assigned(), d.teamLeader(),
            d.teamPersonnel(), d.teamReason(), d.tniElement(), d.tniPersonnel(), d.linmasPersonnel(),
            d.satpolPpPersonnel()), counts, last.containsKey(d.districtCode()) ? last.get(d.districtCode()).label()
            : null)).toList();
    String stageName = calendars.calendarOf(s.electionId()).stage(s.stageCode()).map(Stage::name).orElse(s.stageCode());
    return new StageStatus(s.stagePlanId(), s.electionId(), s.stageCode(), stageName, s.open() ? "OPEN" : "CLOSED",
        s.windowStart(), s.windowEnd(), s.reportIntervalHours(), s.personnelNeeded(), s.personnelAvailable(),
        records.reinforcementOf(s.stagePlanId()).map(SecurityStatus::reinforcement).orElse(null), counts,
        (int) districts.stream().filter(PatrolDistrict::assigned).count(), kecamatan);
  }

  private static Plan plan(PlanRow row, PatrolDistrict d, boolean withTable) {
    return new Plan(row.patrolsPerDay(), row.jointWithTni(), row.personnelPerPatrol(), row.reportIntervalHours(),
        d.overridden(), d.overrideReason(), withTable ? plan(d.table(), d, false) : null,
        withTable ? d.tableVersion() : null);
  }

  private GuardStatus guard(TpsGuardPlan g, Map<String, String> names) {
    List<KecamatanGuard> kecamatan = records.guardDistrictRows(g.guardPlanId()).stream()
        .map(r -> new KecamatanGuard(r.districtCode(), names.get(r.districtCode()), r.tpsLowRisk(), r.tpsVulnerable(),
            r.tpsHighlyVulnerable(), r.police(), r.linmas())).toList();
    return new GuardStatus(g.guardPlanId(), g.electionId(), g.ready() ? "READY" : "OPEN", g.patterns(),
        g.policeNeeded(), g.policeAvailable(), g.policeAvailable() == null ? null
            : Math.max(0, g.policeNeeded() - g.policeAvailable()), g.linmasNeeded(), g.linmasAvailable(),
        g.linmasAvailable() == null ? null : Math.max(0, g.linmasNeeded() - g.linmasAvailable()), g.tniStandby(),
        records.reinforcementOf(g.guardPlanId()).map(SecurityStatus::reinforcement).orElse(null), kecamatan);
  }

  private static ReinforcementStatus reinforcement(Reinforcement r) {
    return new ReinforcementStatus(r.reinforcementId(), r.requested(), r.decision() == null ? null : r.decision().name(),
        r.granted(), r.reason());
  }
}

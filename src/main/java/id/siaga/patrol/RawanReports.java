package id.siaga.patrol;

import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import id.siaga.system.EngineAdapter;
import id.siaga.threat.ThreatCategory;
import id.siaga.threat.ThreatReports;
import java.time.LocalDateTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A situation report that marks kecamatan rawan files an early-warning report for each, through
 * the message the early-warning feature listens to ({@link ThreatReports#RAWAN_MESSAGE}): category
 * gangguan keamanan dan ketertiban, severity tinggi, observed when the report was filed, for the
 * Polres officer who filed it. Run as the patrol's own asynchronous step, so that a refused filing
 * is an incident to retry and never a lost situation report; all of a report's kecamatan are filed
 * in one transaction, so a retry files none twice.
 */
@EngineAdapter
@Component
class RawanReports {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RawanReports.class);

  static final String SEVERITY = "TINGGI";
  static final int DESCRIPTION_MAX = 2000;

  private final PatrolRepository records;
  private final RegionRepository regions;
  private final RuntimeService runtime;
  private final IdentityService identity;

  RawanReports(PatrolRepository records, RegionRepository regions, RuntimeService runtime, IdentityService identity) {
    this.records = records;
    this.regions = regions;
    this.runtime = runtime;
    this.identity = identity;
  }

  void file(DelegateExecution execution) {
    String stagePlanId = (String) execution.getVariable(PatrolVariables.STAGE_PLAN_ID);
    int reportNumber = ((Number) execution.getVariable(PatrolVariables.REPORT_NUMBER)).intValue();
    StagePatrol stage = records.findStage(stagePlanId).orElseThrow();
    PatrolReport report = records.report(stagePlanId, reportNumber).orElseThrow();
    if (report.filedBy() == null || identity.createUserQuery().userId(report.filedBy()).count() == 0) {
      // an early-warning report is filed for an officer; a situation report not filed by one files none
      LOG.info("Situation report {} of {} was not filed by an officer ({}): no early-warning report", reportNumber,
          stagePlanId, report.filedBy());
      return;
    }
    Region region = regions.find(stage.regionCode()).orElseThrow();
    LocalDateTime observed = LocalDateTime.ofInstant(report.filedAt(), region.zone().zoneId());
    for (PatrolRepository.SituationRow row : records.situations(stagePlanId, reportNumber)) {
      if (row.situation() != Situation.RAWAN) {
        continue;
      }
      String districtName = regions.find(row.districtCode()).map(Region::name).orElse(row.districtCode());
      String description = "Laporan situasi patroli ke-" + (reportNumber + 1) + ": Kecamatan " + districtName
          + " berstatus rawan." + (row.hadIncident() && report.incidentNotes() != null
              ? " Insiden: " + report.incidentNotes() : "")
          + (report.notes() != null ? " Catatan: " + report.notes() : "");
      runtime.startProcessInstanceByMessage(ThreatReports.RAWAN_MESSAGE, ThreatReports.report(stage.regionCode(),
          row.districtCode(), ThreatCategory.GANGGUAN_KEAMANAN, SEVERITY, observed,
          description.length() > DESCRIPTION_MAX ? description.substring(0, DESCRIPTION_MAX) : description,
          report.filedBy()));
    }
  }
}

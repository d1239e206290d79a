package id.siaga.earlywarning;

import static id.siaga.earlywarning.ReportVariables.*;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.agency.AgencyType;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import id.siaga.system.EngineAdapter;
import id.siaga.system.FormInput;
import id.siaga.threat.ThreatCategory;
import id.siaga.threat.ThreatReports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * {@code early-warning-report} as the engine walks it: the filing checked and recorded under its
 * number, the routing table's suggestion, triage's decision, the handling agency's outcome or
 * return, the acknowledgement of a darurat report. The report, its region, its agencies and who
 * filed it always come from the record and the server, never from a submitted variable; who
 * reported is shown on the triage task only and removed from the instance's variables.
 */
@EngineAdapter
@Component("earlyWarning")
class EarlyWarningReports {

  private final ReportRepository reports;
  private final ReportFiling filing;
  private final RegionRepository regions;
  private final AgencyRepository agencies;
  private final LocalDeadlines deadlines;
  private final DecisionService decisions;
  private final IdentityService identity;

  EarlyWarningReports(ReportRepository reports, ReportFiling filing, RegionRepository regions,
      AgencyRepository agencies, LocalDeadlines deadlines, DecisionService decisions, IdentityService identity) {
    this.reports = reports;
    this.filing = filing;
    this.regions = regions;
    this.agencies = agencies;
    this.deadlines = deadlines;
    this.decisions = decisions;
    this.identity = identity;
  }

  /** The filing, checked and recorded; the instance keeps what the agencies may see, not who reported. */
  void register(DelegateExecution execution) {
    Authentication user = identity.getCurrentAuthentication();
    Object namedFiler = execution.getVariable(ThreatReports.FILED_BY);
    String filer;
    List<String> groups;
    if (user != null) {
      // a signed-in caller files as themselves: naming another filer is refused
      if (namedFiler != null) {
        FormInput.refuse("Pelapor ditentukan oleh server, bukan oleh isian");
      }
      filer = user.getUserId();
      groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    } else if (namedFiler instanceof String officer && !officer.isBlank()) {
      // started by the server itself (a patrol's job): for the officer who filed the situation report
      filer = officer;
      groups = identity.createGroupQuery().groupMember(officer).list().stream().map(g -> g.getId()).toList();
    } else {
      FormInput.refuse("Laporan kerawanan diajukan oleh petugas yang masuk ke Siaga Pilkada");
      return;
    }
    Instant now = now();
    ReportFiling.Filing f = filing.read(new FormInput(execution::getVariable), groups, now);
    String prefix = ReportFiling.prefix(f.region().code(), now.atZone(f.region().zone().zoneId()).getYear());
    String reportId = ReportFiling.number(prefix, reports.nextNumber(prefix));
    reports.insert(new Report(reportId, execution.getProcessInstanceId(), f.region().code(), f.district().code(),
        f.category(), f.severity(), f.observedAt(), f.observedLocal(), f.description(), f.contact(), f.onBehalfOf(),
        filer, f.filerGroup(), now, Report.DITERIMA, null, null, null, null, null, null, null, null, null,
        null, null, null));
    execution.setProcessBusinessKey(reportId);
    execution.removeVariables(IDENTITY_FIELDS);
    execution.setVariable(REPORT_ID, reportId);
    execution.setVariable(Region.PROCESS_VARIABLE, f.region().code());
    execution.setVariable(DISTRICT_CODE, f.district().code());
    execution.setVariable(CATEGORY, f.category().name());
    execution.setVariable(SEVERITY, f.severity().name());
    execution.setVariable(REGION_NAME, f.region().name());
    execution.setVariable(TITLE, reportId + ": " + f.category().label() + " (" + f.severity().label() + ")");
    execution.setVariable(COORDINATOR_GROUP, Agency.groupId(AgencyType.KESBANGPOL, f.region().code()));
    execution.setVariable(POLRES_GROUP, Agency.groupId(AgencyType.POLRI, f.region().code()));
    execution.setVariable(DARURAT, f.severity() == Severity.DARURAT);
    execution.setVariable(REPORT_TEXT, ReportTexts.summary(reportId, f.category(), f.severity(), f.district().name(),
        deadlines.display(f.region().zone(), f.observedAt()), f.description()));
    execution.setVariable(TRIAGED, null);
    execution.setVariable(HANDLED, null);
  }

  /** The routing table's answer for the report as filed: the triage deadline and the suggestion triage sees. */
  void suggestRoute(DelegateExecution execution) {
    Report report = reportOf(execution.getProcessInstanceId());
    Map<String, Object> row = route(report.category(), report.severity());
    execution.setVariable(TRIAGE_DUE, row.get("triageDue"));
    execution.setVariable(ROUTE_SUGGESTION, ReportTexts.suggestion(report.category(), row,
        agencyName((String) row.get("handlingAgency"), report.regionCode())));
  }

  /** What triage sees: the report, the table's suggestion, and who reported (on this task only). */
  void describeTriage(DelegateTask task) {
    Report report = reportOf(task.getProcessInstanceId());
    task.setVariableLocal(REPORTER_IDENTITY, ReportTexts.identity(report,
        agencies.find(report.filedByGroup()).map(Agency::name).orElse(report.filedByGroup())));
    task.setVariableLocal(ROUTE_SUGGESTION, task.getVariable(ROUTE_SUGGESTION));
  }

  /** Triage's decision: forward (to the agency the table names for the category triage confirms), merge or reject. */
  void triage(DelegateTask task) {
    Report report = reportOf(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    TriageDecision decision = input.choice(TRIAGE_DECISION, "Keputusan triase", TriageDecision.class);
    ThreatCategory category = null;
    String mergeInto = null;
    String reason = null;
    String handlingGroup = null;
    Map<String, Object> row = null;
    if (decision == TriageDecision.TERUSKAN) {
      category = input.choice(CATEGORY, "Kategori", ThreatCategory.class);
      if (category != null) {
        row = route(category, report.severity());
        handlingGroup = Agency.groupId(AgencyType.valueOf((String) row.get("handlingAgency")), report.regionCode());
        if (agencies.find(handlingGroup).isEmpty()) {
          input.problem("Instansi penangan " + row.get("handlingAgency") + " tidak ada di wilayah ini");
        }
      }
    } else if (decision == TriageDecision.GABUNGKAN) {
      mergeInto = input.text(MERGE_INTO, "Nomor laporan yang sama", 32, true);
      if (mergeInto != null) {
        String target = mergeInto;
        boolean valid = !target.equals(report.reportId()) && reports.find(target)
            .filter(r -> r.regionCode().equals(report.regionCode()))
            .filter(r -> !Report.DIGABUNG.equals(r.status()) && !Report.DITOLAK.equals(r.status())).isPresent();
        if (!valid) {
          input.problem("Nomor laporan " + FormInput.echo(target) + " bukan laporan lain wilayah ini yang masih berlaku");
        }
      }
    } else if (decision == TriageDecision.TOLAK) {
      reason = input.text(REJECTION_REASON, "Alasan penolakan", 1000, true);
    }
    input.refuseIfInvalid();
    String by = userId();
    Instant now = now();
    var instance = task.getExecution().getProcessInstance();
    switch (decision) {
      case TERUSKAN -> {
        reports.route(report.reportId(), category, (String) row.get("route"), handlingGroup, by, now);
        instance.setVariable(HANDLING_GROUP, handlingGroup);
        instance.setVariable(HANDLE_DUE, row.get("handleDue"));
        instance.setVariable(CATEGORY, category.name());
        instance.setVariable(HANDLED, null);
        instance.setVariable(ROUTE, row.get("route"));
        if (GAKKUMDU_ROUTE.equals(row.get("route"))) {
          // the offence's way: Bawaslu's review first, then the joint discussion with Polres and Kejari
          instance.setVariable(REVIEW_DUE, GakkumduStep.FIRST_REVIEW);
          instance.setVariable(REVIEW_EXTENDED, false);
          instance.setVariable(KEJARI_GROUP,
              Agency.groupId(AgencyType.KEJAKSAAN, report.regionCode()));
          instance.setVariable(GAKKUMDU_GROUPS, String.join(",",
              handlingGroup, Agency.groupId(AgencyType.POLRI, report.regionCode()),
              Agency.groupId(AgencyType.KEJAKSAAN, report.regionCode())));
        }
      }
      case GABUNGKAN -> reports.merge(report.reportId(), mergeInto, by, now);
      case TOLAK -> reports.reject(report.reportId(), reason, by, now);
      default -> throw new IllegalStateException(decision.name());
    }
    instance.setVariable(TRIAGED, decision.name());
  }

  /** The handling agency's outcome, or its return to triage as not its remit. */
  void handle(DelegateTask task) {
    Report report = reportOf(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    HandlingDecision decision = input.choice(HANDLING_DECISION, "Keputusan", HandlingDecision.class);
    ReportOutcome outcome = null;
    String notes = null;
    String sanction = null;
    String reason = null;
    if (decision == HandlingDecision.DITANGANI) {
      outcome = input.choice(OUTCOME, "Hasil penanganan", ReportOutcome.class);
      notes = input.text(OUTCOME_NOTES, "Uraian penanganan", 2000, true);
      boolean neutrality = "NETRALITAS".equals(report.route()) && outcome != null
          && outcome != ReportOutcome.TIDAK_TERBUKTI;
      sanction = input.text(SANCTION, "Rekomendasi dan sanksi", 1000, neutrality);
    } else if (decision == HandlingDecision.BUKAN_KEWENANGAN) {
      reason = input.text(RETURN_REASON, "Alasan bukan kewenangan", 1000, true);
    }
    input.refuseIfInvalid();
    if (decision == HandlingDecision.DITANGANI) {
      reports.resolve(report.reportId(), outcome, notes, sanction, userId(), now());
    } else {
      reports.returnToTriage(report.reportId(), userId(), now(), reason);
    }
    task.getExecution().getProcessInstance().setVariable(HANDLED, decision.name());
  }

  /**
   * One Sentra Gakkumdu step's decision, one of the step's own, with its account; recorded with the
   * step's due instant, so that the report shows whether each statutory limit was kept.
   */
  void gakkumdu(DelegateTask task, GakkumduStep step) {
    Report report = reportOf(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    String decision = input.text(STEP_DECISION, "Keputusan", 30, true);
    if (decision != null && !step.decisions().contains(decision)) {
      input.problem("Keputusan " + FormInput.echo(decision) + " tidak ada pada " + step.label());
    }
    boolean extension = "PERLU_KETERANGAN".equals(decision);
    if (extension && Boolean.TRUE.equals(task.getVariable(REVIEW_EXTENDED))) {
      input.problem("Keterangan tambahan hanya dapat diminta sekali (2 hari)");
    }
    String notes = input.text(STEP_NOTES, "Uraian", 2000, true);
    input.refuseIfInvalid();
    String by = userId();
    Instant now = now();
    reports.insertStep(report.reportId(), step.name(), decision, notes,
        task.getDueDate() == null ? null : task.getDueDate().toInstant(), by, now);
    var instance = task.getExecution().getProcessInstance();
    if (extension) {
      instance.setVariable(REVIEW_DUE, GakkumduStep.EXTENDED_REVIEW);
      instance.setVariable(REVIEW_EXTENDED, true);
    } else if ("BUKAN_KEWENANGAN".equals(decision)) {
      reports.returnToTriage(report.reportId(), by, now, notes);
      instance.setVariable(HANDLED, HandlingDecision.BUKAN_KEWENANGAN.name());
    } else if (GakkumduStep.closes(decision)) {
      reports.resolve(report.reportId(), GakkumduStep.outcomeOf(decision), notes, null, by, now);
      instance.setVariable(HANDLED, HandlingDecision.DITANGANI.name());
    } else if ("LANJUT_PENYIDIKAN".equals(decision)) {
      reports.recordOutcome(report.reportId(), ReportOutcome.DITERUSKAN_KE_PENYIDIKAN, notes);
    }
    instance.setVariable(GAKKUMDU_DECISION, decision);
  }

  /** Polres's acknowledgement of a darurat report: its first step. */
  void acknowledge(DelegateTask task) {
    Report report = reportOf(task.getProcessInstanceId());
    FormInput input = new FormInput(task::getVariable);
    String text = input.text(ACKNOWLEDGEMENT, "Langkah pertama", 1000, true);
    input.refuseIfInvalid();
    reports.acknowledge(report.reportId(), userId(), now(), text);
  }

  Report reportOf(String processInstanceId) {
    return reports.findByProcessInstance(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No early-warning report for " + processInstanceId));
  }

  /** The routing table's one row for a category and severity. */
  Map<String, Object> route(ThreatCategory category, Severity severity) {
    return decisions.evaluateDecisionByKey(DECISION_KEY)
        .variables(Variables.putValue("category", category.name()).putValue("severity", severity.name()))
        .evaluate().getSingleResult().getEntryMap();
  }

  /** The groups told of a forwarded report besides the handling agency: the table's agencies, the province, the desk. */
  List<String> informed(Report report) {
    Map<String, Object> row = route(report.category(), report.severity());
    List<String> groups = new ArrayList<>();
    String inform = (String) row.get("informAgencies");
    if (inform != null && !inform.isBlank()) {
      for (String type : inform.split(",")) {
        groups.add(Agency.groupId(AgencyType.valueOf(type.trim()), report.regionCode()));
      }
    }
    if (Boolean.TRUE.equals(row.get("informProvince"))) {
      groups.add(Agency.groupId(AgencyType.KESBANGPOL, Region.provinceOf(report.regionCode())));
    }
    if (Boolean.TRUE.equals(row.get("informNational"))) {
      groups.add(Agency.NATIONAL_DESK);
    }
    return groups.stream().filter(g -> agencies.find(g).isPresent()).toList();
  }

  private String agencyName(String type, String regionCode) {
    return agencies.find(Agency.groupId(AgencyType.valueOf(type), regionCode)).map(Agency::name).orElse(type);
  }

  private String userId() {
    Authentication user = identity.getCurrentAuthentication();
    return user == null ? "sistem" : user.getUserId();
  }

  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

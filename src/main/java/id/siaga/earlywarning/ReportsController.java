package id.siaga.earlywarning;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyType;
import id.siaga.agency.RegionAccess;
import id.siaga.region.Region;
import id.siaga.threat.ThreatCategory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The early-warning reports over REST. {@code POST /api/reports} files a report exactly as the
 * Tasklist start form does (the same fields, the same rules; any other field is refused), as the
 * signed-in officer: 201 with its number. {@code GET /api/reports?regionCode=73.73[&category=…][&status=…]}
 * and {@code GET /api/reports/{reportId}}: the reports of a region with their timings, for the
 * agencies of the region and its province, the national desk and administrators; who reported is
 * shown only to triage (Badan Kesbangpol of the region or province), the desk and administrators.
 */
@RestController
class ReportsController {

  static final Set<String> STATUSES = Set.of(Report.DITERIMA, Report.DITERUSKAN, Report.DIGABUNG, Report.DITOLAK,
      Report.SELESAI);

  private final FormService forms;
  private final RepositoryService repository;
  private final ReportRepository reports;
  private final RegionAccess access;
  private final IdentityService identity;

  ReportsController(FormService forms, RepositoryService repository, ReportRepository reports, RegionAccess access,
      IdentityService identity) {
    this.forms = forms;
    this.repository = repository;
    this.reports = reports;
    this.access = access;
    this.identity = identity;
  }

  @PostMapping("/api/reports")
  ResponseEntity<Map<String, Object>> file(@RequestBody Map<String, Object> report) {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey(ReportVariables.PROCESS_KEY)
        .latestVersion().singleResult().getId();
    ProcessInstance started = forms.submitStartForm(definition, report);
    Report filed = reports.findByProcessInstance(started.getId()).orElseThrow();
    return ResponseEntity.status(HttpStatus.CREATED).body(view(filed, true));
  }

  @GetMapping("/api/reports")
  List<Map<String, Object>> query(@RequestParam(required = false) String regionCode,
      @RequestParam(required = false) String category, @RequestParam(required = false) String status) {
    Region region = access.readableRegency(regionCode);
    if (category != null && ThreatCategory.of(category).isEmpty()) {
      throw new IllegalArgumentException("Kategori tidak dikenal (contoh POLITIK_UANG)");
    }
    if (status != null && !STATUSES.contains(status)) {
      throw new IllegalArgumentException("Status tidak dikenal: salah satu dari " + STATUSES);
    }
    boolean triage = seesReporters(region.code());
    return reports.query(region.code(), category, status).stream().map(r -> view(r, triage)).toList();
  }

  @GetMapping("/api/reports/{reportId}")
  Map<String, Object> one(@PathVariable String reportId) {
    if (!reportId.matches("LK-[0-9]{2,4}-[0-9]{4}-[0-9]{4,6}")) {
      throw new IllegalArgumentException("Nomor laporan tidak sah (contoh LK-7373-2026-0001)");
    }
    // the same answer for a report that does not exist and one of a region the reader may not read
    Report report = reports.find(reportId).filter(r -> access.mayRead(r.regionCode()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Laporan tidak ditemukan"));
    Map<String, Object> view = view(report, seesReporters(report.regionCode()));
    view.put("routings", reports.routings(reportId));
    return view;
  }

  /** Triage (Badan Kesbangpol of the region or its province), the national desk and administrators. */
  private boolean seesReporters(String regionCode) {
    Authentication user = identity.getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return groups.contains(ReportFiling.ADMINISTRATORS) || groups.contains(Agency.NATIONAL_DESK)
        || groups.contains(Agency.groupId(AgencyType.KESBANGPOL, regionCode))
        || groups.contains(Agency.groupId(AgencyType.KESBANGPOL, Region.provinceOf(regionCode)));
  }

  static Map<String, Object> view(Report r, boolean withReporter) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("reportId", r.reportId());
    v.put("regionCode", r.regionCode());
    v.put("districtCode", r.districtCode());
    v.put("category", r.category().name());
    v.put("categoryLabel", r.category().label());
    v.put("severity", r.severity().name());
    v.put("status", r.status());
    v.put("route", r.route());
    v.put("handlingGroup", r.handlingGroup());
    v.put("observedLocal", r.observedLocal().toString());
    v.put("observedAt", r.observedAt());
    v.put("description", r.description());
    v.put("filedAt", r.filedAt());
    v.put("acknowledgedAt", r.acknowledgedAt());
    v.put("resolvedAt", r.resolvedAt());
    v.put("outcome", r.outcome() == null ? null : r.outcome().name());
    v.put("outcomeNotes", r.outcomeNotes());
    v.put("sanction", r.sanction());
    v.put("mergedInto", r.mergedInto());
    v.put("rejectionReason", r.rejectionReason());
    if (withReporter) {
      v.put("filedBy", r.filedBy());
      v.put("filedByGroup", r.filedByGroup());
      v.put("onBehalfOf", r.onBehalfOf() == null ? null : r.onBehalfOf().name());
      v.put("reporterContact", r.reporterContact());
    }
    return v;
  }
}

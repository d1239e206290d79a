package id.siaga.readiness;

import id.siaga.agency.Agency;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Readiness for the nation or a province: {@code POST /api/readiness/{electionId}/start[?province=73]}
 * (202, the run's progress) and {@code GET /api/readiness/runs/{runId}}, for administrators and the
 * national desk; {@code POST /api/readiness/{electionId}/regions/{regionCode}} starts one region's walk or
 * returns the one that exists.
 */
@RestController
class ReadinessController {

  private final NationalStart starts;
  private final IdentityService identity;

  ReadinessController(NationalStart starts, IdentityService identity) {
    this.starts = starts;
    this.identity = identity;
  }

  @PostMapping("/api/readiness/{electionId}/start")
  ResponseEntity<NationalStart.Progress> start(@PathVariable String electionId,
      @RequestParam(required = false) String province) {
    String by = requireDeskOrAdmin();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(starts.start(electionId, province, by));
  }

  @GetMapping("/api/readiness/runs/{runId}")
  NationalStart.Progress progress(@PathVariable String runId) {
    requireDeskOrAdmin();
    return starts.progress(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "Tidak ada proses kesiapan nasional dengan id ini"));
  }

  @PostMapping("/api/readiness/{electionId}/regions/{regionCode}")
  Map<String, String> startOne(@PathVariable String electionId, @PathVariable String regionCode) {
    requireDeskOrAdmin();
    boolean existed = starts.existing(electionId, regionCode).isPresent();
    String processInstanceId = starts.startOne(electionId, regionCode);
    return Map.of("processInstanceId", processInstanceId, "businessKey", electionId + ":" + regionCode,
        "existing", String.valueOf(existed));
  }

  private String requireDeskOrAdmin() {
    Authentication user = identity.getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (!groups.contains(Groups.CAMUNDA_ADMIN) && !groups.contains(Agency.NATIONAL_DESK)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Kesiapan nasional dimulai oleh administrator atau desk nasional");
    }
    return user.getUserId();
  }
}

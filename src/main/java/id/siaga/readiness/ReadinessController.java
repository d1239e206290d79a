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
  private final ReadinessBoard board;
  private final id.siaga.calendar.ElectionRepository elections;

  ReadinessController(NationalStart starts, IdentityService identity, ReadinessBoard board,
      id.siaga.calendar.ElectionRepository elections) {
    this.starts = starts;
    this.identity = identity;
    this.board = board;
    this.elections = elections;
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

  /**
   * The readiness board's matrix as JSON: every race region the reader may see × every stage of the
   * election, each cell's state with its open, overdue and escalated tasks, and the count of cells
   * per state. {@code ?province=73}, {@code ?state=TERLAMBAT} (rows with such a cell),
   * {@code ?workstream=patrol-assignment} (only that workstream's tasks decide lateness).
   */
  @GetMapping("/api/readiness/{electionId}/board")
  ReadinessBoard.Matrix board(@PathVariable String electionId, @RequestParam(required = false) String province,
      @RequestParam(required = false) String state, @RequestParam(required = false) String workstream) {
    return matrix(electionId, province, state, workstream);
  }

  /** The same matrix as CSV: one line per region, one column per stage, the state's label in each. */
  @GetMapping(value = "/api/readiness/{electionId}/board.csv", produces = "text/csv")
  ResponseEntity<String> boardCsv(@PathVariable String electionId, @RequestParam(required = false) String province,
      @RequestParam(required = false) String state, @RequestParam(required = false) String workstream) {
    ReadinessBoard.Matrix m = matrix(electionId, province, state, workstream);
    StringBuilder csv = new StringBuilder("kode_wilayah,nama_wilayah,tingkat");
    m.stages().forEach(stage -> csv.append(',').append(stage));
    csv.append('\n');
    for (ReadinessBoard.Row row : m.rows()) {
      csv.append(row.regionCode()).append(',').append(BoardCsv.quote(row.regionName())).append(',').append(row.level());
      m.stages().forEach(stage -> csv.append(',').append(row.cells().get(stage).state().label()));
      csv.append('\n');
    }
    return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"kesiapan-" + electionId + ".csv\"")
        .body(csv.toString());
  }

  private ReadinessBoard.Matrix matrix(String electionId, String province, String state, String workstream) {
    if (elections.find(electionId).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Pemilihan tidak dikenal");
    }
    if (province != null && !province.matches("[0-9]{2}")) {
      throw new IllegalArgumentException("Kode provinsi tidak sah (contoh 73)");
    }
    CellState wanted = null;
    if (state != null) {
      wanted = java.util.Arrays.stream(CellState.values()).filter(s -> s.name().equals(state)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("Keadaan tidak dikenal: salah satu dari "
              + java.util.Arrays.toString(CellState.values())));
    }
    if (workstream != null && !ReadinessBoard.WORKSTREAMS.contains(workstream)) {
      throw new IllegalArgumentException("Alur kerja tidak dikenal: salah satu dari " + ReadinessBoard.WORKSTREAMS);
    }
    Authentication user = identity.getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    return board.matrix(electionId, groups, province, wanted, workstream,
        org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant());
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

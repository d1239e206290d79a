package id.siaga.readiness;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The readiness board as JSON and CSV, for whoever may read it ({@link ReadinessBoard#visible}):
 * <ul>
 *   <li>{@code GET /api/readiness/{electionId}/board[.csv]}: every race region the reader may see ×
 *       every stage, each cell's state with its open, overdue and escalated tasks, and the count of
 *       cells per state; {@code ?province=73}, {@code ?state=TERLAMBAT} (rows with such a cell),
 *       {@code ?workstream=patrol-assignment} (only that workstream's tasks decide lateness);</li>
 *   <li>{@code GET /api/readiness/{electionId}/regions/{regionCode}}: the region's page;</li>
 *   <li>{@code GET .../regions/{regionCode}/tasks[.csv]}: its open tasks, overdue first;</li>
 *   <li>{@code GET .../regions/{regionCode}/audit[.csv]}: its audit trail, oldest first.</li>
 * </ul>
 */
@RestController
class BoardController {

  private final BoardReader reader;

  BoardController(BoardReader reader) {
    this.reader = reader;
  }

  @GetMapping("/api/readiness/{electionId}/board")
  ReadinessBoard.Matrix board(@PathVariable String electionId, @RequestParam(required = false) String province,
      @RequestParam(required = false) String state, @RequestParam(required = false) String workstream) {
    return reader.matrix(electionId, province, state, workstream);
  }

  @GetMapping(value = "/api/readiness/{electionId}/board.csv", produces = "text/csv")
  ResponseEntity<String> boardCsv(@PathVariable String electionId, @RequestParam(required = false) String province,
      @RequestParam(required = false) String state, @RequestParam(required = false) String workstream) {
    return csv("kesiapan-" + electionId, BoardCsv.matrix(reader.matrix(electionId, province, state, workstream)));
  }

  @GetMapping("/api/readiness/{electionId}/regions/{regionCode}")
  RegionBoard.RegionView region(@PathVariable String electionId, @PathVariable String regionCode) {
    return reader.view(electionId, regionCode);
  }

  @GetMapping("/api/readiness/{electionId}/regions/{regionCode}/tasks")
  List<RegionBoard.OpenTask> tasks(@PathVariable String electionId, @PathVariable String regionCode) {
    return reader.tasks(electionId, regionCode);
  }

  @GetMapping(value = "/api/readiness/{electionId}/regions/{regionCode}/tasks.csv", produces = "text/csv")
  ResponseEntity<String> tasksCsv(@PathVariable String electionId, @PathVariable String regionCode) {
    return csv("tugas-" + regionCode, BoardCsv.tasks(reader.tasks(electionId, regionCode)));
  }

  @GetMapping("/api/readiness/{electionId}/regions/{regionCode}/audit")
  List<RegionAudit.Entry> audit(@PathVariable String electionId, @PathVariable String regionCode) {
    return reader.audit(electionId, regionCode);
  }

  @GetMapping(value = "/api/readiness/{electionId}/regions/{regionCode}/audit.csv", produces = "text/csv")
  ResponseEntity<String> auditCsv(@PathVariable String electionId, @PathVariable String regionCode) {
    return csv("jejak-" + regionCode, BoardCsv.audit(reader.audit(electionId, regionCode)));
  }

  /** A CSV download; the file name is built from checked codes only. */
  static ResponseEntity<String> csv(String name, String body) {
    return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
        .header("Content-Type", "text/csv; charset=UTF-8").body(body);
  }

}

package id.siaga.readiness;

import id.siaga.calendar.Election;
import id.siaga.calendar.ElectionRepository;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import id.siaga.system.EngineAdapter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the board's API and its pages read, checked once for both: the election exists, the filters
 * and the region code are well formed, and the reader may see the region (404, 400, 403 with a reason
 * in Bahasa Indonesia). The reader's groups come from the signed-in user, never from the request.
 * An engine adapter: it reads the engine's clock, the one the tasks' due dates were set on.
 */
@EngineAdapter
@Service
class BoardReader {

  private final ReadinessBoard board;
  private final RegionBoard regionBoard;
  private final RegionAudit audit;
  private final ElectionRepository elections;
  private final RegionRepository regions;

  private final IdentityService identity;

  BoardReader(ReadinessBoard board, RegionBoard regionBoard, RegionAudit audit, ElectionRepository elections,
      RegionRepository regions, IdentityService identity) {
    this.identity = identity;
    this.board = board;
    this.regionBoard = regionBoard;
    this.audit = audit;
    this.elections = elections;
    this.regions = regions;
  }

  List<Election> elections() {
    return elections.findAll();
  }

  Election election(String electionId) {
    return elections.find(electionId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
        "Pemilihan tidak dikenal"));
  }

  ReadinessBoard.Matrix matrix(String electionId, String province, String state,
      String workstream) {
    election(electionId);
    if (province != null && !province.matches("[0-9]{2}")) {
      throw new IllegalArgumentException("Kode provinsi tidak sah (contoh 73)");
    }
    CellState wanted = null;
    if (state != null) {
      wanted = Arrays.stream(CellState.values()).filter(s -> s.name().equals(state)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("Keadaan tidak dikenal: salah satu dari "
              + Arrays.toString(CellState.values())));
    }
    if (workstream != null && !ReadinessBoard.WORKSTREAMS.contains(workstream)) {
      throw new IllegalArgumentException("Alur kerja tidak dikenal: salah satu dari " + ReadinessBoard.WORKSTREAMS);
    }
    return board.matrix(electionId, readerGroups(), province, wanted, workstream, now());
  }

  /** The race region the reader may see, or the reason why not. */
  Region region(String electionId, String regionCode) {
    election(electionId);
    if (regionCode == null || !regionCode.matches("[0-9]{2}(\\.[0-9]{2})?")) {
      throw new IllegalArgumentException("Kode wilayah tidak sah (contoh 73 atau 73.73)");
    }
    Region region = regions.find(regionCode).filter(Region::hasRace).orElseThrow(() -> new ResponseStatusException(
        HttpStatus.NOT_FOUND, "Tidak ada pemilihan di wilayah " + regionCode));
    if (!board.visible(readerGroups()).test(region)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Anda tidak berhak melihat wilayah " + region.name());
    }
    return region;
  }

  RegionBoard.RegionView view(String electionId, String regionCode) {
    return regionBoard.view(electionId, region(electionId, regionCode), now());
  }

  List<RegionBoard.OpenTask> tasks(String electionId, String regionCode) {
    return regionBoard.openTasks(electionId, region(electionId, regionCode), now());
  }

  List<RegionAudit.Entry> audit(String electionId, String regionCode) {
    return audit.trail(electionId, region(electionId, regionCode));
  }

  /** The engine's clock, the one the tasks' due dates were set on. */
  /** The signed-in reader's groups, as the security filter handed them to the engine for the request. */
  List<String> readerGroups() {
    Authentication user = identity.getCurrentAuthentication();
    return user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}

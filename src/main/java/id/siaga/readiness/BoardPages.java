package id.siaga.readiness;

import id.siaga.calendar.Election;
import id.siaga.calendar.Elections;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The readiness board's pages, server-rendered in Bahasa Indonesia (docs/processes/readiness-board.md):
 * {@code /papan/{electionId}} the matrix with its filters, {@code /papan/{electionId}/wilayah/{code}}
 * a region's page, and their CSV downloads (the same files as the API's). Read-only: no form changes
 * anything but the filters; the work itself is done in Tasklist.
 */
@Controller
class BoardPages {

  static final int AUDIT_LINES_ON_PAGE = 500;
  /** Dates on the pages are Indonesian whatever the browser's language ("5 Mei 2026"). */
  static final java.util.Locale BAHASA = java.util.Locale.forLanguageTag("id-ID");

  private final BoardReader reader;
  private final IdentityService identity;
  private final Elections calendars;
  private final RegionRepository regions;
  private final ReadinessBoard board;

  BoardPages(BoardReader reader, IdentityService identity, Elections calendars, RegionRepository regions,
      ReadinessBoard board) {
    this.reader = reader;
    this.identity = identity;
    this.calendars = calendars;
    this.regions = regions;
    this.board = board;
  }

  @GetMapping("/papan/masuk")
  String login() {
    return "board/login";
  }

  /** The real election first (the one not simulated whose voting day is latest), else any. */
  @GetMapping("/papan")
  String home() {
    Election election = reader.elections().stream()
        .min(Comparator.comparing(Election::simulation).thenComparing(Election::votingDay, Comparator.reverseOrder()))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "Belum ada pemilihan"));
    return "redirect:/papan/" + election.id();
  }

  @GetMapping("/papan/{electionId}")
  String matrix(@PathVariable String electionId, @RequestParam(required = false) String province,
      @RequestParam(required = false) String state, @RequestParam(required = false) String workstream, Model model) {
    province = blankToNull(province);
    state = blankToNull(state);
    workstream = blankToNull(workstream);
    ReadinessBoard.Matrix matrix = reader.matrix(electionId, province, state, workstream);
    common(model, electionId);
    model.addAttribute("matrix", matrix);
    model.addAttribute("stages", calendars.calendarOf(electionId).stages());
    model.addAttribute("states", CellState.values());
    model.addAttribute("workstreams", ReadinessBoard.WORKSTREAMS.stream()
        .collect(java.util.stream.Collectors.toMap(w -> w, Workstreams::label, (a, b) -> a, java.util.LinkedHashMap::new)));
    model.addAttribute("provinces", provinces(board.visible(reader.readerGroups())));
    model.addAttribute("province", province);
    model.addAttribute("state", state);
    model.addAttribute("workstream", workstream);
    model.addAttribute("cells", matrix.counts().values().stream().mapToInt(Integer::intValue).sum());
    return "board/matrix";
  }

  @GetMapping(value = "/papan/{electionId}/matriks.csv", produces = "text/csv")
  ResponseEntity<String> matrixCsv(@PathVariable String electionId, @RequestParam(required = false) String province,
      @RequestParam(required = false) String state, @RequestParam(required = false) String workstream) {
    return BoardController.csv("kesiapan-" + electionId, BoardCsv.matrix(reader.matrix(electionId,
        blankToNull(province), blankToNull(state), blankToNull(workstream))));
  }

  @GetMapping("/papan/{electionId}/wilayah/{regionCode}")
  String region(@PathVariable String electionId, @PathVariable String regionCode, Model model) {
    RegionBoard.RegionView view = reader.view(electionId, regionCode);
    List<RegionAudit.Entry> trail = reader.audit(electionId, regionCode);
    common(model, electionId);
    model.addAttribute("view", view);
    model.addAttribute("trailTotal", trail.size());
    model.addAttribute("trail", trail.size() <= AUDIT_LINES_ON_PAGE ? trail
        : trail.subList(trail.size() - AUDIT_LINES_ON_PAGE, trail.size()));
    model.addAttribute("auditLimit", AUDIT_LINES_ON_PAGE);
    return "board/region";
  }

  @GetMapping(value = "/papan/{electionId}/wilayah/{regionCode}/tugas.csv", produces = "text/csv")
  ResponseEntity<String> tasksCsv(@PathVariable String electionId, @PathVariable String regionCode) {
    return BoardController.csv("tugas-" + regionCode, BoardCsv.tasks(reader.tasks(electionId, regionCode)));
  }

  @GetMapping(value = "/papan/{electionId}/wilayah/{regionCode}/jejak.csv", produces = "text/csv")
  ResponseEntity<String> auditCsv(@PathVariable String electionId, @PathVariable String regionCode) {
    return BoardController.csv("jejak-" + regionCode, BoardCsv.audit(reader.audit(electionId, regionCode)));
  }

  /** A refusal or a missing page, as a page in Bahasa Indonesia with the reason and the status. */
  @ExceptionHandler({ResponseStatusException.class, IllegalArgumentException.class})
  ModelAndView refused(RuntimeException e) {
    HttpStatus status = e instanceof ResponseStatusException r ? HttpStatus.valueOf(r.getStatusCode().value())
        : HttpStatus.BAD_REQUEST;
    String reason = e instanceof ResponseStatusException r ? r.getReason() : e.getMessage();
    ModelAndView page = new ModelAndView("board/error", Map.of("status", status.value(),
        "reason", reason == null ? status.getReasonPhrase() : reason), status);
    page.addObject("user", userId());
    return page;
  }

  private void common(Model model, String electionId) {
    model.addAttribute("election", reader.election(electionId));
    model.addAttribute("elections", reader.elections());
    model.addAttribute("user", userId());
    model.addAttribute("bahasa", BAHASA);
  }

  /** The provinces with a race region the reader may see, by code. */
  private Map<String, String> provinces(Predicate<Region> visible) {
    Map<String, String> provinces = new TreeMap<>();
    regions.findWithRace().stream().filter(visible).map(Region::provinceCode).distinct()
        .forEach(code -> provinces.put(code, regions.find(code).map(Region::name).orElse(code)));
    return provinces;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private String userId() {
    Authentication user = identity.getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }

}

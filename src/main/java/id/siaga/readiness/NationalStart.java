package id.siaga.readiness;

import id.siaga.calendar.ElectionRepository;
import id.siaga.escalation.TaskDeadlines;
import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import id.siaga.system.EngineAdapter;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Readiness for the whole nation (or one province) in one action: a {@code regional-readiness}
 * instance for every race region of an election, started by a background thread one region at a
 * time (each start its own transaction), with progress in the log and through the API. A region
 * that already walks the election is skipped, so a run stopped midway (a crash, a restart, a
 * {@link #stop}) resumes without duplicates when started again; the table's unique key stops a
 * second walk even if two runs race.
 */
@EngineAdapter
@Service
public class NationalStart {

  private static final Logger LOG = LoggerFactory.getLogger(NationalStart.class);

  /** Where a run stands. */
  public record Progress(String runId, String electionId, String scope, int total, int started, int skipped,
      int failed, String status, Instant startedAt, Instant finishedAt) {}

  private final RegionRepository regions;
  private final ElectionRepository elections;
  private final RuntimeService runtime;
  private final JdbcTemplate jdbc;
  private final Map<String, Run> runs = new ConcurrentHashMap<>();

  NationalStart(RegionRepository regions, ElectionRepository elections, RuntimeService runtime, JdbcTemplate jdbc) {
    this.regions = regions;
    this.elections = elections;
    this.runtime = runtime;
    this.jdbc = jdbc;
  }

  /** The race regions of the scope: every province with a governor race and every regency/city with a race. */
  List<Region> scope(String provinceCode) {
    return regions.findWithRace().stream()
        .filter(r -> r.level() == RegionLevel.PROVINCE || r.level() == RegionLevel.REGENCY)
        .filter(r -> provinceCode == null || r.code().equals(provinceCode) || r.code().startsWith(provinceCode + "."))
        .sorted(Comparator.comparing(Region::code)).toList();
  }

  /**
   * Starts a run in the background and answers at once.
   *
   * @param provinceCode one province (its own race and its regencies' and cities'), or null for the nation
   * @throws IllegalArgumentException for an unknown election or province
   */
  public Progress start(String electionId, String provinceCode, String by) {
    if (elections.find(electionId).isEmpty()) {
      throw new IllegalArgumentException("Pemilihan tidak dikenal: " + electionId.replaceAll("[^A-Za-z0-9-]", "?"));
    }
    if (provinceCode != null && (!RegionLevel.PROVINCE.accepts(provinceCode) || regions.find(provinceCode).isEmpty())) {
      throw new IllegalArgumentException("Kode provinsi tidak dikenal: " + provinceCode.replaceAll("[^0-9.]", "?"));
    }
    List<Region> targets = scope(provinceCode);
    Run run = new Run("kesiapan-nasional-" + Long.toString(System.nanoTime(), 36), electionId,
        provinceCode == null ? "nasional" : provinceCode, targets.size(), by);
    runs.put(run.id, run);
    Thread thread = new Thread(() -> walk(run, targets), "readiness-" + run.id);
    thread.setDaemon(true);
    thread.start();
    LOG.info("Readiness run {} for {} ({}) started by {}: {} race regions", run.id, electionId, run.scope, by,
        targets.size());
    return run.progress();
  }

  /** Runs the whole scope in the calling thread (the command line); returns when done. */
  Progress runNow(String electionId, String provinceCode, String by) {
    List<Region> targets = scope(provinceCode);
    Run run = new Run("kesiapan-nasional-" + Long.toString(System.nanoTime(), 36), electionId,
        provinceCode == null ? "nasional" : provinceCode, targets.size(), by);
    runs.put(run.id, run);
    walk(run, targets);
    return run.progress();
  }

  public Optional<Progress> progress(String runId) {
    return Optional.ofNullable(runs.get(runId)).map(Run::progress);
  }

  /** Asks a run to stop after the region it is starting (as a crash would, but cleanly). */
  public boolean stop(String runId) {
    Run run = runs.get(runId);
    if (run == null) {
      return false;
    }
    run.stop.set(true);
    return true;
  }

  /** The walk of a region, if there is one: "starting twice returns the existing instance". */
  public Optional<String> existing(String electionId, String regionCode) {
    return jdbc.query("select process_instance_id from siaga_regional_readiness where election_id = ?"
        + " and region_code = ?", (rs, i) -> rs.getString(1), electionId, regionCode).stream().findFirst();
  }

  /** Starts the walk of one region, or returns the one that exists. */
  public String startOne(String electionId, String regionCode) {
    return existing(electionId, regionCode).orElseGet(() -> runtime.startProcessInstanceByKey(
        RegionalReadiness.PROCESS_KEY, Variables.createVariables().putValue(Region.PROCESS_VARIABLE, regionCode)
            .putValue(TaskDeadlines.ELECTION_ID, electionId)).getId());
  }

  private void walk(Run run, List<Region> targets) {
    for (Region region : targets) {
      if (run.stop.get()) {
        run.status = "STOPPED";
        run.finishedAt = Instant.now();
        LOG.info("Readiness run {} stopped at {}/{}", run.id, run.done(), run.total);
        return;
      }
      try {
        if (existing(run.electionId, region.code()).isPresent()) {
          run.skipped.incrementAndGet();
        } else {
          startOne(run.electionId, region.code());
          run.started.incrementAndGet();
        }
      } catch (RuntimeException e) {
        run.failed.incrementAndGet();
        LOG.warn("Readiness run {}: {} not started: {}", run.id, region.code(), e.getMessage());
      }
      if (run.done() % 50 == 0) {
        LOG.info("Readiness run {}: {}/{} ({} started, {} already walking, {} failed)", run.id, run.done(), run.total,
            run.started.get(), run.skipped.get(), run.failed.get());
      }
    }
    run.status = "DONE";
    run.finishedAt = Instant.now();
    LOG.info("Readiness run {} done: {}/{} ({} started, {} already walking, {} failed)", run.id, run.done(), run.total,
        run.started.get(), run.skipped.get(), run.failed.get());
  }

  private static final class Run {
    final String id;
    final String electionId;
    final String scope;
    final int total;
    final AtomicInteger started = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicBoolean stop = new AtomicBoolean();
    final Instant startedAt = Instant.now();
    volatile String status = "RUNNING";
    volatile Instant finishedAt;

    Run(String id, String electionId, String scope, int total, String by) {
      this.id = id;
      this.electionId = electionId;
      this.scope = scope;
      this.total = total;
    }

    int done() {
      return started.get() + skipped.get() + failed.get();
    }

    Progress progress() {
      return new Progress(id, electionId, scope, total, started.get(), skipped.get(), failed.get(), status, startedAt,
          finishedAt);
    }
  }
}

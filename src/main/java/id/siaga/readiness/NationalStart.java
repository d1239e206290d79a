package id.siaga.readiness;

import id.siaga.calendar.ElectionRepository;
import id.siaga.escalation.TaskDeadlines;
import id.siaga.region.NationalData;
import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import id.siaga.system.DatabaseOutage;
import id.siaga.system.EngineAdapter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Readiness for the whole nation (or one province) in one action: a {@code regional-readiness}
 * instance for every race region of an election, started by a background thread one region at a
 * time, with progress in the log and through the API. A region that already walks the election is
 * skipped, so a run stopped midway ({@link #stop}) resumes without duplicates when started again;
 * the table's unique key stops a second walk even if two runs race.
 *
 * <p>A run is a row of {@code siaga_readiness_run} ({@link ReadinessRuns}), so that every node of a
 * cluster answers its progress and may stop it. The node that walks it holds it for a lease
 * ({@code siaga.readiness.run-lease}) and renews the lease with every write of its counters; the
 * counter update of a region's start is in the start's own transaction, so the row's {@code started}
 * is exact whatever happens to the node. When the node dies (kill -9), the lease runs out and the
 * resumer of any node ({@link #resumeExpired}, every {@code siaga.readiness.resume-poll}) claims the
 * run with a conditional update and walks it on from the row's counters; at the end the counters
 * are checked against the walks themselves (docs/processes/regional-readiness.md).
 */
@EngineAdapter
@Service
public class NationalStart {

  private static final Logger LOG = LoggerFactory.getLogger(NationalStart.class);

  /** Regions passed over (already walking) between two writes of the counters, at most. */
  static final int WRITE_EVERY = 25;

  /** Where a run stands. */
  public record Progress(String runId, String electionId, String scope, int total, int started, int skipped,
      int failed, String status, Instant startedAt, Instant finishedAt) {}

  private final RegionRepository regions;
  private final ElectionRepository elections;
  private final RuntimeService runtime;
  private final JdbcTemplate jdbc;
  private final ReadinessRuns runs;
  private final NationalData nationalData;
  private final TransactionTemplate inTransaction;
  private final ProcessEngineConfigurationImpl engine;
  private final Duration lease;
  private final String node;
  /** This node's walkers, by run id (only for {@link #abandon}). */
  private final Map<String, Walk> walkers = new ConcurrentHashMap<>();

  NationalStart(RegionRepository regions, ElectionRepository elections, RuntimeService runtime, JdbcTemplate jdbc,
      ReadinessRuns runs, NationalData nationalData, PlatformTransactionManager transactions,
      ProcessEngineConfigurationImpl engine, @Value("${siaga.readiness.run-lease:PT1M}") Duration lease) {
    this.engine = engine;
    this.regions = regions;
    this.elections = elections;
    this.runtime = runtime;
    this.jdbc = jdbc;
    this.runs = runs;
    this.nationalData = nationalData;
    this.inTransaction = new TransactionTemplate(transactions);
    this.lease = lease;
    String jvm = ManagementFactory.getRuntimeMXBean().getName();
    this.node = (jvm.length() > 80 ? jvm.substring(0, 80) : jvm) + "/"
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
  }

  /** The name this node claims runs under. */
  String node() {
    return node;
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
    Walk run = create(electionId, provinceCode, targets, by);
    inBackground(run, targets);
    LOG.info("Readiness run {} for {} ({}) started by {}: {} race regions, walked by {}", run.id, electionId,
        run.scope, by, targets.size(), node);
    return progress(run.id).orElseThrow();
  }

  /** Runs the whole scope in the calling thread; returns when done. */
  Progress runNow(String electionId, String provinceCode, String by) {
    List<Region> targets = scope(provinceCode);
    Walk run = create(electionId, provinceCode, targets, by);
    walkers.put(run.id, run);
    try {
      walk(run, targets);
    } finally {
      walkers.remove(run.id);
    }
    return progress(run.id).orElseThrow();
  }

  /** Where the run stands, as the table has it: any node answers. */
  public Optional<Progress> progress(String runId) {
    return runs.find(runId).map(ReadinessRuns.Row::progress);
  }

  /**
   * Asks a run to stop after the region it is starting (as a crash would, but cleanly), from any
   * node: its walker sees the request at its next write. A run whose walker is gone (its lease ran
   * out) is STOPPED at once.
   *
   * @return false for an unknown run
   */
  public boolean stop(String runId) {
    Instant now = Instant.now();
    boolean known = runs.requestStop(runId, now);
    runs.stopAbandoned(now);
    return known;
  }

  /** The walk of a region, if there is one: "starting twice returns the existing instance". */
  public Optional<String> existing(String electionId, String regionCode) {
    return jdbc.query("select process_instance_id from siaga_regional_readiness where election_id = ?"
        + " and region_code = ?", (rs, i) -> rs.getString(1), electionId, regionCode).stream().findFirst();
  }

  /**
   * Starts the walk of one region, or returns the one that exists: for an administrator or the
   * national desk through the API. The region and election are the server's (the path, checked by
   * the walk's first step, which also checks the user again), so the start is one of the
   * application's own steps: it runs inside an engine command of its own, where the engine's gate
   * for what a user submits ({@code system.EngineGuard}, which looks at a user's outermost command)
   * does not refuse the variables a user could not send, and without the engine's authorization
   * check (the desk holds no grant to start processes; the controller and the walk's first step
   * check the user); the walk still records the user who asked. (Started as a user's outermost
   * command, it was refused with 400: "Tugas ini tidak menerima isian 'electionId', 'regionCode'".)
   */
  public String startOne(String electionId, String regionCode) {
    return existing(electionId, regionCode).orElseGet(() -> engine.getCommandExecutorTxRequired()
        .execute(context -> {
          // the engine's grants are not the desk's to hold: who may start a walk is the controller's and the first step's check
          context.disableAuthorizationCheck();
          try {
            return startNew(electionId, regionCode);
          } finally {
            context.enableAuthorizationCheck();
          }
        }));
  }

  private String startNew(String electionId, String regionCode) {
    return runtime.startProcessInstanceByKey(RegionalReadiness.PROCESS_KEY, Variables.createVariables()
        .putValue(Region.PROCESS_VARIABLE, regionCode).putValue(TaskDeadlines.ELECTION_ID, electionId)).getId();
  }

  @Scheduled(initialDelayString = "${siaga.readiness.resume-poll:PT15S}",
      fixedDelayString = "${siaga.readiness.resume-poll:PT15S}")
  void resumeOnSchedule() {
    try {
      resumeExpired(Instant.now());
    } catch (RuntimeException e) {
      LOG.warn("Resuming readiness runs failed; the next round tries again: {}", e.toString());
    }
  }

  /**
   * Takes over every RUNNING run whose lease ran out before {@code now} (its node died or hangs)
   * and walks it on in the background; a run asked to stop is STOPPED instead. Two nodes calling
   * this at once claim each run once between them.
   *
   * @return the runs this node claimed
   */
  List<String> resumeExpired(Instant now) {
    if (!nationalData.isReady()) {
      return List.of();
    }
    int stopped = runs.stopAbandoned(now);
    if (stopped > 0) {
      LOG.info("Readiness runs asked to stop whose node is gone: {} marked STOPPED", stopped);
    }
    List<String> claimed = new ArrayList<>();
    for (String id : runs.expired(now)) {
      String previous = runs.find(id).map(ReadinessRuns.Row::claimedBy).orElse("?");
      if (!runs.claimExpired(id, node, now, now.plus(lease))) {
        continue;   // another node was faster, or the owner renewed its lease just now
      }
      ReadinessRuns.Row row = runs.find(id).orElseThrow();
      List<Region> targets = scope(row.provinceCode());
      Walk run = new Walk(row.id(), row.electionId(), row.scope(), targets.size());
      run.started = row.started();
      run.skipped = row.skipped();
      run.failed = row.failed();
      run.counted = row.done();
      LOG.info("Readiness run {} for {} ({}) taken over by {} from {}, whose lease ran out: {}/{} done, going on",
          id, row.electionId(), row.scope(), node, previous, row.done(), row.total());
      inBackground(run, targets);
      claimed.add(id);
    }
    return claimed;
  }

  /**
   * Test hook: this node's walker of the run stops dead before its next region and writes nothing
   * more, as if the node had been killed (kill -9): the row stays RUNNING until another node's
   * resumer finds its lease run out. Returns once the walker's thread has ended.
   */
  void abandon(String runId) throws InterruptedException {
    Walk run = walkers.get(runId);
    if (run != null) {
      run.crashed = true;
      Thread thread = run.thread;
      if (thread != null) {
        thread.join();
      }
    }
  }

  private Walk create(String electionId, String provinceCode, List<Region> targets, String by) {
    String id = "kesiapan-nasional-" + Long.toString(System.currentTimeMillis(), 36)
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    Walk run = new Walk(id, electionId, provinceCode == null ? "nasional" : provinceCode, targets.size());
    Instant now = Instant.now();
    runs.insert(id, electionId, provinceCode, run.scope, run.total, by, now, node, now.plus(lease));
    return run;
  }

  private void inBackground(Walk run, List<Region> targets) {
    Thread thread = new Thread(() -> {
      try {
        walk(run, targets);
      } catch (RuntimeException e) {
        LOG.error("Readiness run {} stopped walking on {}: {}; another node (or this one) takes it over when its"
            + " lease runs out", run.id, node, e.toString(), e);
      } finally {
        walkers.remove(run.id);
      }
    }, "readiness-" + run.id);
    thread.setDaemon(true);
    run.thread = thread;
    walkers.put(run.id, run);
    thread.start();
  }

  /**
   * Walks the scope in code order. After a takeover the first {@code run.counted} regions were
   * counted by the previous node: they are started if still missing (a failed start, tried again)
   * but not counted twice.
   */
  /** How long the walk waits before it tries again while the database is out of reach. */
  private static final java.time.Duration DATABASE_RETRY = java.time.Duration.ofSeconds(2);

  private void walk(Walk run, List<Region> targets) {
    for (int i = 0; i < targets.size(); i++) {
      if (run.crashed) {
        return;
      }
      Region region = targets.get(i);
      boolean countedBefore = i < run.counted;
      try {
        Outcome outcome = startInTransaction(run, region, countedBefore);
        if (outcome == Outcome.WALKING) {
          if (!countedBefore) {
            run.skipped++;
            run.unwritten++;
          }
        } else if (outcome == Outcome.NOT_OURS) {
          refused(run);
          return;
        }
      } catch (RuntimeException e) {
        if (DatabaseOutage.isCause(e)) {
          // the database restarts: nothing of this region was committed; start it again once it is back
          waitForDatabase(run, e);
          i--;
          continue;
        }
        if (!countedBefore) {
          run.failed++;
        }
        run.unwritten = WRITE_EVERY;   // write the failure now
        LOG.warn("Readiness run {}: {} not started: {}", run.id, region.code(), e.getMessage());
      }
      // (after the last region the end writes the counters: a stop asked for then finds the run DONE)
      if (run.unwritten >= WRITE_EVERY && i < targets.size() - 1 && !writeOnceReachable(run)) {
        refused(run);
        return;
      }
      if (!countedBefore && run.done() % 50 == 0) {
        LOG.info("Readiness run {}: {}/{} ({} started, {} already walking, {} failed)", run.id, run.done(), run.total,
            run.started, run.skipped, run.failed);
      }
    }
    while (!run.crashed) {
      try {
        finish(run, targets);
        return;
      } catch (RuntimeException e) {
        if (!DatabaseOutage.isCause(e)) {
          throw e;
        }
        waitForDatabase(run, e);
      }
    }
  }

  /** Writes the counters, waiting while the database is out of reach. */
  private boolean writeOnceReachable(Walk run) {
    while (!run.crashed) {
      try {
        return write(run);
      } catch (RuntimeException e) {
        if (!DatabaseOutage.isCause(e)) {
          throw e;
        }
        waitForDatabase(run, e);
      }
    }
    return false;
  }

  /**
   * Waits a little while the database cannot be reached. If the outage outlasts the lease, another
   * node may take the run once the database is back; this walker then finds the run no longer its
   * own at its next write and stops.
   */
  private void waitForDatabase(Walk run, RuntimeException outage) {
    LOG.warn("Readiness run {}: the database is out of reach ({}); the walk waits and goes on where it was",
        run.id, outage.getMessage());
    try {
      Thread.sleep(DATABASE_RETRY.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.crashed = true;
    }
  }

  /** What became of one region of a run. */
  private enum Outcome { STARTED, WALKING, NOT_OURS }

  /**
   * The region's start and the run's counters (with the lease) in one transaction: a region that
   * already walks is left alone (nothing written); otherwise the counter update comes first and
   * holds only while this node still holds the run and no stop was asked for, and the start rolls
   * back with it.
   *
   * @return {@code WALKING} when the region already walks, {@code NOT_OURS} when the run is no
   *     longer this node's to walk (nothing was started)
   */
  private Outcome startInTransaction(Walk run, Region region, boolean countedBefore) {
    int started = run.started + 1;
    int failed = countedBefore ? Math.max(0, run.failed - 1) : run.failed;
    Outcome outcome = inTransaction.execute(tx -> {
      if (existing(run.electionId, region.code()).isPresent()) {
        return Outcome.WALKING;
      }
      Instant now = Instant.now();
      if (!runs.advance(run.id, node, run.total, started, run.skipped, failed, now, now.plus(lease))) {
        return Outcome.NOT_OURS;
      }
      startNew(run.electionId, region.code());
      return Outcome.STARTED;
    });
    if (outcome == Outcome.STARTED) {
      run.started = started;
      run.failed = failed;
      run.unwritten = 0;
    }
    return outcome;
  }

  private boolean write(Walk run) {
    Instant now = Instant.now();
    boolean ours = runs.advance(run.id, node, run.total, run.started, run.skipped, run.failed, now, now.plus(lease));
    run.unwritten = 0;
    return ours;
  }

  /** The row refused a write: a stop was asked for (the run ends STOPPED), or another node holds the run now. */
  private void refused(Walk run) {
    ReadinessRuns.Row row = runs.find(run.id).orElse(null);
    if (row != null && node.equals(row.claimedBy()) && "RUNNING".equals(row.status()) && row.stopRequested()) {
      runs.finish(run.id, node, "STOPPED", run.total, run.started, run.skipped, run.failed, Instant.now());
      LOG.info("Readiness run {} stopped at {}/{}", run.id, run.done(), run.total);
    } else {
      LOG.warn("Readiness run {}: {} no longer holds it ({}); it stops walking here", run.id, node,
          row == null ? "gone" : row.status() + ", held by " + row.claimedBy());
    }
  }

  /**
   * The end of the walk: the counters as the walks have them. {@code started} counts the starts
   * committed with their counter update (exact even across a takeover); the regions of the scope
   * that walk and were not started by this run are {@code skipped}, the others {@code failed}.
   */
  private void finish(Walk run, List<Region> targets) {
    Set<String> walking = runs.walkingRegions(run.electionId);
    int walkingInScope = (int) targets.stream().filter(r -> walking.contains(r.code())).count();
    int started = Math.min(run.started, walkingInScope);
    int skipped = walkingInScope - started;
    int failed = targets.size() - walkingInScope;
    if (started != run.started || skipped != run.skipped || failed != run.failed) {
      LOG.info("Readiness run {}: recounted from the walks: {} started, {} already walking, {} failed"
          + " (counted {}, {}, {})", run.id, started, skipped, failed, run.started, run.skipped, run.failed);
      run.started = started;
      run.skipped = skipped;
      run.failed = failed;
    }
    run.total = targets.size();
    if (!runs.finish(run.id, node, "DONE", run.total, started, skipped, failed, Instant.now())) {
      refused(run);
      return;
    }
    LOG.info("Readiness run {} done: {}/{} ({} started, {} already walking, {} failed)", run.id, run.done(), run.total,
        run.started, run.skipped, run.failed);
  }

  /** A run as this node walks it: its counters, written to the row as it goes. */
  private static final class Walk {
    final String id;
    final String electionId;
    final String scope;
    int total;
    int started;
    int skipped;
    int failed;
    /** After a takeover: how many regions, in code order, the previous node had counted. */
    int counted;
    /** Regions counted since the last write. */
    int unwritten;
    volatile boolean crashed;
    volatile Thread thread;

    Walk(String id, String electionId, String scope, int total) {
      this.id = id;
      this.electionId = electionId;
      this.scope = scope;
      this.total = total;
    }

    int done() {
      return started + skipped + failed;
    }
  }
}

package id.siaga.readiness;

import id.siaga.region.NationalDataReady;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Readiness as a command, beside the running application: {@code java -jar siaga-pilkada.jar
 * --start-readiness=ELECTION [--province=73]} walks every race region (or one province's) once the
 * application has started, in the background, logging its progress; the application keeps running.
 * Started again, it skips the regions already walking.
 */
@Component
@Order(300)
class StartReadinessCommand implements ApplicationRunner {

  static final String OPTION = "start-readiness";
  private static final Logger LOG = LoggerFactory.getLogger(StartReadinessCommand.class);

  private final NationalStart starts;
  private final RegionRepository regions;
  private volatile Runnable pending;

  StartReadinessCommand(NationalStart starts, RegionRepository regions) {
    this.starts = starts;
    this.regions = regions;
  }

  /** A first start loads the country in the background: the run waits for it. */
  @EventListener
  public void countryLoaded(NationalDataReady ready) {
    Runnable run = pending;
    pending = null;
    if (run != null) {
      run.run();
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!args.containsOption(OPTION)) {
      return;
    }
    List<String> election = args.getOptionValues(OPTION);
    List<String> province = args.containsOption("province") ? args.getOptionValues("province") : List.of();
    if (election.isEmpty() || election.get(0).isBlank()) {
      LOG.error("--start-readiness needs an election id, e.g. --start-readiness=pilkada-2024");
      return;
    }
    Runnable start = () -> {
      NationalStart.Progress run = starts.start(election.get(0), province.isEmpty() ? null : province.get(0),
          "command-line");
      LOG.info("Readiness run {} started from the command line; progress in this log and at GET /api/readiness/runs/{}",
          run.runId(), run.runId());
    };
    if (regions.count(RegionLevel.PROVINCE) > 0) {
      start.run();
    } else {
      pending = start;
      LOG.info("Readiness for {} starts once the national data is loaded", election.get(0));
    }
  }
}

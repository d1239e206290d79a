package id.siaga.calendar;

import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: at the first start, a simulation election whose voting day is a few weeks
 * ahead, derived from the Pilkada 2024 calendar, so that the demo runs on real timers. Kept in
 * the database, so a restart keeps the same calendar.
 */
@Component
@Profile("demo")
@Order(40)
class SimulationElection implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(SimulationElection.class);

  private final Elections elections;
  private final ElectionRepository repository;
  private final String baseCalendar;
  private final int daysAhead;
  private final Clock clock;

  SimulationElection(Elections elections, ElectionRepository repository,
      @Value("${siaga.demo.simulation.base-calendar}") String baseCalendar,
      @Value("${siaga.demo.simulation.voting-day-in-days}") int daysAhead) {
    this.elections = elections;
    this.repository = repository;
    this.baseCalendar = baseCalendar;
    this.daysAhead = daysAhead;
    this.clock = Clock.systemDefaultZone();
  }

  @Override
  public void run(ApplicationArguments args) {
    if (repository.findAll().stream().anyMatch(Election::simulation)) {
      return;
    }
    Election election = elections.createSimulation(baseCalendar, LocalDate.now(clock).plusDays(daysAhead));
    LOG.info("Created simulation election {} with voting day {}", election.id(), election.votingDay());
  }
}

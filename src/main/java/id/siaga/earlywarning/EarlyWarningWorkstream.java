package id.siaga.earlywarning;

import id.siaga.calendar.StageWorkstreamStatus;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import id.siaga.system.EngineAdapter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The early-warning reports' answer to the kernel's {@link StageWorkstreamStatus}: they arrive one by
 * one and belong to no stage, so the coordinator declaring a stage reads the region's counts as they
 * stand: the reports still open, by severity, and those closed in the last 30 days. A province reads
 * its regencies' reports. The clock is the engine's, the one the reports were closed on.
 */
@EngineAdapter
@Component
class EarlyWarningWorkstream implements StageWorkstreamStatus {

  static final Duration RECENT = Duration.ofDays(30);

  private final ReportRepository reports;

  EarlyWarningWorkstream(ReportRepository reports) {
    this.reports = reports;
  }

  @Override
  public String workstream() {
    return ReportVariables.PROCESS_KEY;
  }

  @Override
  public Optional<String> summary(String electionId, String regionCode, String stageCode) {
    Map<Severity, Integer> open = reports.openBySeverity(regionCode);
    int closed = reports.closedSince(regionCode, ClockUtil.getCurrentTime().toInstant().minus(RECENT));
    return Optional.of(ReportTexts.counts(open, closed));
  }
}

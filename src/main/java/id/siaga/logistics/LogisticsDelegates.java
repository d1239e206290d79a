package id.siaga.logistics;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code logistics-distribution}, bound by name in the diagram:
 * each hands the execution or task to {@link LogisticsLeg}, which finds the leg from the process
 * instance.
 */
@Configuration(proxyBeanMethods = false)
class LogisticsDelegates {

  @Bean JavaDelegate registerLogisticsLeg(LogisticsLeg leg) { return leg::register; }
  @Bean TaskListener confirmAllocation(LogisticsLeg leg) { return leg::confirmAllocation; }
  @Bean TaskListener recordSortFold(LogisticsLeg leg) { return leg::recordSortFold; }
  @Bean TaskListener recordBallotReplacement(LogisticsLeg leg) { return leg::recordReplacement; }
  @Bean JavaDelegate prepareKecamatan(LogisticsLeg leg) { return leg::prepareKecamatan; }
  @Bean ExecutionListener recordArrivalDeadline(LogisticsLeg leg) { return leg::recordArrivalDeadline; }
  @Bean TaskListener recordTransport(LogisticsLeg leg) { return leg::recordTransport; }
  @Bean TaskListener recordEscort(LogisticsLeg leg) { return leg::recordEscort; }
  @Bean TaskListener recordDispatch(LogisticsLeg leg) { return leg::recordDispatch; }
  @Bean TaskListener recordReceipt(LogisticsLeg leg) { return leg::recordReceipt; }
  @Bean TaskListener recordShortfallDispatch(LogisticsLeg leg) { return leg::recordShortfallDispatch; }
  @Bean TaskListener recordShortfallReceipt(LogisticsLeg leg) { return leg::recordShortfallReceipt; }
  @Bean TaskListener recordTpsDelivery(LogisticsLeg leg) { return leg::recordTpsDelivery; }
  @Bean TaskListener recordSupervision(LogisticsLeg leg) { return leg::recordSupervision; }
  @Bean TaskListener describeFinding(LogisticsLeg leg) { return leg::describeFinding; }
  @Bean TaskListener recordCorrection(LogisticsLeg leg) { return leg::recordCorrection; }
  @Bean TaskListener recordDestruction(LogisticsLeg leg) { return leg::recordDestruction; }
  @Bean TaskListener recordWitness(LogisticsLeg leg) { return leg::recordWitness; }
  @Bean TaskListener recordTpsReturns(LogisticsLeg leg) { return leg::recordTpsReturns; }
  @Bean TaskListener recordWarehouseReturn(LogisticsLeg leg) { return leg::recordWarehouseReturn; }
  @Bean TaskListener recordReconciliationReview(LogisticsLeg leg) { return leg::recordReconciliationReview; }
  @Bean JavaDelegate closeLogisticsLeg(LogisticsLeg leg) { return leg::close; }
  @Bean TaskListener trackKecamatanTask(LogisticsLeg leg) { return leg::trackTask; }
}

package id.siaga.patrol;

import static id.siaga.patrol.PatrolVariables.REPORT_NUMBER;
import static id.siaga.patrol.PatrolVariables.STAGE_PLAN_ID;

import id.siaga.notification.TaskNotifications;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and listeners of {@code patrol-assignment}, {@code tps-security-plan} and
 * {@code reinforcement-request}, bound by name in the diagrams: each hands the execution or task to
 * the feature's adapter, which finds the plan from the process instance.
 */
@Configuration(proxyBeanMethods = false)
class PatrolDelegates {

  // patrol-assignment
  @Bean JavaDelegate registerPatrolStage(StagePatrols patrols) { return patrols::register; }
  @Bean TaskListener reviewPatrolPlan(StagePatrols patrols) { return patrols::reviewPlan; }
  @Bean JavaDelegate prepareAssignment(StagePatrols patrols) { return patrols::prepareAssignment; }
  @Bean TaskListener recordPatrolTeam(StagePatrols patrols) { return patrols::recordTeam; }
  @Bean TaskListener recordTniElement(StagePatrols patrols) { return patrols::recordTniElement; }
  @Bean TaskListener recordPemdaSupport(StagePatrols patrols) { return patrols::recordPemdaSupport; }
  @Bean JavaDelegate openReportPeriod(StagePatrols patrols) { return patrols::openReportPeriod; }
  @Bean TaskListener recordSituationReport(StagePatrols patrols) { return patrols::recordSituationReport; }
  @Bean JavaDelegate closePatrolStage(StagePatrols patrols) { return patrols::close; }

  @Bean JavaDelegate sendSituationAlert(PatrolMails mails) {
    return execution -> mails.sendSituationAlert((String) execution.getVariable(STAGE_PLAN_ID),
        ((Number) execution.getVariable(REPORT_NUMBER)).intValue(),
        (String) execution.getVariable(TaskNotifications.STAGE_NAME));
  }

  @Bean JavaDelegate fileRawanReports(RawanReports reports) { return reports::file; }

  @Bean JavaDelegate sendPatrolSummary(PatrolMails mails) {
    return execution -> mails.sendSummary((String) execution.getVariable(STAGE_PLAN_ID),
        (String) execution.getVariable(TaskNotifications.STAGE_NAME), ClockUtil.getCurrentTime().toInstant());
  }

  // reinforcement-request
  @Bean JavaDelegate registerReinforcement(Reinforcements reinforcements) { return reinforcements::register; }
  @Bean TaskListener decideReinforcement(Reinforcements reinforcements) { return reinforcements::decide; }

  // tps-security-plan
  @Bean JavaDelegate registerGuardPlan(GuardPlans plans) { return plans::register; }
  @Bean TaskListener approveGuardPlan(GuardPlans plans) { return plans::approve; }
  @Bean TaskListener confirmLinmas(GuardPlans plans) { return plans::confirmLinmas; }
  @Bean TaskListener confirmTniStandby(GuardPlans plans) { return plans::confirmTniStandby; }
  @Bean JavaDelegate closeGuardPlan(GuardPlans plans) { return plans::close; }
}

package id.siaga.readiness;

import id.siaga.notification.TaskNotifications;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners of {@code stage-readiness}, bound by name in the diagram. */
@Configuration(proxyBeanMethods = false)
class ReadinessDelegates {

  @Bean JavaDelegate registerRegionalReadiness(RegionalReadiness readiness) { return readiness::register; }
  @Bean JavaDelegate registerStageReadiness(StageReadiness readiness) { return readiness::register; }
  @Bean TaskListener describeReadiness(StageReadiness readiness) { return readiness::describe; }
  @Bean TaskListener recordDeclaration(StageReadiness readiness) { return readiness::declare; }
  @Bean JavaDelegate checkStageRakor(StageReadiness readiness) { return readiness::checkRakor; }
  @Bean TaskListener scheduleStageRakor(StageReadiness readiness) { return readiness::scheduleRakor; }

  @Bean JavaDelegate sendNotReadyNotice(ReadinessMails mails) {
    return execution -> mails.sendNotReady(execution.getProcessBusinessKey(),
        (String) execution.getVariable(TaskNotifications.STAGE_NAME));
  }
}

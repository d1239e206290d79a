package id.siaga.meeting;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delegates and task listeners of {@code coordination-meeting}, bound by name in the diagram.
 * Each is one line: it hands the execution or task to {@link CoordinationMeeting} or {@link MeetingMails}; the
 * meeting is always the one recorded for the process instance, never a variable.
 */
@Configuration(proxyBeanMethods = false)
class MeetingDelegates {

  @Bean
  JavaDelegate registerMeeting(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::register;
  }

  @Bean
  JavaDelegate sendMeetingInvitation(MeetingMails mails, CoordinationMeeting coordinationMeeting) {
    return execution -> mails.sendInvitation(coordinationMeeting.meetingOf(execution).meetingId(),
        (String) execution.getVariable(MeetingVariables.REPORT_DUE_AT));
  }

  @Bean
  TaskListener recordReadinessReport(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::recordReport;
  }

  @Bean
  TaskListener checkMeetingOutcome(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::checkOutcome;
  }

  @Bean
  JavaDelegate announceMeetingHeld(StageRakor stageRakor) {
    return stageRakor::announceHeld;
  }

  @Bean
  JavaDelegate announceMeetingCancelled(StageRakor stageRakor) {
    return stageRakor::announceCancelled;
  }

  @Bean
  JavaDelegate recordMinutes(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::recordMinutes;
  }

  @Bean
  JavaDelegate postponeMeeting(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::postpone;
  }

  @Bean
  JavaDelegate cancelMeeting(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::cancel;
  }

  @Bean
  JavaDelegate prepareFollowUp(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::prepareFollowUp;
  }

  @Bean
  TaskListener checkFollowUp(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::checkOwnerForm;
  }

  @Bean
  JavaDelegate recordActionItemDone(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::recordDone;
  }

  @Bean
  JavaDelegate recordWaiverRequest(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::recordWaiverRequest;
  }

  @Bean
  TaskListener checkWaiverDecision(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::checkWaiverForm;
  }

  @Bean
  JavaDelegate grantWaiver(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::recordWaiverGranted;
  }

  @Bean
  JavaDelegate refuseWaiver(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::recordWaiverRefused;
  }

  @Bean
  JavaDelegate sendWaiverDecision(MeetingMails mails, CoordinationMeeting coordinationMeeting) {
    return execution -> mails.sendWaiverDecision(coordinationMeeting.actionItemOf(execution).itemId());
  }

  @Bean
  JavaDelegate preparePeriod(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::preparePeriod;
  }

  @Bean
  TaskListener checkPeriodConfirmation(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::checkPeriodForm;
  }

  @Bean
  JavaDelegate recordPeriod(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::recordPeriod;
  }

  @Bean
  JavaDelegate recordRecurringItemDone(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::recordRecurringDone;
  }

  @Bean
  JavaDelegate closeMeeting(CoordinationMeeting coordinationMeeting) {
    return coordinationMeeting::close;
  }

  @Bean
  JavaDelegate sendMeetingMinutes(MeetingMails mails, CoordinationMeeting coordinationMeeting) {
    return execution -> mails.sendMinutes(coordinationMeeting.meetingOf(execution).meetingId());
  }

  @Bean
  JavaDelegate sendMeetingSummary(MeetingMails mails, CoordinationMeeting coordinationMeeting) {
    return execution -> mails.sendSummary(coordinationMeeting.meetingOf(execution).meetingId());
  }
}

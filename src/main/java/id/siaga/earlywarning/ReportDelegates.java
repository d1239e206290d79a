package id.siaga.earlywarning;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegates and listeners of {@code early-warning-report}, bound by name in the diagram. */
@Configuration(proxyBeanMethods = false)
class ReportDelegates {

  @Bean JavaDelegate registerReport(EarlyWarningReports reports) { return reports::register; }
  @Bean JavaDelegate suggestReportRoute(EarlyWarningReports reports) { return reports::suggestRoute; }
  @Bean TaskListener describeTriage(EarlyWarningReports reports) { return reports::describeTriage; }
  @Bean TaskListener triageReport(EarlyWarningReports reports) { return reports::triage; }
  @Bean TaskListener handleReport(EarlyWarningReports reports) { return reports::handle; }
  @Bean TaskListener acknowledgeReport(EarlyWarningReports reports) { return reports::acknowledge; }
  @Bean TaskListener reviewOffence(EarlyWarningReports reports) { return t -> reports.gakkumdu(t, GakkumduStep.KAJIAN); }
  @Bean TaskListener discussOffence(EarlyWarningReports reports) { return t -> reports.gakkumdu(t, GakkumduStep.PEMBAHASAN); }
  @Bean TaskListener investigateOffence(EarlyWarningReports reports) { return t -> reports.gakkumdu(t, GakkumduStep.PENYIDIKAN); }
  @Bean TaskListener examineFile(EarlyWarningReports reports) { return t -> reports.gakkumdu(t, GakkumduStep.PENELITIAN_BERKAS); }
  @Bean TaskListener completeFile(EarlyWarningReports reports) { return t -> reports.gakkumdu(t, GakkumduStep.PELENGKAPAN_BERKAS); }
  @Bean TaskListener fileToCourt(EarlyWarningReports reports) { return t -> reports.gakkumdu(t, GakkumduStep.PELIMPAHAN); }

  @Bean JavaDelegate sendEmergencyAlert(ReportMails mails) {
    return execution -> mails.sendEmergency(reportId(execution), text(execution));
  }

  @Bean JavaDelegate sendRoutingNotice(ReportMails mails, ReportRepository reports) {
    return execution -> mails.sendRouted(reportId(execution), text(execution),
        reports.routings(reportId(execution)).size());
  }

  @Bean JavaDelegate sendResolutionNotice(ReportMails mails) {
    return execution -> mails.sendClosed(reportId(execution), text(execution));
  }

  private static String reportId(DelegateExecution execution) {
    return execution.getProcessBusinessKey();
  }

  private static String text(DelegateExecution execution) {
    return (String) execution.getVariable(ReportVariables.REPORT_TEXT);
  }
}

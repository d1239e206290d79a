package id.siaga.earlywarning;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyType;
import id.siaga.notification.Mail;
import id.siaga.notification.MailKey;
import id.siaga.notification.MailKind;
import id.siaga.notification.MailTemplates;
import id.siaga.notification.Mailer;
import id.siaga.notification.Recipients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * The report's mails, each sent once (outbox): the darurat alert to Polres, Kodim and the
 * coordinator; the notice to the handling agency with the agencies the table informs; the closing
 * notice to the filer and, when the contact is an e-mail address, to the reporter.
 */
@Service
class ReportMails {

  static final MailKind EMERGENCY = new MailKind("REPORT_EMERGENCY");
  static final MailKind ROUTED = new MailKind("REPORT_ROUTED");
  static final MailKind CLOSED = new MailKind("REPORT_CLOSED");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  private final ReportRepository reports;
  private final EarlyWarningReports process;
  private final Mailer mailer;
  private final Recipients recipients;
  private final MailTemplates templates;

  ReportMails(ReportRepository reports, EarlyWarningReports process, Mailer mailer, Recipients recipients,
      MailTemplates templates) {
    this.reports = reports;
    this.process = process;
    this.mailer = mailer;
    this.recipients = recipients;
    this.templates = templates;
  }

  void sendEmergency(String reportId, String summary) {
    mailer.sendOnce(MailKey.of(reportId, EMERGENCY), () -> {
      Report r = reports.find(reportId).orElseThrow();
      List<String> to = recipients.ofGroups(List.of(Agency.groupId(AgencyType.POLRI, r.regionCode()),
          Agency.groupId(AgencyType.TNI, r.regionCode()), Agency.groupId(AgencyType.KESBANGPOL, r.regionCode())));
      return mail(to, List.of(), "[Siaga Pilkada] DARURAT: laporan kerawanan " + reportId, "emergency",
          model(r, summary, "Laporan kerawanan DARURAT"));
    });
  }

  /** Each forwarding is its own mail (a report re-routed after a return reaches the next agency too). */
  void sendRouted(String reportId, String summary, int routing) {
    mailer.sendOnce(new MailKey(reportId, ROUTED, String.valueOf(routing)), () -> {
      Report r = reports.find(reportId).orElseThrow();
      List<String> to = recipients.ofGroups(List.of(r.handlingGroup()));
      List<String> cc = recipients.ofGroups(process.informed(r)).stream().filter(a -> !to.contains(a)).toList();
      Map<String, Object> model = model(r, summary, "Laporan kerawanan diteruskan");
      model.put("route", ReportTexts.routeLabel(r.route()));
      return mail(to, cc, "[Siaga Pilkada] Laporan kerawanan " + reportId + " untuk ditangani", "routed", model);
    });
  }

  void sendClosed(String reportId, String summary) {
    mailer.sendOnce(MailKey.of(reportId, CLOSED), () -> {
      Report r = reports.find(reportId).orElseThrow();
      List<String> to = new ArrayList<>(recipients.ofUser(r.filedBy()));
      if (r.reporterContact() != null && EMAIL.matcher(r.reporterContact().trim()).matches()) {
        to.add(r.reporterContact().trim());
      }
      Map<String, Object> model = model(r, summary, "Laporan kerawanan selesai");
      model.put("closing", ReportTexts.closing(r));
      return mail(to, List.of(), "[Siaga Pilkada] Laporan kerawanan " + reportId + " " + statusWord(r), "closed",
          model);
    });
  }

  private Mail mail(List<String> to, List<String> cc, String subject, String template, Map<String, Object> model) {
    return new Mail(to, cc, subject, templates.text("earlywarning/" + template, model),
        templates.html("earlywarning/" + template, model), List.of());
  }

  private static Map<String, Object> model(Report r, String summary, String title) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", title);
    model.put("reportId", r.reportId());
    model.put("summary", summary);
    return model;
  }

  private static String statusWord(Report r) {
    return switch (r.status()) {
      case Report.DIGABUNG -> "digabung";
      case Report.DITOLAK -> "ditolak";
      default -> "selesai ditangani";
    };
  }
}

package id.siaga.patrol;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.agency.AgencyType;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.notification.Mail;
import id.siaga.notification.MailKey;
import id.siaga.notification.MailTemplates;
import id.siaga.notification.Mailer;
import id.siaga.notification.Recipients;
import id.siaga.notification.TasklistLinks;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The mails of the stage patrols, each sent once (outbox): the alert to the region's coordinator
 * (Badan Kesbangpol, copy to Polres) when a situation report has a rawan kecamatan or an incident,
 * and the summary to Polres and the coordinator when the stage window closes.
 */
@Service
class PatrolMails {

  private final PatrolRepository records;
  private final RegionRepository regions;
  private final AgencyRepository agencies;
  private final Mailer mailer;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final LocalDeadlines deadlines;
  private final TasklistLinks links;

  PatrolMails(PatrolRepository records, RegionRepository regions, AgencyRepository agencies, Mailer mailer,
      Recipients recipients, MailTemplates templates, LocalDeadlines deadlines, TasklistLinks links) {
    this.records = records;
    this.regions = regions;
    this.agencies = agencies;
    this.mailer = mailer;
    this.recipients = recipients;
    this.templates = templates;
    this.deadlines = deadlines;
    this.links = links;
  }

  void sendSituationAlert(String stagePlanId, int reportNumber, String stageName) {
    mailer.sendOnce(new MailKey(stagePlanId, PatrolMailKinds.SITUATION_ALERT, String.valueOf(reportNumber)), () -> {
      StagePatrol stage = records.findStage(stagePlanId).orElseThrow();
      PatrolReport report = records.report(stagePlanId, reportNumber).orElseThrow();
      Map<String, String> names = names(stage.regionCode());
      Map<String, Object> model = model(stage, stageName);
      model.put("number", reportNumber + 1);
      model.put("period", deadlines.display(stage.regionCode(), report.periodStart()) + " sampai "
          + deadlines.display(stage.regionCode(), report.dueAt()));
      model.put("filedAt", report.filedAt() == null ? "" : deadlines.display(stage.regionCode(), report.filedAt()));
      model.put("notes", report.notes());
      model.put("incidents", report.incidents());
      model.put("incidentNotes", report.incidentNotes());
      model.put("rows", records.situations(stagePlanId, reportNumber).stream()
          .filter(r -> r.situation() != Situation.AMAN || r.hadIncident())
          .map(r -> row("kecamatan", names.getOrDefault(r.districtCode(), r.districtCode()), "situation",
              r.situation().label(), "incident", r.hadIncident() ? "ada insiden" : "tanpa insiden"))
          .toList());
      List<String> to = recipients.ofGroups(List.of(Agency.groupId(AgencyType.KESBANGPOL, stage.regionCode())));
      List<String> cc = recipients.ofGroups(List.of(Agency.groupId(AgencyType.POLRI, stage.regionCode()))).stream()
          .filter(a -> !to.contains(a)).toList();
      return new Mail(to, cc, "[Siaga Pilkada] Situasi rawan: laporan situasi ke-" + (reportNumber + 1) + " – "
          + model.get("regionName"), templates.text("patrol/situation-alert", model),
          templates.html("patrol/situation-alert", model), List.of());
    });
  }

  void sendSummary(String stagePlanId, String stageName, Instant now) {
    mailer.sendOnce(MailKey.of(stagePlanId, PatrolMailKinds.PATROL_SUMMARY), () -> {
      StagePatrol stage = records.findStage(stagePlanId).orElseThrow();
      PatrolSummary summary = summary(stage, now);
      Map<String, String> names = names(stage.regionCode());
      Map<String, Object> model = model(stage, stageName);
      model.put("summary", summary);
      model.put("rows", summary.districts().stream().map(d -> row("kecamatan",
          names.getOrDefault(d.districtCode(), d.districtCode()), "plan", d.plan()
              + (d.overrideReason() == null ? "" : " (diubah: " + d.overrideReason() + ")"),
          "assigned", d.assigned() ? "lengkap" : "belum lengkap", "aman", d.aman(), "waspada", d.waspada(), "rawan",
          d.rawan(), "incidents", d.incidents())).toList());
      model.put("reinforcement", records.reinforcementOf(stagePlanId).map(PatrolMails::reinforcementText)
          .orElse("tidak diminta"));
      List<String> to = recipients.ofGroups(List.of(Agency.groupId(AgencyType.POLRI, stage.regionCode())));
      List<String> cc = recipients.ofGroups(List.of(Agency.groupId(AgencyType.KESBANGPOL, stage.regionCode())))
          .stream().filter(a -> !to.contains(a)).toList();
      return new Mail(to, cc, "[Siaga Pilkada] Ringkasan patroli tahapan " + stageName + " – "
          + model.get("regionName"), templates.text("patrol/patrol-summary", model),
          templates.html("patrol/patrol-summary", model), List.of());
    });
  }

  PatrolSummary summary(StagePatrol stage, Instant now) {
    return PatrolSummary.of(records.districts(stage.stagePlanId()), records.reports(stage.stagePlanId()),
        records.situationCounts(stage.stagePlanId()), records.incidentCounts(stage.stagePlanId()),
        records.lastSituations(stage.stagePlanId()), now);
  }

  static String reinforcementText(Reinforcement r) {
    return r.requested() + " personel diminta, " + (r.decision() == null ? "belum diputuskan Polda"
        : r.decision().label() + " (" + r.granted() + " personel)" + (r.reason() == null ? "" : ": " + r.reason()));
  }

  private Map<String, Object> model(StagePatrol stage, String stageName) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", "Patroli tahapan " + stageName);
    model.put("regionName", regions.find(stage.regionCode()).map(Region::name).orElse(stage.regionCode()));
    model.put("stageName", stageName);
    model.put("polres", agencies.find(Agency.groupId(AgencyType.POLRI, stage.regionCode())).map(Agency::name)
        .orElse("Polres"));
    model.put("window", deadlines.display(stage.regionCode(), stage.windowStart()) + " sampai "
        + deadlines.display(stage.regionCode(), stage.windowEnd()));
    model.put("statusLink", links.to("/api/security?regionCode=" + stage.regionCode()));
    model.put("link", links.tasklist());
    return model;
  }

  private Map<String, String> names(String regionCode) {
    return regions.findChildren(regionCode).stream().collect(Collectors.toMap(Region::code, Region::name));
  }

  private static Map<String, Object> row(Object... pairs) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put((String) pairs[i], pairs[i + 1]);
    }
    return row;
  }
}

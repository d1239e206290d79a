package id.siaga.readiness;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyType;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.notification.Mail;
import id.siaga.notification.MailKey;
import id.siaga.notification.MailTemplates;
import id.siaga.notification.Mailer;
import id.siaga.notification.Recipients;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * A stage declared belum siap: at once to the coordinator above (the province's Badan Kesbangpol
 * for a regency or city, Kemendagri for a province) and the national desk, copy to the declaring
 * coordinator. Sent once (outbox).
 */
@Service
class ReadinessMails {

  private final ReadinessRepository records;
  private final RegionRepository regions;
  private final Mailer mailer;
  private final Recipients recipients;
  private final MailTemplates templates;
  private final LocalDeadlines deadlines;

  ReadinessMails(ReadinessRepository records, RegionRepository regions, Mailer mailer, Recipients recipients,
      MailTemplates templates, LocalDeadlines deadlines) {
    this.records = records;
    this.regions = regions;
    this.mailer = mailer;
    this.recipients = recipients;
    this.templates = templates;
    this.deadlines = deadlines;
  }

  void sendNotReady(String readinessId, String stageName) {
    mailer.sendOnce(MailKey.of(readinessId, ReadinessMailKinds.NOT_READY), () -> {
      StageReadinessRecord r = records.find(readinessId).orElseThrow();
      String above = "PROVINCE".equals(r.raceLevel()) ? "kemendagri"
          : Agency.groupId(AgencyType.KESBANGPOL, Region.provinceOf(r.regionCode()));
      Map<String, Object> model = new LinkedHashMap<>();
      String regionName = regions.find(r.regionCode()).map(Region::name).orElse(r.regionCode());
      model.put("title", "Kesiapan tahapan " + stageName);
      model.put("regionName", regionName);
      model.put("stageName", stageName);
      model.put("startsAt", deadlines.display(r.regionCode(), r.stageStartsAt()));
      model.put("notes", r.declarationNotes());
      model.put("summary", r.summary());
      model.put("declaredBy", r.declaredBy());
      List<String> to = recipients.ofGroups(List.of(above, Agency.NATIONAL_DESK));
      List<String> cc = recipients.ofGroups(List.of(Agency.groupId(AgencyType.KESBANGPOL, r.regionCode()))).stream()
          .filter(a -> !to.contains(a)).toList();
      return new Mail(to, cc, "[Siaga Pilkada] Belum siap: tahapan " + stageName + " – " + regionName,
          templates.text("readiness/not-ready", model), templates.html("readiness/not-ready", model), List.of());
    });
  }
}

package id.siaga.patrol;

import id.siaga.calendar.StageWorkstreamStatus;
import id.siaga.system.EngineAdapter;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The security feature's answers to the kernel's {@link StageWorkstreamStatus}: the stage patrols
 * and the TPS guard plan of a region, in one line each. An engine adapter for the clock only
 * (reports due "now").
 */
@EngineAdapter
@Configuration(proxyBeanMethods = false)
class SecurityWorkstreams {

  @Bean StageWorkstreamStatus patrolWorkstream(PatrolRepository records, PatrolMails mails) {
    return new StageWorkstreamStatus() {
      @Override
      public String workstream() {
        return PatrolVariables.PATROL_PROCESS;
      }

      @Override
      public Optional<String> summary(String electionId, String regionCode, String stageCode) {
        return records.findStage(electionId, regionCode, stageCode).map(stage -> {
          PatrolSummary s = mails.summary(stage, ClockUtil.getCurrentTime().toInstant());
          return "Patroli: penugasan lengkap " + s.assigned() + " dari " + s.kecamatan() + " kecamatan; laporan situasi "
              + s.reportsFiled() + " masuk dari " + s.reportsDue() + " jatuh tempo, " + s.reportsLate() + " terlambat, "
              + s.reportsMissed() + " tidak dikirim; BKO: "
              + records.reinforcementOf(stage.stagePlanId()).map(PatrolMails::reinforcementText).orElse("tidak diminta");
        });
      }
    };
  }

  @Bean StageWorkstreamStatus guardPlanWorkstream(PatrolRepository records) {
    return new StageWorkstreamStatus() {
      @Override
      public String workstream() {
        return PatrolVariables.GUARD_PROCESS;
      }

      @Override
      public Optional<String> summary(String electionId, String regionCode, String stageCode) {
        return records.guardPlan(electionId, regionCode).map(g -> "Pengamanan TPS: " + (g.ready() ? "ditetapkan" : "belum ditetapkan")
            + "; polisi " + (g.policeAvailable() == null ? "belum dikonfirmasi" : g.policeAvailable()) + " dari "
            + g.policeNeeded() + ", Linmas " + (g.linmasAvailable() == null ? "belum dikonfirmasi" : g.linmasAvailable())
            + " dari " + g.linmasNeeded() + (g.tniStandby() == null ? "" : ", siaga TNI " + g.tniStandby()));
      }
    };
  }
}

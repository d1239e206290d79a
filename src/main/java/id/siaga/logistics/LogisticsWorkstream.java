package id.siaga.logistics;

import id.siaga.calendar.StageWorkstreamStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The logistics feature's answer to the kernel's {@link StageWorkstreamStatus}: where the leg of a
 * region stands, the outbound leg for the voting stage and the return leg for the count.
 */
@Component
class LogisticsWorkstream implements StageWorkstreamStatus {

  private final LogisticsRepository legs;

  LogisticsWorkstream(LogisticsRepository legs) {
    this.legs = legs;
  }

  @Override
  public String workstream() {
    return LogisticsVariables.PROCESS_KEY;
  }

  @Override
  public Optional<String> summary(String electionId, String regionCode, String stageCode) {
    LegDirection direction = "penghitungan-rekapitulasi".equals(stageCode) ? LegDirection.RETURN : LegDirection.OUTBOUND;
    return legs.find(electionId, regionCode, direction).map(leg -> {
      List<DistrictLeg> districts = legs.districts(leg.legId());
      long done = districts.stream().filter(d -> direction == LegDirection.OUTBOUND
          ? d.tpsServed() != null && d.tpsServed() >= d.tpsCount() : d.deliveredAt() != null).count();
      long open = legs.findings(leg.legId()).stream().filter(f -> "OPEN".equals(f.status())).count();
      return direction.title() + ": " + (leg.open() ? "berjalan" : "selesai") + "; kecamatan "
          + (direction == LegDirection.OUTBOUND ? "yang semua TPS-nya sudah menerima" : "yang sudah direkapitulasi")
          + " " + done + " dari " + districts.size() + "; temuan terbuka " + open;
    });
  }
}

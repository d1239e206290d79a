package id.siaga.logistics;

import id.siaga.calendar.Election;
import id.siaga.calendar.ElectionRepository;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import id.siaga.system.EngineAdapter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * Where the logistics of a regency/city stand: every leg of the region (latest election first,
 * outbound before return), per kecamatan and in total, read from the leg's records (V11). The only
 * thing taken from the engine is its clock, which decides what is late ({@code GET /api/logistics}).
 */
@Service
@EngineAdapter
public class LogisticsStatus {

  /** Delivery to every TPS is due by H-1 18:00 local time (docs/processes/logistics-figures.md). */
  static final String TPS_DEADLINE = "H-1 18:00";

  private final LogisticsRepository legs;
  private final RegionRepository regions;
  private final ElectionRepository elections;
  private final LocalDeadlines deadlines;

  LogisticsStatus(LogisticsRepository legs, RegionRepository regions, ElectionRepository elections,
      LocalDeadlines deadlines) {
    this.legs = legs;
    this.regions = regions;
    this.elections = elections;
    this.deadlines = deadlines;
  }

  /** The status of the region's legs now, by the engine's clock. */
  public RegionStatus of(Region regency) {
    return of(regency, ClockUtil.getCurrentTime().toInstant());
  }

  RegionStatus of(Region regency, Instant now) {
    Map<String, String> names = regions.findChildren(regency.code()).stream()
        .collect(Collectors.toMap(Region::code, Region::name));
    Map<String, Election> byId = new HashMap<>();
    List<Leg> found = new ArrayList<>(legs.findByRegion(regency.code()));
    found.forEach(leg -> elections.find(leg.electionId()).ifPresent(e -> byId.put(e.id(), e)));
    found.sort(Comparator.<Leg, LocalDate>comparing(leg -> byId.containsKey(leg.electionId())
            ? byId.get(leg.electionId()).votingDay() : LocalDate.MIN, Comparator.reverseOrder())
        .thenComparing(Leg::direction).thenComparing(Leg::startedAt));
    List<LegStatus> statuses = found.stream().map(leg -> leg(regency, leg, byId.get(leg.electionId()), names, now))
        .toList();
    return new RegionStatus(regency.code(), regency.name(), now, statuses);
  }

  private LegStatus leg(Region regency, Leg leg, Election election, Map<String, String> names, Instant now) {
    boolean outbound = leg.direction() == LegDirection.OUTBOUND;
    Instant tpsDeadline = outbound ? deadlines.deadline(leg.electionId(), regency.code(), TPS_DEADLINE) : null;
    Set<String> escalated = new HashSet<>(legs.escalatedDistricts(leg.legId()));
    List<LogisticsFinding> findings = legs.findings(leg.legId());
    Map<String, Long> open = findings.stream().filter(f -> "OPEN".equals(f.status()))
        .collect(Collectors.groupingBy(LogisticsFinding::districtCode, Collectors.counting()));
    Map<String, Long> reconciliation = findings.stream()
        .filter(f -> LogisticsFinding.RECONCILIATION.equals(f.kind()))
        .collect(Collectors.groupingBy(LogisticsFinding::districtCode, Collectors.counting()));
    Map<String, Integer> unused = outbound ? Map.of() : legs.unusedByDistrict(leg.legId());
    List<QuantityRow> quantities = legs.quantities(leg.legId());
    Map<String, List<QuantityRow>> ballotsByPlace = quantities.stream().filter(q -> q.item().ballot())
        .collect(Collectors.groupingBy(QuantityRow::placeCode));

    List<KecamatanStatus> kecamatan = new ArrayList<>();
    for (DistrictLeg d : legs.districts(leg.legId())) {
      String code = d.districtCode();
      boolean late = late(d.arriveBy(), d.receivedAt(), now)
          || outbound && late(tpsDeadline, d.deliveredAt(), now);
      List<BallotCount> ballots = ballotsByPlace.getOrDefault(code, List.of()).stream()
          .map(q -> new BallotCount(q.item(), q.item().label(), q.planned(), q.dispatched(), q.received(), q.damaged()))
          .toList();
      kecamatan.add(new KecamatanStatus(code, names.get(code), d.tpsCount(), d.arriveBy(),
          d.arriveBy() == null ? null : deadlines.display(regency.code(), d.arriveBy()),
          d.dispatchedAt() != null, d.receivedAt() != null,
          outbound ? d.deliveredAt() != null : null, outbound ? null : d.deliveredAt() != null,
          d.tpsServed(), late, escalated.contains(code), open.getOrDefault(code, 0L).intValue(),
          outbound ? null : reconciliation.getOrDefault(code, 0L).intValue(),
          outbound ? null : unused.get(code), ballots));
    }

    Map<LogisticsItem, QuantityRow> warehouse = new EnumMap<>(LogisticsItem.class);
    ballotsByPlace.getOrDefault(regency.code(), List.of()).forEach(q -> warehouse.put(q.item(), q));
    Map<LogisticsItem, List<BallotCount>> perType = kecamatan.stream().flatMap(k -> k.ballots().stream())
        .collect(Collectors.groupingBy(BallotCount::item, () -> new EnumMap<>(LogisticsItem.class),
            Collectors.toList()));
    warehouse.keySet().forEach(item -> perType.putIfAbsent(item, List.of()));
    List<BallotTotal> ballotTotals = perType.entrySet().stream().map(e -> {
      QuantityRow w = warehouse.get(e.getKey());
      List<BallotCount> rows = e.getValue();
      return new BallotTotal(e.getKey(), e.getKey().label(), sum(rows, b -> b.planned()),
          sum(rows, BallotCount::dispatched), sum(rows, BallotCount::received), sum(rows, BallotCount::damaged),
          w == null ? null : w.damaged(), w == null ? 0 : w.replaced(), w == null ? null : w.destroyed(),
          w == null ? null : w.surplusDestroyed());
    }).toList();
    Totals totals = new Totals(kecamatan.size(), kecamatan.stream().mapToInt(KecamatanStatus::tpsCount).sum(),
        count(kecamatan, KecamatanStatus::dispatched), count(kecamatan, KecamatanStatus::received),
        count(kecamatan, k -> Boolean.TRUE.equals(outbound ? k.deliveredToTps() : k.returnsCounted())),
        count(kecamatan, KecamatanStatus::late), count(kecamatan, KecamatanStatus::escalated),
        kecamatan.stream().mapToInt(KecamatanStatus::openFindings).sum(),
        outbound ? null : (int) findings.stream().filter(f -> LogisticsFinding.RECONCILIATION.equals(f.kind())).count(),
        outbound ? null : unused.values().stream().mapToInt(Integer::intValue).sum(), ballotTotals);
    return new LegStatus(leg.legId(), leg.electionId(), election == null ? null : election.name(),
        election == null ? null : election.votingDay(), leg.direction(), leg.direction().title(), leg.open(),
        leg.startedAt(), leg.closedAt(), tpsDeadline,
        tpsDeadline == null ? null : deadlines.display(regency.code(), tpsDeadline), totals, kecamatan);
  }

  /** Late: done after the deadline, or not done and the deadline has passed. No deadline, never late. */
  static boolean late(Instant deadline, Instant doneAt, Instant now) {
    if (deadline == null) {
      return false;
    }
    return doneAt != null ? doneAt.isAfter(deadline) : now.isAfter(deadline);
  }

  private static int count(List<KecamatanStatus> kecamatan, Predicate<KecamatanStatus> test) {
    return (int) kecamatan.stream().filter(test).count();
  }

  private static int sum(List<BallotCount> rows, Function<BallotCount, Integer> value) {
    return rows.stream().map(value).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
  }

  // ---- the answer

  /** A regency/city and its legs; {@code at}: the clock the late flags were judged by. */
  public record RegionStatus(String regionCode, String regionName, Instant at, List<LegStatus> legs) {}

  /**
   * One leg. {@code tpsDeadline}: delivery to every TPS (outbound only, H-1 18:00 local time).
   */
  public record LegStatus(String legId, String electionId, String electionName, LocalDate votingDay,
      LegDirection direction, String title, boolean open, Instant startedAt, Instant closedAt, Instant tpsDeadline,
      String tpsDeadlineLocal, Totals totals, List<KecamatanStatus> kecamatan) {}

  /**
   * The leg in numbers: kecamatan counted per state; {@code delivered} counts kecamatan whose TPS
   * all received (outbound) or whose TPS returns were counted (return).
   */
  public record Totals(int kecamatan, int tps, int dispatched, int received, int delivered, int late, int escalated,
      int openFindings, Integer reconciliationFindings, Integer unusedBallots, List<BallotTotal> ballots) {}

  /**
   * One kecamatan of a leg. {@code deliveredToTps} on an outbound leg, {@code returnsCounted},
   * {@code reconciliationFindings} and {@code unusedBallots} on a return leg (null otherwise);
   * {@code unusedBallots} null until the kecamatan's TPS returns are counted.
   */
  public record KecamatanStatus(String code, String name, int tpsCount, Instant arriveBy, String arriveByLocal,
      boolean dispatched, boolean received, Boolean deliveredToTps, Boolean returnsCounted, Integer tpsServed,
      boolean late, boolean escalated, int openFindings, Integer reconciliationFindings, Integer unusedBallots,
      List<BallotCount> ballots) {}

  /** One ballot type at one kecamatan; a count is null until it is recorded. */
  public record BallotCount(LogisticsItem item, String label, int planned, Integer dispatched, Integer received,
      Integer damaged) {}

  /**
   * One ballot type over the leg: the kecamatan's counts summed (counted ones only), and the
   * warehouse's: damaged at sorting, replaced, destroyed (damaged) and surplus destroyed, null
   * until recorded.
   */
  public record BallotTotal(LogisticsItem item, String label, int planned, int dispatched, int received, int damaged,
      Integer warehouseDamaged, int replaced, Integer destroyed, Integer surplusDestroyed) {}
}

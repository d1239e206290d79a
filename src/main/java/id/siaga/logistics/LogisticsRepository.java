package id.siaga.logistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The records of the logistics legs (V11): legs, kecamatan, quantities, findings, returns, witnesses. */
@Repository
class LogisticsRepository {

  private final JdbcTemplate jdbc;

  LogisticsRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  // ---- legs

  void insert(Leg leg) {
    jdbc.update("insert into siaga_logistics_leg (leg_id, process_instance_id, election_id, region_code, direction,"
            + " status, started_by, started_at) values (?, ?, ?, ?, ?, 'OPEN', ?, ?)",
        leg.legId(), leg.processInstanceId(), leg.electionId(), leg.regionCode(), leg.direction().name(),
        leg.startedBy(), ts(leg.startedAt()));
  }

  Optional<Leg> find(String electionId, String regionCode, LegDirection direction) {
    return jdbc.query("select * from siaga_logistics_leg where election_id = ? and region_code = ? and direction = ?",
        LogisticsRepository::leg, electionId, regionCode, direction.name()).stream().findFirst();
  }

  Optional<Leg> findByProcessInstance(String processInstanceId) {
    return jdbc.query("select * from siaga_logistics_leg where process_instance_id = ?", LogisticsRepository::leg,
        processInstanceId).stream().findFirst();
  }

  List<Leg> findByRegion(String regionCode) {
    return jdbc.query("select * from siaga_logistics_leg where region_code = ? order by started_at",
        LogisticsRepository::leg, regionCode);
  }

  void close(String legId, Instant at) {
    jdbc.update("update siaga_logistics_leg set status = 'CLOSED', closed_at = ? where leg_id = ?", ts(at), legId);
  }

  void recordDestruction(String legId, String report, Instant at) {
    jdbc.update("update siaga_logistics_leg set destruction_report = ?, destroyed_at = ? where leg_id = ?",
        report, ts(at), legId);
  }

  // ---- kecamatan

  void insertDistricts(List<DistrictLeg> districts) {
    jdbc.batchUpdate("insert into siaga_logistics_district (leg_id, district_code, tps_count, voters, remote,"
            + " transport, support, arrive_by) values (?, ?, ?, ?, ?, ?, ?, ?)", districts, 500, (ps, d) -> {
              ps.setString(1, d.legId());
              ps.setString(2, d.districtCode());
              ps.setInt(3, d.tpsCount());
              ps.setInt(4, d.voters());
              ps.setBoolean(5, d.remote());
              ps.setString(6, d.transport().name());
              ps.setString(7, d.support());
              ps.setTimestamp(8, ts(d.arriveBy()));
            });
  }

  List<DistrictLeg> districts(String legId) {
    return jdbc.query("select * from siaga_logistics_district where leg_id = ? order by district_code",
        LogisticsRepository::district, legId);
  }

  Optional<DistrictLeg> district(String legId, String districtCode) {
    return jdbc.query("select * from siaga_logistics_district where leg_id = ? and district_code = ?",
        LogisticsRepository::district, legId, districtCode).stream().findFirst();
  }

  void setSupport(String legId, String districtCode, String support) {
    jdbc.update("update siaga_logistics_district set support = ? where leg_id = ? and district_code = ?",
        support, legId, districtCode);
  }

  void setArriveBy(String legId, String districtCode, Instant arriveBy) {
    jdbc.update("update siaga_logistics_district set arrive_by = ? where leg_id = ? and district_code = ?",
        ts(arriveBy), legId, districtCode);
  }

  void recordEscort(String legId, String districtCode, String leader, int personnel, String vehicle) {
    jdbc.update("update siaga_logistics_district set escort_leader = ?, escort_personnel = ?, escort_vehicle = ?"
        + " where leg_id = ? and district_code = ?", leader, personnel, vehicle, legId, districtCode);
  }

  void recordTransport(String legId, String districtCode, String note) {
    jdbc.update("update siaga_logistics_district set transport_note = ? where leg_id = ? and district_code = ?",
        note, legId, districtCode);
  }

  void stamp(String legId, String districtCode, String column, Instant at) {
    if (!List.of("dispatched_at", "received_at", "delivered_at").contains(column)) {
      throw new IllegalArgumentException(column);
    }
    jdbc.update("update siaga_logistics_district set " + column + " = ? where leg_id = ? and district_code = ?",
        ts(at), legId, districtCode);
  }

  void recordTpsServed(String legId, String districtCode, int tpsServed, Instant at) {
    jdbc.update("update siaga_logistics_district set tps_served = ?, delivered_at = ? where leg_id = ?"
        + " and district_code = ?", tpsServed, ts(at), legId, districtCode);
  }

  // ---- quantities

  void insertQuantities(String legId, List<QuantityRow> rows) {
    jdbc.batchUpdate("insert into siaga_logistics_quantity (leg_id, place_code, item, computed, planned)"
        + " values (?, ?, ?, ?, ?)", rows, 1000, (ps, q) -> {
          ps.setString(1, legId);
          ps.setString(2, q.placeCode());
          ps.setString(3, q.item().name());
          ps.setInt(4, q.computed());
          ps.setInt(5, q.planned());
        });
  }

  List<QuantityRow> quantities(String legId) {
    return jdbc.query("select * from siaga_logistics_quantity where leg_id = ? order by place_code, item",
        LogisticsRepository::quantity, legId);
  }

  Map<LogisticsItem, QuantityRow> quantities(String legId, String placeCode) {
    Map<LogisticsItem, QuantityRow> rows = new EnumMap<>(LogisticsItem.class);
    jdbc.query("select * from siaga_logistics_quantity where leg_id = ? and place_code = ?",
        LogisticsRepository::quantity, legId, placeCode).forEach(q -> rows.put(q.item(), q));
    return rows;
  }

  void override(String legId, String placeCode, LogisticsItem item, int planned, String reason) {
    jdbc.update("update siaga_logistics_quantity set planned = ?, override_reason = ? where leg_id = ?"
        + " and place_code = ? and item = ?", planned, reason, legId, placeCode, item.name());
  }

  /** Sets one counted column of an item at a place. */
  void set(String legId, String placeCode, LogisticsItem item, String column, int value) {
    if (!List.of("dispatched", "received", "damaged", "replaced", "destroyed", "surplus_destroyed").contains(column)) {
      throw new IllegalArgumentException(column);
    }
    jdbc.update("update siaga_logistics_quantity set " + column + " = ? where leg_id = ? and place_code = ?"
        + " and item = ?", value, legId, placeCode, item.name());
  }

  /** A receipt: the items received in good order and damaged at a place, in one batch. */
  void setReceived(String legId, String placeCode, Map<LogisticsItem, Quantities.Count> counts) {
    List<Object[]> rows = counts.entrySet().stream()
        .map(e -> new Object[] {e.getValue().received(), e.getValue().damaged(), legId, placeCode, e.getKey().name()})
        .toList();
    jdbc.batchUpdate("update siaga_logistics_quantity set received = ?, damaged = ? where leg_id = ? and place_code = ?"
        + " and item = ?", rows);
  }

  /** Dispatch: every item of the kecamatan leaves as planned. */
  void dispatchAsPlanned(String legId, String districtCode) {
    jdbc.update("update siaga_logistics_quantity set dispatched = planned where leg_id = ? and place_code = ?",
        legId, districtCode);
  }

  // ---- findings

  void insertFinding(LogisticsFinding f) {
    jdbc.update("insert into siaga_logistics_finding (finding_id, leg_id, district_code, kind, category, description,"
            + " found_by, found_at, status) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')",
        f.findingId(), f.legId(), f.districtCode(), f.kind(), f.category(), f.description(), f.foundBy(),
        ts(f.foundAt()));
  }

  List<LogisticsFinding> findings(String legId) {
    return jdbc.query("select * from siaga_logistics_finding where leg_id = ? order by found_at, finding_id",
        LogisticsRepository::finding, legId);
  }

  List<LogisticsFinding> openFindings(String legId, String districtCode, String kind) {
    return jdbc.query("select * from siaga_logistics_finding where leg_id = ? and district_code = ? and kind = ?"
        + " and status = 'OPEN' order by found_at, finding_id", LogisticsRepository::finding, legId, districtCode, kind);
  }

  Optional<LogisticsFinding> finding(String findingId) {
    return jdbc.query("select * from siaga_logistics_finding where finding_id = ?", LogisticsRepository::finding,
        findingId).stream().findFirst();
  }

  void respond(String findingId, String status, String response, String by, Instant at) {
    jdbc.update("update siaga_logistics_finding set status = ?, response = ?, responded_by = ?, responded_at = ?"
        + " where finding_id = ?", status, response, by, ts(at), findingId);
  }

  // ---- return leg, witnesses, tasks

  void insertTpsReturns(String legId, String districtCode, List<Quantities.TpsCount> counts) {
    jdbc.update("delete from siaga_logistics_tps_return where leg_id = ? and district_code = ?", legId, districtCode);
    jdbc.batchUpdate("insert into siaga_logistics_tps_return (leg_id, district_code, tps_number, item, received, used,"
        + " unused, damaged) values (?, ?, ?, ?, ?, ?, ?, ?)", counts, 1000, (ps, c) -> {
          ps.setString(1, legId);
          ps.setString(2, districtCode);
          ps.setInt(3, c.tps());
          ps.setString(4, c.item().name());
          ps.setInt(5, c.received());
          ps.setInt(6, c.used());
          ps.setInt(7, c.unused());
          ps.setInt(8, c.damaged());
        });
  }

  List<Quantities.TpsCount> tpsReturns(String legId) {
    return jdbc.query("select * from siaga_logistics_tps_return where leg_id = ? order by district_code, tps_number,"
        + " item", (rs, n) -> new Quantities.TpsCount(rs.getInt("tps_number"), LogisticsItem.valueOf(rs.getString("item")),
            rs.getInt("received"), rs.getInt("used"), rs.getInt("unused"), rs.getInt("damaged")), legId);
  }

  /** The unused ballots counted per kecamatan on a return leg. */
  Map<String, Integer> unusedByDistrict(String legId) {
    Map<String, Integer> unused = new java.util.HashMap<>();
    jdbc.query("select district_code, sum(unused) as unused from siaga_logistics_tps_return where leg_id = ?"
        + " group by district_code", rs -> {
          unused.put(rs.getString("district_code"), rs.getInt("unused"));
        }, legId);
    return unused;
  }

  void insertWitness(String legId, String group, String name, String notes, String by, Instant at) {
    jdbc.update("insert into siaga_logistics_witness (leg_id, agency_group, witness_name, notes, confirmed_by,"
        + " confirmed_at) values (?, ?, ?, ?, ?, ?)", legId, group, name, notes, by, ts(at));
  }

  List<String> witnesses(String legId) {
    return jdbc.queryForList("select agency_group from siaga_logistics_witness where leg_id = ? order by agency_group",
        String.class, legId);
  }

  /** Called once per task, from its create listener: a plain insert (the task id is new). */
  void trackTask(String taskId, String legId, String districtCode) {
    jdbc.update("insert into siaga_logistics_task (task_id, leg_id, district_code) values (?, ?, ?)",
        taskId, legId, districtCode);
  }

  /** The kecamatan of each task of a leg that serves one. */
  Map<String, String> districtsOfTasks(String legId) {
    Map<String, String> districts = new java.util.HashMap<>();
    jdbc.query("select task_id, district_code from siaga_logistics_task where leg_id = ?",
        rs -> {
          districts.put(rs.getString("task_id"), rs.getString("district_code"));
        }, legId);
    return districts;
  }

  /** The kecamatan whose tasks were escalated, from the shared escalation records. */
  List<String> escalatedDistricts(String legId) {
    return jdbc.queryForList("select distinct t.district_code from siaga_logistics_task t join siaga_task_escalation e"
        + " on e.task_id = t.task_id where t.leg_id = ?", String.class, legId);
  }

  // ---- rows

  private static Leg leg(ResultSet rs, int n) throws SQLException {
    return new Leg(rs.getString("leg_id"), rs.getString("process_instance_id"), rs.getString("election_id"),
        rs.getString("region_code"), LegDirection.valueOf(rs.getString("direction")),
        "OPEN".equals(rs.getString("status")), rs.getString("started_by"), instant(rs, "started_at"),
        instant(rs, "closed_at"));
  }

  private static DistrictLeg district(ResultSet rs, int n) throws SQLException {
    int served = rs.getInt("tps_served");
    return new DistrictLeg(rs.getString("leg_id"), rs.getString("district_code"), rs.getInt("tps_count"),
        rs.getInt("voters"), rs.getBoolean("remote"), TransportMode.valueOf(rs.getString("transport")),
        rs.getString("support"), instant(rs, "arrive_by"), instant(rs, "dispatched_at"), instant(rs, "received_at"),
        instant(rs, "delivered_at"), rs.wasNull() ? null : served);
  }

  private static QuantityRow quantity(ResultSet rs, int n) throws SQLException {
    return new QuantityRow(rs.getString("place_code"), LogisticsItem.valueOf(rs.getString("item")),
        rs.getInt("computed"), rs.getInt("planned"), rs.getString("override_reason"), integer(rs, "dispatched"),
        integer(rs, "received"), integer(rs, "damaged"), rs.getInt("replaced"), integer(rs, "destroyed"),
        integer(rs, "surplus_destroyed"));
  }

  private static LogisticsFinding finding(ResultSet rs, int n) throws SQLException {
    return new LogisticsFinding(rs.getString("finding_id"), rs.getString("leg_id"), rs.getString("district_code"),
        rs.getString("kind"), rs.getString("category"), rs.getString("description"), rs.getString("found_by"),
        instant(rs, "found_at"), rs.getString("status"), rs.getString("response"));
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }

  private static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}

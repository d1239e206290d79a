package id.siaga.region;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The regions table ({@code siaga_region}). */
@Repository
public class RegionRepository {

  private static final String COLUMNS =
      "code, name, level, parent_code, province_code, zone, has_race, vulnerability, remote, tps_count";

  private final JdbcTemplate jdbc;
  /**
   * Each region's time zone, as read: asked for by every deadline (a task's due date, each reminder
   * and escalation step) and changed only by the national files ({@link #updateReferenceData}, which
   * clears it; a region's zone follows its province's, fixed by law).
   */
  private final Map<String, Zone> zones = new ConcurrentHashMap<>();

  RegionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The time zone of a region, or empty when there is no such region. */
  public Optional<Zone> zoneOf(String code) {
    Zone zone = zones.get(code);
    if (zone == null) {
      zone = find(code).map(Region::zone).orElse(null);
      if (zone != null) {
        zones.put(code, zone);
      }
    }
    return Optional.ofNullable(zone);
  }

  public Optional<Region> find(String code) {
    return jdbc.query("select " + COLUMNS + " from siaga_region where code = ?", RegionRepository::map, code)
        .stream().findFirst();
  }

  public List<Region> findAll() {
    return jdbc.query("select " + COLUMNS + " from siaga_region order by code", RegionRepository::map);
  }

  public List<Region> findChildren(String parentCode) {
    return jdbc.query("select " + COLUMNS + " from siaga_region where parent_code = ? order by code",
        RegionRepository::map, parentCode);
  }

  public List<Region> findWithRace() {
    return jdbc.query("select " + COLUMNS + " from siaga_region where has_race = true order by code",
        RegionRepository::map);
  }

  public long count(RegionLevel level) {
    return jdbc.queryForObject("select count(*) from siaga_region where level = ?", Long.class, level.name());
  }

  public long countWithRace() {
    return jdbc.queryForObject("select count(*) from siaga_region where has_race = true", Long.class);
  }

  void insert(List<Region> regions) {
    jdbc.batchUpdate("insert into siaga_region (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        regions, 500, (ps, r) -> {
          ps.setString(1, r.code());
          ps.setString(2, r.name());
          ps.setString(3, r.level().name());
          ps.setString(4, r.parentCode());
          ps.setString(5, r.provinceCode());
          ps.setString(6, r.zone().name());
          ps.setBoolean(7, r.hasRace());
          ps.setString(8, r.vulnerability().name());
          ps.setBoolean(9, r.remote());
          ps.setInt(10, r.tpsCount());
        });
  }

  /** Updates what the national files own (name, parent, zone, race); leaves the edited fields alone. */
  void updateReferenceData(List<Region> regions) {
    zones.clear();
    jdbc.batchUpdate("update siaga_region set name = ?, parent_code = ?, zone = ?, has_race = ? where code = ?",
        regions, 500, (ps, r) -> {
          ps.setString(1, r.name());
          ps.setString(2, r.parentCode());
          ps.setString(3, r.zone().name());
          ps.setBoolean(4, r.hasRace());
          ps.setString(5, r.code());
        });
  }

  void updateEditable(String code, Vulnerability vulnerability, boolean remote, int tpsCount) {
    jdbc.update("update siaga_region set vulnerability = ?, remote = ?, tps_count = ? where code = ?",
        vulnerability.name(), remote, tpsCount, code);
  }

  private static Region map(ResultSet rs, int row) throws SQLException {
    return new Region(
        rs.getString("code"),
        rs.getString("name"),
        RegionLevel.valueOf(rs.getString("level")),
        rs.getString("parent_code"),
        rs.getString("province_code"),
        Zone.valueOf(rs.getString("zone")),
        rs.getBoolean("has_race"),
        Vulnerability.valueOf(rs.getString("vulnerability")),
        rs.getBoolean("remote"),
        rs.getInt("tps_count"));
  }
}

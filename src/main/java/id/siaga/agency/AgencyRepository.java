package id.siaga.agency;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The agencies table ({@code siaga_agency}): agencies, their groups and the escalation chain. */
@Repository
public class AgencyRepository {

  private static final String COLUMNS =
      "group_id, agency_type, level, region_code, name, escalates_to, name_origin, name_source";

  private final JdbcTemplate jdbc;

  AgencyRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Agency> find(String groupId) {
    return jdbc.query("select " + COLUMNS + " from siaga_agency where group_id = ?",
        AgencyRepository::map, groupId).stream().findFirst();
  }

  public List<Agency> findByRegion(String regionCode) {
    return jdbc.query("select " + COLUMNS + " from siaga_agency where region_code = ? order by group_id",
        AgencyRepository::map, regionCode);
  }

  public List<Agency> findAll() {
    return jdbc.query("select " + COLUMNS + " from siaga_agency order by group_id", AgencyRepository::map);
  }

  public long count() {
    return jdbc.queryForObject("select count(*) from siaga_agency", Long.class);
  }

  void insert(List<Agency> agencies) {
    jdbc.batchUpdate("insert into siaga_agency (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)", agencies, 500,
        (ps, a) -> {
          ps.setString(1, a.groupId());
          ps.setString(2, a.type() == null ? "NASIONAL" : a.type().name());
          ps.setString(3, a.level().name());
          ps.setString(4, a.regionCode());
          ps.setString(5, a.name());
          ps.setString(6, a.escalatesTo());
          ps.setString(7, a.nameOrigin().name());
          ps.setString(8, a.nameSource());
        });
  }

  void update(List<Agency> agencies) {
    jdbc.batchUpdate("update siaga_agency set name = ?, escalates_to = ?, name_origin = ?, name_source = ?,"
            + " region_code = ? where group_id = ?", agencies, 500,
        (ps, a) -> {
          ps.setString(1, a.name());
          ps.setString(2, a.escalatesTo());
          ps.setString(3, a.nameOrigin().name());
          ps.setString(4, a.nameSource());
          ps.setString(5, a.regionCode());
          ps.setString(6, a.groupId());
        });
  }

  private static Agency map(ResultSet rs, int row) throws SQLException {
    String type = rs.getString("agency_type");
    return new Agency(
        rs.getString("group_id"),
        "NASIONAL".equals(type) ? null : AgencyType.valueOf(type),
        AgencyLevel.valueOf(rs.getString("level")),
        rs.getString("region_code"),
        rs.getString("name"),
        rs.getString("escalates_to"),
        NameOrigin.valueOf(rs.getString("name_origin")),
        rs.getString("name_source"));
  }
}

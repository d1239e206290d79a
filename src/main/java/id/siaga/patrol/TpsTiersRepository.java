package id.siaga.patrol;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The TPS tiers per kecamatan ({@code siaga_tps_tiers}), one row per kecamatan. */
@Repository
class TpsTiersRepository {

  private final JdbcTemplate jdbc;

  TpsTiersRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<TpsTiers> findByRegion(String regionCode) {
    return jdbc.query("select * from siaga_tps_tiers where regency_code = ? order by district_code",
        (rs, row) -> new TpsTiers(rs.getString("district_code"), rs.getInt("tps_low_risk"),
            rs.getInt("tps_vulnerable"), rs.getInt("tps_highly_vulnerable"), rs.getString("origin")),
        regionCode);
  }

  /** Replaces the region's tiers by these, in one transaction: all of them or none. */
  @Transactional
  void replace(String regionCode, List<TpsTiers> tiers, String by, Instant at) {
    jdbc.update("delete from siaga_tps_tiers where regency_code = ?", regionCode);
    jdbc.batchUpdate("insert into siaga_tps_tiers (district_code, regency_code, tps_low_risk, tps_vulnerable,"
            + " tps_highly_vulnerable, origin, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", tiers, 500,
        (ps, t) -> {
          ps.setString(1, t.districtCode());
          ps.setString(2, regionCode);
          ps.setInt(3, t.lowRisk());
          ps.setInt(4, t.vulnerable());
          ps.setInt(5, t.highlyVulnerable());
          ps.setString(6, t.origin());
          ps.setString(7, by);
          ps.setTimestamp(8, Timestamp.from(at));
        });
  }

  boolean hasAny(String regionCode) {
    return jdbc.queryForObject("select count(*) from siaga_tps_tiers where regency_code = ?", Long.class,
        regionCode) > 0;
  }
}

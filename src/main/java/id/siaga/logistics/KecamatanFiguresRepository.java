package id.siaga.logistics;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The per-kecamatan figures ({@code siaga_kecamatan_figures}), one row per kecamatan. */
@Repository
class KecamatanFiguresRepository {

  private final JdbcTemplate jdbc;

  KecamatanFiguresRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<KecamatanFigures> findByRegion(String regionCode) {
    return jdbc.query("select * from siaga_kecamatan_figures where regency_code = ? order by district_code",
        (rs, row) -> new KecamatanFigures(rs.getString("district_code"), rs.getInt("tps_count"), rs.getInt("voters"),
            rs.getBoolean("remote"), TransportMode.valueOf(rs.getString("transport")), rs.getString("origin")),
        regionCode);
  }

  /** Replaces the region's figures by these, in one transaction: all of them or none. */
  @Transactional
  void replace(String regionCode, List<KecamatanFigures> figures, String by, Instant at) {
    jdbc.update("delete from siaga_kecamatan_figures where regency_code = ?", regionCode);
    jdbc.batchUpdate("insert into siaga_kecamatan_figures (district_code, regency_code, tps_count, voters, remote,"
            + " transport, origin, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", figures, 500,
        (ps, f) -> {
          ps.setString(1, f.districtCode());
          ps.setString(2, regionCode);
          ps.setInt(3, f.tpsCount());
          ps.setInt(4, f.voters());
          ps.setBoolean(5, f.remote());
          ps.setString(6, f.transport().name());
          ps.setString(7, f.origin());
          ps.setString(8, by);
          ps.setTimestamp(9, Timestamp.from(at));
        });
  }

  boolean hasAny(String regionCode) {
    return jdbc.queryForObject("select count(*) from siaga_kecamatan_figures where regency_code = ?", Long.class,
        regionCode) > 0;
  }
}

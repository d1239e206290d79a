package id.siaga.readiness;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The stage readiness records (V14). */
@Repository
class ReadinessRepository {

  private final JdbcTemplate jdbc;

  ReadinessRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(StageReadinessRecord r) {
    jdbc.update("insert into siaga_stage_readiness (readiness_id, process_instance_id, election_id, region_code,"
            + " stage_code, race_level, stage_starts_at, workstreams, started_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.readinessId(), r.processInstanceId(), r.electionId(), r.regionCode(), r.stageCode(), r.raceLevel(),
        Timestamp.from(r.stageStartsAt()), String.join(",", r.workstreams()), Timestamp.from(r.startedAt()));
  }

  Optional<StageReadinessRecord> find(String readinessId) {
    return jdbc.query("select * from siaga_stage_readiness where readiness_id = ?", ReadinessRepository::record,
        readinessId).stream().findFirst();
  }

  Optional<StageReadinessRecord> findByProcessInstance(String processInstanceId) {
    return jdbc.query("select * from siaga_stage_readiness where process_instance_id = ?", ReadinessRepository::record,
        processInstanceId).stream().findFirst();
  }

  void declare(String readinessId, Declaration declaration, String notes, String summary, String by, Instant at) {
    jdbc.update("update siaga_stage_readiness set declaration = ?, declaration_notes = ?, summary = ?, declared_by = ?,"
        + " declared_at = ? where readiness_id = ?", declaration.name(), notes, summary, by, Timestamp.from(at),
        readinessId);
  }

  private static StageReadinessRecord record(ResultSet rs, int row) throws SQLException {
    String declaration = rs.getString("declaration");
    String workstreams = rs.getString("workstreams");
    Timestamp declaredAt = rs.getTimestamp("declared_at");
    return new StageReadinessRecord(rs.getString("readiness_id"), rs.getString("process_instance_id"),
        rs.getString("election_id"), rs.getString("region_code"), rs.getString("stage_code"),
        rs.getString("race_level"), rs.getTimestamp("stage_starts_at").toInstant(),
        workstreams.isEmpty() ? List.of() : Arrays.asList(workstreams.split(",")),
        declaration == null ? null : Declaration.valueOf(declaration), rs.getString("declaration_notes"),
        rs.getString("summary"), rs.getString("declared_by"), declaredAt == null ? null : declaredAt.toInstant(),
        rs.getTimestamp("started_at").toInstant());
  }
}

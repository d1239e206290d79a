package id.siaga.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The elections table ({@code siaga_election}). */
@Repository
public class ElectionRepository {

  private static final RowMapper<Election> MAPPER = (rs, row) -> new Election(rs.getString("id"),
      rs.getString("name"), rs.getString("base_calendar"), rs.getDate("voting_day").toLocalDate(),
      rs.getBoolean("simulation"));

  private final JdbcTemplate jdbc;
  /**
   * The elections read so far: a row is inserted once and never changed or deleted (an election's
   * calendar is moved by creating another simulation), and every start, deadline and board asks for
   * its election; one not found is asked again (it may be created meanwhile, on this node or another).
   */
  private final Map<String, Election> found = new ConcurrentHashMap<>();

  ElectionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Election> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Election election = found.get(id);
    if (election == null) {
      election = jdbc.query("select * from siaga_election where id = ?", MAPPER, id).stream().findFirst().orElse(null);
      if (election != null) {
        found.put(id, election);
      }
    }
    return Optional.ofNullable(election);
  }

  /** Whether the row is there now, asked of the table itself (not of the elections read so far). */
  boolean exists(String id) {
    return jdbc.queryForObject("select count(*) from siaga_election where id = ?", Integer.class, id) > 0;
  }

  public List<Election> findAll() {
    return jdbc.query("select * from siaga_election order by voting_day", MAPPER);
  }

  public void insert(Election election) {
    jdbc.update("insert into siaga_election (id, name, base_calendar, voting_day, simulation, created_at)"
            + " values (?, ?, ?, ?, ?, ?)", election.id(), election.name(), election.baseCalendar(),
        Date.valueOf(election.votingDay()), election.simulation(), Timestamp.from(Instant.now()));
  }
}

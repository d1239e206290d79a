package id.siaga.calendar;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

  ElectionRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Election> find(String id) {
    return jdbc.query("select * from siaga_election where id = ?", MAPPER, id).stream().findFirst();
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

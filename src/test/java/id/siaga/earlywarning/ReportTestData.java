package id.siaga.earlywarning;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;

/** Test hygiene: every early-warning report gone, with its instance, records, number counters and once-only mail keys. */
public final class ReportTestData {

  private ReportTestData() {}

  public static void clear(RuntimeService runtime, JdbcTemplate jdbc) {
    runtime.createProcessInstanceQuery().processDefinitionKey(ReportVariables.PROCESS_KEY).list()
        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished"));
    for (String table : List.of("siaga_report_step", "siaga_report_routing", "siaga_report", "siaga_report_counter")) {
      jdbc.update("delete from " + table);
    }
    // the numbers start again at 0001 in the next test: so must the outbox's once-only keys
    jdbc.update("delete from siaga_mail_outbox where subject_key like 'LK-%'");
  }
}

package id.siaga.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Shows in Cockpit the mails that cannot be sent, while they are retried, and takes the incident
 * away once they are sent: so that an SMTP outage is visible to coordinators and operators as it
 * happens, and needs nobody when it ends (docs/operations.md, "SMTP outage").
 *
 * <p>Every round of {@link MailBatches} (every {@code siaga.mail.batch-poll}), after its sends:
 *
 * <ul>
 *   <li>an outbox row not yet sent that failed {@code siaga.mail.incident-after-attempts} times
 *       (2 by default), about an execution and without incident, gets one: a custom incident of
 *       type {@value #TYPE} on that execution (the task's for a queued deadline mail, the job's for
 *       a mail sent from a job), with the mail's key as its configuration and a message in Bahasa
 *       Indonesia that quotes the last error. Rows of one execution failing in the same round share one
 *       incident;</li>
 *   <li>when the execution has ended, no incident can be raised: the rows get
 *       {@value #NO_EXECUTION} instead, so that no round tries again, and it is logged;</li>
 *   <li>an incident whose rows are all SENT or SKIPPED is resolved, and cleared from its rows. One
 *       that no longer exists (its instance ended or was deleted, which deletes its incidents) is
 *       only cleared.</li>
 * </ul>
 *
 * <p>It runs on the sender's schedule, outside any job, in transactions of its own: one per
 * execution or incident. The engine joins the same Spring transaction, so the outbox row and the
 * incident commit together or not at all. A job on the same execution changing it at the same
 * moment makes the engine throw {@link OptimisticLockingException}: that execution is left for the
 * next round. Across nodes: a row is taken for an incident by a conditional update (incident id
 * still null) before the incident is created, in the same transaction; the second node's update
 * waits for the first node's row lock and then finds the id set, takes nothing and creates nothing.
 * Resolving takes the rows the same way. With a threshold above a job's five attempts
 * ({@code R5/PT5M}), a job's mail would get Camunda's {@code failedJob} incident only.
 */
@Service
public class MailIncidents {

  /** The incident type, as Cockpit and {@code /engine-rest/incident?incidentType=} show it. */
  public static final String TYPE = "mailDelivery";
  /** The incident id of rows whose execution had ended: no incident, not tried again. */
  public static final String NO_EXECUTION = "-";

  private static final Logger LOG = LoggerFactory.getLogger(MailIncidents.class);
  /** ACT_RU_INCIDENT.CONFIGURATION_ and INCIDENT_MSG_. */
  private static final int CONFIGURATION_LENGTH = 255;
  private static final int MESSAGE_LENGTH = 4000;

  private final MailOutbox outbox;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final OutboxTransactions ownTransaction;
  private final int afterFailures;

  MailIncidents(MailOutbox outbox, RuntimeService runtime, IdentityService identity,
      PlatformTransactionManager transactions, @Value("${siaga.mail.incident-after-attempts:2}") int afterFailures) {
    if (afterFailures < 1) {
      throw new IllegalArgumentException("siaga.mail.incident-after-attempts is at least 1: " + afterFailures);
    }
    this.outbox = outbox;
    this.runtime = runtime;
    this.identity = identity;
    this.ownTransaction = new OutboxTransactions(transactions);
    this.afterFailures = afterFailures;
  }

  /** What one round did. */
  public record Round(int raised, int withoutExecution, int resolved, int postponed) {}

  /**
   * Raises the incidents due and resolves the ones whose mails are sent, as the application (the
   * schedule's thread has no user; a caller's login is set aside meanwhile, so that neither its
   * authorizations nor the operator tools' gate apply to the application's own step).
   */
  public Round update() {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return updateAsApplication();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  private Round updateAsApplication() {
    int raised = 0;
    int withoutExecution = 0;
    int resolved = 0;
    int postponed = 0;
    Map<String, List<MailOutbox.Failing>> byExecution = new LinkedHashMap<>();
    for (MailOutbox.Failing row : ownTransaction.execute(() -> outbox.failingWithoutIncident(afterFailures))) {
      byExecution.computeIfAbsent(row.executionId(), id -> new ArrayList<>()).add(row);
    }
    for (Map.Entry<String, List<MailOutbox.Failing>> execution : byExecution.entrySet()) {
      switch (raise(execution.getKey(), execution.getValue())) {
        case DONE -> raised++;
        case NO_EXECUTION -> withoutExecution++;
        case POSTPONED -> postponed++;
        case NOTHING -> { }
      }
    }
    for (String incidentId : ownTransaction.execute(outbox::incidentsDone)) {
      switch (resolve(incidentId)) {
        case DONE -> resolved++;
        case POSTPONED -> postponed++;
        case NO_EXECUTION, NOTHING -> { }
      }
    }
    return new Round(raised, withoutExecution, resolved, postponed);
  }

  private enum Outcome { DONE, NO_EXECUTION, POSTPONED, NOTHING }

  private Outcome raise(String executionId, List<MailOutbox.Failing> rows) {
    List<String> ids = rows.stream().map(MailOutbox.Failing::id).toList();
    try {
      return ownTransaction.execute(() -> {
        String taken = "taking-" + UUID.randomUUID();
        if (outbox.takeForIncident(ids, taken) == 0) {
          return Outcome.NOTHING; // sent meanwhile, or another node raised it
        }
        List<MailKey> keys = outbox.keysOfIncident(taken);
        if (runtime.createExecutionQuery().executionId(executionId).count() == 0) {
          outbox.replaceIncident(taken, NO_EXECUTION);
          LOG.warn("Mail {} is not sent yet, but its execution {} has ended: no incident, the row is not retried"
              + " for one", keys, executionId);
          return Outcome.NO_EXECUTION;
        }
        Incident incident = runtime.createIncident(TYPE, executionId, configuration(keys),
            message(keys, rows.get(0).lastError()));
        outbox.replaceIncident(taken, incident.getId());
        LOG.info("Mail {} not sent yet: incident {} on execution {}", keys, incident.getId(), executionId);
        return Outcome.DONE;
      });
    } catch (OptimisticLockingException busy) {
      LOG.info("Incident for the mails of execution {} postponed to the next round: a job changed it meanwhile",
          executionId);
      return Outcome.POSTPONED;
    } catch (BadUserRequestException refused) {
      // the execution ended between the check and the incident, or waits in no activity
      ownTransaction.run(() -> {
        String taken = "taking-" + UUID.randomUUID();
        outbox.takeForIncident(ids, taken);
        outbox.replaceIncident(taken, NO_EXECUTION);
      });
      LOG.warn("No incident for the mails of execution {}, not retried for one: {}", executionId,
          refused.getMessage());
      return Outcome.NO_EXECUTION;
    } catch (RuntimeException e) {
      LOG.warn("Incident for the mails of execution {} postponed to the next round: {}", executionId, e.toString());
      return Outcome.POSTPONED;
    }
  }

  private Outcome resolve(String incidentId) {
    try {
      return ownTransaction.execute(() -> {
        if (outbox.clearIncident(incidentId) == 0) {
          return Outcome.NOTHING; // another node resolved it
        }
        if (runtime.createIncidentQuery().incidentId(incidentId).count() == 0) {
          LOG.info("Incident {} about sent mails is gone already (its instance ended); cleared", incidentId);
          return Outcome.NOTHING;
        }
        runtime.resolveIncident(incidentId);
        LOG.info("Mails of incident {} are sent: resolved", incidentId);
        return Outcome.DONE;
      });
    } catch (OptimisticLockingException busy) {
      LOG.info("Resolving incident {} postponed to the next round: a job changed its execution meanwhile", incidentId);
      return Outcome.POSTPONED;
    } catch (BadUserRequestException gone) {
      // gone between the check and the resolution (NotFoundException), or its execution: nothing to resolve
      ownTransaction.run(() -> outbox.clearIncident(incidentId));
      LOG.info("Incident {} about sent mails is gone already; cleared: {}", incidentId, gone.getMessage());
      return Outcome.NOTHING;
    } catch (RuntimeException e) {
      LOG.warn("Resolving incident {} postponed to the next round: {}", incidentId, e.toString());
      return Outcome.POSTPONED;
    }
  }

  /** The mails' keys, as the incident's configuration (Cockpit shows it; unique per open incident). */
  static String configuration(List<MailKey> keys) {
    return truncate(String.join(" ", keys.stream().map(MailKey::toString).toList()), CONFIGURATION_LENGTH);
  }

  /** "Surel REMINDER belum terkirim, dicoba lagi otomatis: <error>", for the coordinators in Cockpit. */
  static String message(List<MailKey> keys, String lastError) {
    List<String> kinds = keys.stream().map(key -> key.kind().name()).distinct().toList();
    String what = keys.size() == 1 ? "Surel " + kinds.get(0) : keys.size() + " surel (" + String.join(", ", kinds) + ")";
    String error = lastError == null ? "-" : lastError.replaceAll("\\s+", " ").strip();
    return truncate(what + " belum terkirim, dicoba lagi otomatis: " + error, MESSAGE_LENGTH);
  }

  private static String truncate(String value, int length) {
    return value.length() <= length ? value : value.substring(0, length);
  }
}

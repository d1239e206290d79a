package id.siaga.patrol;

import static id.siaga.patrol.EngineSteps.now;
import static id.siaga.patrol.PatrolVariables.*;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyType;
import id.siaga.region.Region;
import id.siaga.system.EngineAdapter;
import id.siaga.system.FormInput;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A BKO request as {@code reinforcement-request} walks it. The request (region, personnel,
 * purpose) was written by the plan that needs it; this process only ties itself to it and records
 * Polda's decision. It is started only by the call activities of the two plans (nobody holds
 * CREATE_INSTANCE on it), and a request is decided once.
 */
@EngineAdapter
@Component
class Reinforcements {

  private final PatrolRepository records;
  private final IdentityService identity;

  Reinforcements(PatrolRepository records, IdentityService identity) {
    this.records = records;
    this.identity = identity;
  }

  /** Ties this instance to the request its caller wrote and routes it to the region's Polda. */
  void register(DelegateExecution execution) {
    if (execution.getProcessInstance().getSuperExecution() == null) {
      throw new IllegalStateException("reinforcement-request is started by a plan's call activity only");
    }
    String reinforcementId = (String) execution.getVariable(REINFORCEMENT_ID);
    Reinforcement request = records.reinforcement(reinforcementId).orElseThrow(
        () -> new IllegalStateException("No BKO request " + reinforcementId));
    if (!records.claimReinforcement(reinforcementId, execution.getProcessInstanceId())) {
      throw new IllegalStateException("BKO request " + reinforcementId + " is already being decided");
    }
    execution.setProcessBusinessKey(reinforcementId);
    execution.setVariable(Region.PROCESS_VARIABLE, request.regionCode());
    execution.setVariable(POLDA_GROUP, Agency.groupId(AgencyType.POLRI, Region.provinceOf(request.regionCode())));
    execution.setVariable(TITLE, "BKO " + request.purpose().label() + ": " + request.requested() + " personel");
    execution.setVariable(REQUEST_TEXT, "Polres " + execution.getVariable(REGION_NAME) + " meminta " + request.requested()
        + " personel BKO untuk " + request.purpose().label() + ": dibutuhkan " + request.needed() + ", tersedia "
        + request.available() + ".");
  }

  /** Polda grants in full, in part (between 1 and one less than asked, with a reason) or refuses with a reason. */
  void decide(DelegateTask task) {
    Reinforcement request = records.reinforcementByProcessInstance(task.getProcessInstanceId()).orElseThrow(
        () -> new IllegalStateException("No BKO request for " + task.getProcessInstanceId()));
    if (request.decision() != null) {
      FormInput.refuse("Permintaan BKO ini sudah diputuskan (" + request.decision().label() + ")");
    }
    FormInput input = new FormInput(task::getVariable);
    Reinforcement.Decision decision = input.choice("decision", "Keputusan", Reinforcement.Decision.class);
    String reason = input.text("decisionReason", "Alasan", 500, decision == Reinforcement.Decision.SEBAGIAN
        || decision == Reinforcement.Decision.DITOLAK);
    int granted = 0;
    if (decision == Reinforcement.Decision.PENUH) {
      granted = request.requested();
    } else if (decision == Reinforcement.Decision.SEBAGIAN) {
      if (request.requested() < 2) {
        input.problem("Permintaan " + request.requested() + " personel tidak dapat dipenuhi sebagian");
      } else {
        Integer part = input.wholeNumber("grantedPersonnel", "Personel yang di-BKO-kan", 1, request.requested() - 1);
        granted = part == null ? 0 : part;
      }
    } else if (task.getVariable("grantedPersonnel") != null) {
      input.wholeNumber("grantedPersonnel", "Personel yang di-BKO-kan", 0, request.requested());
    }
    input.refuseIfInvalid();
    String by = EngineSteps.userOf(identity.getCurrentAuthentication());
    records.decide(request.reinforcementId(), decision, granted, reason, by, now());
  }
}

package id.siaga.agency;

import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Lets the coordinators of a region see its process instances in Cockpit: when any process
 * instance starts with a {@code regionCode} variable ({@link Region#PROCESS_VARIABLE}), the Kesbangpol group of that region and of
 * its province are granted READ on the instance. The national desk reads all instances anyway
 * ({@link AgencyAccess}). Added to every process by a parse listener, so no diagram repeats it.
 */
@Component
class InstanceAccessPlugin extends AbstractProcessEnginePlugin {

  private final AgencyRepository agencies;
  private final AuthorizationService authorizations;

  InstanceAccessPlugin(AgencyRepository agencies, @Lazy AuthorizationService authorizations) {
    this.agencies = agencies;
    this.authorizations = authorizations;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    ExecutionListener grant = this::grantCoordinators;
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        processDefinition.addListener(ExecutionListener.EVENTNAME_START, grant);
      }
    });
  }

  private void grantCoordinators(DelegateExecution execution) {
    if (!execution.getId().equals(execution.getProcessInstanceId()) || !(execution.getVariable(Region.PROCESS_VARIABLE) instanceof String code)) {
      return;
    }
    Set<String> groups = coordinatorGroups(code);
    Context.getCommandContext().runWithoutAuthorization(() -> {
      for (String groupId : groups) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(groupId);
        grant.setResource(Resources.PROCESS_INSTANCE);
        grant.setResourceId(execution.getProcessInstanceId());
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);
      }
      return null;
    });
  }

  /** Kesbangpol of the regency/city (for a regency or kecamatan code) and of the province. */
  Set<String> coordinatorGroups(String regionCode) {
    Set<String> groups = new LinkedHashSet<>();
    if (RegionLevel.ofCode(regionCode) == null) {
      return groups;
    }
    List<String> codes = regionCode.length() >= 5
        ? List.of(regionCode.substring(0, 5), Region.provinceOf(regionCode))
        : List.of(Region.provinceOf(regionCode));
    for (String code : codes) {
      String groupId = Agency.groupId(AgencyType.KESBANGPOL, code);
      if (agencies.find(groupId).isPresent()) {
        groups.add(groupId);
      }
    }
    return groups;
  }
}

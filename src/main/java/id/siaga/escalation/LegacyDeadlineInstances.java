package id.siaga.escalation;

import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Counts, at start-up, the running instances of earlier diagram versions drawn with the old
 * three-timer deadline pattern, which need {@link LegacyDeadlineDelegates} until they end. Only
 * versions that are not the latest of their key are looked at, so a fresh installation reads
 * no diagram.
 */
@Component
class LegacyDeadlineInstances {

  private static final Logger LOG = LoggerFactory.getLogger(LegacyDeadlineInstances.class);

  private final RepositoryService repository;
  private final RuntimeService runtime;

  LegacyDeadlineInstances(RepositoryService repository, RuntimeService runtime) {
    this.repository = repository;
    this.runtime = runtime;
  }

  @EventListener(ApplicationReadyEvent.class)
  void report() {
    Map<String, ProcessDefinition> latest = repository.createProcessDefinitionQuery().latestVersion().list().stream()
        .collect(Collectors.toMap(ProcessDefinition::getId, Function.identity()));
    repository.createProcessDefinitionQuery().list().stream()
        .filter(definition -> !latest.containsKey(definition.getId()))
        .sorted(Comparator.comparing(ProcessDefinition::getKey).thenComparing(ProcessDefinition::getVersion))
        .forEach(definition -> {
          long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
          if (running > 0 && usesOldPattern(definition)) {
            LOG.warn("{} instance(s) of {} version {} still run on the three-timer deadline pattern; they need the"
                + " legacy deadline delegates until they end (docs/escalation.md)", running, definition.getKey(),
                definition.getVersion());
          }
        });
  }

  private boolean usesOldPattern(ProcessDefinition definition) {
    return repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(TimerEventDefinition.class)
        .stream().anyMatch(timer -> timer.getTimeCycle() != null && timer.getTimeCycle().getTextContent() != null
            && timer.getTimeCycle().getTextContent().contains("deadlines.escalationCycle("));
  }
}

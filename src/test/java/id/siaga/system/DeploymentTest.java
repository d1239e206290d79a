package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.SiagaSpringBootTest;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Models, tables and forms are deployed from the bpmn/ folder under stable relative names. */
@SiagaSpringBootTest
class DeploymentTest {

  @Autowired
  RepositoryService repository;

  @Autowired
  SiagaProcessApplication processApplication;

  @Test
  void deploysEveryFileOfTheBpmnFolderUnderItsRelativeName() {
    Deployment deployment = repository.createDeploymentQuery().deploymentName("siaga-pilkada").singleResult();
    List<String> names = repository.getDeploymentResourceNames(deployment.getId());

    // the real decision table of bpmn/dmn/ and the test-only model placed in a bpmn/ folder of the test class path
    assertThat(names).contains("dmn/stage-workstreams.dmn", "test/agency-task-probe.bpmn");
    assertThat(names).allSatisfy(name -> assertThat(name).doesNotStartWith("/").doesNotContain("BOOT-INF"));
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("stage-workstreams")
        .singleResult().getResourceName()).isEqualTo("dmn/stage-workstreams.dmn");
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("agency-task-probe").count())
        .isEqualTo(1);
  }

  @Test
  void redeployingUnchangedFilesCreatesNoNewVersion() {
    long deploymentsBefore = repository.createDeploymentQuery().count();

    // what the process application does at every start
    DeploymentBuilder again = repository.createDeployment(processApplication.getReference())
        .name("siaga-pilkada").enableDuplicateFiltering(false);
    processApplication.createDeployment("siaga-pilkada", again);
    again.deployWithResult();

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("stage-workstreams")
        .latestVersion().singleResult().getVersion()).isEqualTo(1);
  }
}

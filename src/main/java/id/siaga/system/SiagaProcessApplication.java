package id.siaga.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.spring.boot.starter.SpringBootProcessApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The process application that deploys every BPMN, DMN and form file of the top-level
 * {@code bpmn/} folder (packaged at {@code classpath:bpmn/}), named by its path below that folder
 * ({@code coordination-meeting/coordination-meeting.bpmn}, {@code coordination-meeting/schedule-meeting.form}, {@code dmn/stage-workstreams.dmn}).
 *
 * <p>It is the starter's {@code SpringBootProcessApplication} (what {@code @EnableProcessApplication}
 * imports) with one change: Camunda's class-path scanner finds no resource below a
 * {@code resourceRootPath} inside a Spring Boot executable jar (the classes sit under
 * {@code BOOT-INF/classes/}), so the resources are added through Camunda's
 * {@code createDeployment} hook with Spring's resolver, which reads the folder the same way from
 * the jar and from {@code target/classes}. {@code META-INF/processes.xml} still configures the
 * process archive (name, engine, undeploy and resume behaviour). Same names every run means an
 * unchanged redeploy is filtered as a duplicate and creates no new version.
 */
@Configuration(proxyBeanMethods = false)
public class SiagaProcessApplication extends SpringBootProcessApplication {

  static final String ROOT = "bpmn/";
  static final Set<String> SUFFIXES = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form", ".cmmn");

  @Override
  public void createDeployment(String processArchiveName, DeploymentBuilder deploymentBuilder) {
    resources().forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        deploymentBuilder.addInputStream(name, in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + name, e);
      }
    });
  }

  /** Every deployable file below {@code classpath:bpmn/}, by its name relative to that folder. */
  static TreeMap<String, Resource> resources() {
    TreeMap<String, Resource> found = new TreeMap<>();
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*")) {
        String url = resource.getURL().toExternalForm();
        int root = url.lastIndexOf("/" + ROOT);
        if (root < 0 || !resource.isReadable()) {
          continue;
        }
        String name = url.substring(root + 1 + ROOT.length());
        if (SUFFIXES.stream().anyMatch(name::endsWith)) {
          found.put(name, resource);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + ROOT, e);
    }
    return found;
  }
}

package id.siaga.system;

import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the XML datatype factory once, so that the engine does not look it up on the class path
 * for every timer. The engine reads each timer's ISO 8601 date, duration or cycle with a
 * {@code DurationHelper}, which calls {@link DatatypeFactory#newInstance()}; without the system
 * property {@value #PROPERTY}, JAXP asks {@link java.util.ServiceLoader} each time, which scans
 * every jar of the application (a quarter of the time of creating a user task's deadline timer,
 * docs/performance.md). The factory named is the one that lookup finds, so nothing else changes;
 * a factory an operator names on the command line is left alone.
 */
@Component
class TimerDateParsing extends AbstractProcessEnginePlugin {

  static final String PROPERTY = DatatypeFactory.DATATYPEFACTORY_PROPERTY;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    nameTheFactoryFound();
  }

  static void nameTheFactoryFound() {
    if (System.getProperty(PROPERTY) != null) {
      return;
    }
    try {
      System.setProperty(PROPERTY, DatatypeFactory.newInstance().getClass().getName());
    } catch (DatatypeConfigurationException e) {
      throw new IllegalStateException("no XML datatype factory for the engine's timers", e);
    }
  }
}

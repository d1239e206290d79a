package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The XML datatype factory the engine's timers use is named once, as the class-path lookup finds it. */
class TimerDateParsingTest {

  String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(TimerDateParsing.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(TimerDateParsing.PROPERTY);
    } else {
      System.setProperty(TimerDateParsing.PROPERTY, before);
    }
  }

  @Test
  void theFactoryTheLookupFindsIsNamedAndTimersReadTheirCycleWithIt() throws Exception {
    System.clearProperty(TimerDateParsing.PROPERTY);
    String found = DatatypeFactory.newInstance().getClass().getName();

    TimerDateParsing.nameTheFactoryFound();

    assertThat(System.getProperty(TimerDateParsing.PROPERTY)).isEqualTo(found);
    assertThat(DatatypeFactory.newInstance().getClass().getName()).isEqualTo(found);
    // the deadline timer's cycle: once, at the instant given
    DurationHelper cycle = new DurationHelper("R1/2027-03-12T10:00:00Z/P1D");
    assertThat(cycle.getTimes()).isEqualTo(1);
    assertThat(cycle.getDateAfter(java.util.Date.from(java.time.Instant.parse("2027-03-01T00:00:00Z"))).toInstant())
        .isEqualTo(java.time.Instant.parse("2027-03-12T10:00:00Z"));
  }

  @Test
  void aFactoryNamedByTheOperatorIsLeftAlone() {
    System.setProperty(TimerDateParsing.PROPERTY, "org.example.OperatorsFactory");

    TimerDateParsing.nameTheFactoryFound();

    assertThat(System.getProperty(TimerDateParsing.PROPERTY)).isEqualTo("org.example.OperatorsFactory");
  }
}

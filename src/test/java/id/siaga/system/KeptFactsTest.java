package id.siaga.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Facts read once per key and kept, the least recently used going first beyond the bound. */
class KeptFactsTest {

  @Test
  void aRecordIsReadOnceAndTheLeastRecentlyUsedGoesFirst() {
    List<String> reads = new ArrayList<>();
    KeptFacts<String> facts = new KeptFacts<>(2);

    assertThat(facts.get("a", key -> { reads.add(key); return "A"; })).isEqualTo("A");
    assertThat(facts.get("a", key -> { reads.add(key); return "again"; })).isEqualTo("A");
    facts.keep("b", "B");
    facts.get("a", key -> "unused");           // a is now the most recently used
    facts.keep("c", "C");                       // beyond the bound: b goes

    assertThat(reads).containsExactly("a");
    assertThat(facts.find("b")).isNull();
    assertThat(facts.find("a")).isEqualTo("A");
    assertThat(facts.find("c")).isEqualTo("C");
    facts.forget("a");
    assertThat(facts.find("a")).isNull();
  }
}

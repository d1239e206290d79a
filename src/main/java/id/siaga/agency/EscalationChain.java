package id.siaga.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Reads the escalation chain, which is data in {@code siaga_agency.escalates_to}: per line, from
 * the agency up to the top of its line (the national desk is not part of a chain; the escalation
 * adds it at the last level).
 */
@Service
public class EscalationChain {

  private final AgencyRepository agencies;

  EscalationChain(AgencyRepository agencies) {
    this.agencies = agencies;
  }

  /** The agency a task of {@code groupId} escalates to, if any. */
  public Optional<Agency> next(String groupId) {
    return agencies.find(groupId).map(Agency::escalatesTo).flatMap(agencies::find);
  }

  /** The whole chain starting at {@code groupId} (itself first). */
  public List<Agency> chainFrom(String groupId) {
    List<Agency> chain = new ArrayList<>();
    Optional<Agency> current = agencies.find(groupId);
    while (current.isPresent() && chain.size() < 10) {
      chain.add(current.get());
      current = Optional.ofNullable(current.get().escalatesTo()).flatMap(agencies::find);
    }
    return chain;
  }
}

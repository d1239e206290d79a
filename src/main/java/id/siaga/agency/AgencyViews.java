package id.siaga.agency;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the API shows an agency: its name, whether that name is generated or checked (and against
 * what), and its escalation chain. {@code GET /api/agencies/{groupId}} for every signed-in user.
 */
@RestController
class AgencyViews {

  /** One link of a chain. */
  record Link(String groupId, String name, AgencyLevel level, boolean generated) {}

  record AgencyView(String groupId, String name, String line, AgencyLevel level, String regionCode,
      boolean generated, NameOrigin nameOrigin, String nameSource, String escalatesTo, List<Link> chain) {}

  private final AgencyRepository agencies;
  private final EscalationChain chain;

  AgencyViews(AgencyRepository agencies, EscalationChain chain) {
    this.agencies = agencies;
    this.chain = chain;
  }

  @GetMapping("/api/agencies/{groupId}")
  AgencyView get(@PathVariable String groupId) {
    return of(groupId);
  }

  AgencyView of(String groupId) {
    return of(agencies.find(groupId).orElseThrow(() -> new IllegalArgumentException("instansi tidak dikenal: " + groupId)));
  }

  AgencyView of(Agency a) {
    List<Link> links = chain.chainFrom(a.groupId()).stream()
        .map(l -> new Link(l.groupId(), l.name(), l.level(), l.generated())).toList();
    return new AgencyView(a.groupId(), a.name(), a.type() == null ? "NASIONAL" : a.type().name(), a.level(),
        a.regionCode(), a.generated(), a.nameOrigin(), a.nameSource(), a.escalatesTo(), links);
  }
}

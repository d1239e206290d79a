package id.siaga.agency;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An administrator's correction of a unit name: the agency row and its Camunda group change
 * together, the name is marked as set by an administrator, and later imports keep it.
 */
@Service
public class AgencyNames {

  /** Letters (any script), digits, spaces and the punctuation unit names use: "Kodim 1403/Palopo", "Kemendagri (Ditjen Polpum)". */
  static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} .,/()'&-]+");

  private final AgencyRepository agencies;
  private final IdentityService identity;

  AgencyNames(AgencyRepository agencies, IdentityService identity) {
    this.agencies = agencies;
    this.identity = identity;
  }

  /** Renames the agency; a clear error (and no change) for an unknown agency or an unfit name. */
  @Transactional
  public Agency rename(String groupId, String name, String changedBy) {
    Agency agency = agencies.find(groupId)
        .orElseThrow(() -> new IllegalArgumentException("instansi tidak dikenal: " + groupId));
    String clean = name == null ? "" : name.trim().replaceAll("\\s+", " ");
    if (clean.length() < 3 || clean.length() > 120) {
      throw new IllegalArgumentException("nama instansi harus 3 sampai 120 karakter");
    }
    if (!ALLOWED.matcher(clean).matches()) {
      throw new IllegalArgumentException("nama instansi: hanya huruf, angka, spasi dan . , / ( ) ' & -");
    }
    Agency renamed = agency.withName(clean, NameOrigin.ADMIN,
        "diubah oleh " + changedBy + " pada " + LocalDate.now(ZoneId.of("Asia/Jakarta")));
    agencies.update(List.of(renamed));
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    if (group != null) {
      group.setName(clean);
      identity.saveGroup(group);
    }
    return renamed;
  }
}

package id.siaga.region;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading regions and changing the fields the national files do not own. */
@Service
public class RegionService {

  private final RegionRepository regions;

  RegionService(RegionRepository regions) {
    this.regions = regions;
  }

  /** The region, or a clear error for a code that is malformed or unknown. */
  public Region get(String code) {
    if (RegionLevel.ofCode(code) == null) {
      throw new IllegalArgumentException("kode wilayah tidak sah: '" + code
          + "' (contoh: 73, 73.73, 73.73.01)");
    }
    return regions.find(code).orElseThrow(() -> new IllegalArgumentException("kode wilayah tidak dikenal: " + code));
  }

  /** The regency/city, or a clear error for any other code (shown only when it looks like a code). */
  public Region regency(String code) {
    return regions.find(code).filter(r -> r.level() == RegionLevel.REGENCY)
        .orElseThrow(() -> new IllegalArgumentException("Kode kabupaten/kota tidak dikenal: "
            + (code.matches("[0-9.]{1,16}") ? code : "(tidak sah)")));
  }

  public List<Region> children(String code) {
    get(code);
    return regions.findChildren(code);
  }

  @Transactional
  public Region update(String code, Vulnerability vulnerability, boolean remote, int tpsCount) {
    Region region = get(code);
    if (tpsCount < 0) {
      throw new IllegalArgumentException("jumlah TPS tidak boleh negatif");
    }
    if ((remote || tpsCount > 0) && region.level() != RegionLevel.DISTRICT) {
      throw new IllegalArgumentException("status 3T dan jumlah TPS hanya untuk kecamatan");
    }
    regions.updateEditable(code, vulnerability, remote, tpsCount);
    return get(code);
  }
}

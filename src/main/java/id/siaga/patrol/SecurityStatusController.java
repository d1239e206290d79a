package id.siaga.patrol;

import id.siaga.agency.RegionAccess;
import id.siaga.region.RegionService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where the security of a regency/city stands: {@code GET /api/security?regionCode=73.73} (the
 * region's and province's agencies, the national desk, administrators). Access is decided before
 * the region is looked up, so a refusal reads the same whether the region exists or not.
 */
@RestController
class SecurityStatusController {

  private static final String REGENCY_CODE = "[0-9]{2}\\.[0-9]{2}";

  private final SecurityStatus status;
  private final RegionService regions;
  private final RegionAccess access;

  SecurityStatusController(SecurityStatus status, RegionService regions, RegionAccess access) {
    this.status = status;
    this.regions = regions;
    this.access = access;
  }

  @GetMapping("/api/security")
  SecurityStatus.RegionStatus get(@RequestParam(required = false) String regionCode) {
    if (regionCode == null || regionCode.isBlank()) {
      throw new IllegalArgumentException("Parameter regionCode wajib diisi: kode kabupaten/kota, contoh 73.73");
    }
    if (!regionCode.matches(REGENCY_CODE)) {
      throw new IllegalArgumentException("Kode kabupaten/kota tidak sah: "
          + (regionCode.matches("[0-9.]{1,16}") ? regionCode : "(tidak sah)") + " (contoh 73.73)");
    }
    if (!access.mayRead(regionCode)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Anda tidak berwenang melihat data wilayah ini");
    }
    return status.of(regions.regency(regionCode));
  }
}

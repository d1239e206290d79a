package id.siaga.patrol;

import id.siaga.agency.RegionAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the security of a regency/city stands: {@code GET /api/security?regionCode=73.73} (the
 * region's and province's agencies, the national desk, administrators; {@link RegionAccess#readableRegency}).
 */
@RestController
class SecurityStatusController {

  private final SecurityStatus status;
  private final RegionAccess access;

  SecurityStatusController(SecurityStatus status, RegionAccess access) {
    this.status = status;
    this.access = access;
  }

  @GetMapping("/api/security")
  SecurityStatus.RegionStatus get(@RequestParam(required = false) String regionCode) {
    return status.of(access.readableRegency(regionCode));
  }
}

package id.siaga.logistics;

import id.siaga.agency.RegionAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the logistics of a regency/city stand: {@code GET /api/logistics?regionCode=73.73} (the
 * region's and province's agencies, the national desk, administrators; {@link RegionAccess#readableRegency}).
 */
@RestController
class LogisticsStatusController {

  private final LogisticsStatus status;
  private final RegionAccess access;

  LogisticsStatusController(LogisticsStatus status, RegionAccess access) {
    this.status = status;
    this.access = access;
  }

  @GetMapping("/api/logistics")
  LogisticsStatus.RegionStatus get(@RequestParam(required = false) String regionCode) {
    return status.of(access.readableRegency(regionCode));
  }
}

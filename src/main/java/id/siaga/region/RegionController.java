package id.siaga.region;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Regions for every authenticated user: reference data, nothing secret. */
@RestController
@RequestMapping("/api/regions")
class RegionController {

  private final RegionService regions;

  RegionController(RegionService regions) {
    this.regions = regions;
  }

  @GetMapping("/{code}")
  Region region(@PathVariable String code) {
    return regions.get(code);
  }

  @GetMapping("/{code}/children")
  List<Region> children(@PathVariable String code) {
    return regions.children(code);
  }
}

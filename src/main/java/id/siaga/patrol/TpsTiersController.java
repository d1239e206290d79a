package id.siaga.patrol;

import id.siaga.agency.AgencyType;
import id.siaga.agency.RegionAccess;
import id.siaga.region.KecamatanTpsCounts;
import id.siaga.region.KecamatanCsv;
import id.siaga.region.Region;
import id.siaga.region.RegionRepository;
import id.siaga.region.RegionService;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The TPS tiers per kecamatan of a regency/city:
 * {@code PUT /api/security/tiers/{regionCode}} with a CSV body (Polres of the region or an
 * administrator; the whole file checked against KPU's TPS counts, then all rows replaced at once),
 * and {@code GET /api/security/tiers/{regionCode}} (the region's and province's agencies, the
 * national desk, administrators).
 */
@RestController
class TpsTiersController {

  private final TpsTiersRepository tiers;
  private final RegionRepository regions;
  private final RegionService regionService;
  private final KecamatanTpsCounts tpsCounts;
  private final RegionAccess access;

  TpsTiersController(TpsTiersRepository tiers, RegionRepository regions, RegionService regionService,
      KecamatanTpsCounts tpsCounts, RegionAccess access) {
    this.tiers = tiers;
    this.regions = regions;
    this.regionService = regionService;
    this.tpsCounts = tpsCounts;
    this.access = access;
  }

  @GetMapping("/api/security/tiers/{regionCode}")
  Map<String, Object> get(@PathVariable String regionCode) {
    Region region = regionService.regency(regionCode);
    if (!access.mayRead(region.code())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Anda tidak berwenang melihat data wilayah ini");
    }
    List<TpsTiers> rows = tiers.findByRegion(region.code());
    Map<String, Integer> counts = tpsCounts.tpsCounts(region.code());
    Map<String, String> names = regions.findChildren(region.code()).stream()
        .collect(Collectors.toMap(Region::code, Region::name));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("regionCode", region.code());
    body.put("regionName", region.name());
    body.put("kecamatan", names.size());
    body.put("withTiers", rows.size());
    body.put("demo", rows.stream().anyMatch(r -> TpsTiers.DEMO.equals(r.origin())));
    body.put("tpsKurangRawan", rows.stream().mapToLong(TpsTiers::lowRisk).sum());
    body.put("tpsRawan", rows.stream().mapToLong(TpsTiers::vulnerable).sum());
    body.put("tpsSangatRawan", rows.stream().mapToLong(TpsTiers::highlyVulnerable).sum());
    body.put("rows", rows.stream().map(r -> {
      Integer kpu = counts.get(r.districtCode());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("districtCode", r.districtCode());
      row.put("name", names.get(r.districtCode()));
      row.put("tpsKurangRawan", r.lowRisk());
      row.put("tpsRawan", r.vulnerable());
      row.put("tpsSangatRawan", r.highlyVulnerable());
      row.put("tpsCount", kpu);
      // KPU may re-import its figures after the tiers: then the tiers no longer add up
      row.put("matchesTpsCount", kpu != null && kpu == r.total());
      row.put("origin", r.origin());
      return row;
    }).toList());
    return body;
  }

  @PutMapping(path = "/api/security/tiers/{regionCode}", consumes = {"text/csv", "text/plain"})
  Map<String, Object> put(@PathVariable String regionCode, HttpServletRequest request) throws IOException {
    Region region = regionService.regency(regionCode);
    if (!access.isAgencyOrAdmin(AgencyType.POLRI, region.code())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Hanya Polres wilayah ini atau administrator yang boleh mengimpor tingkat kerawanan TPS");
    }
    Set<String> districts = regions.findChildren(region.code()).stream().map(Region::code).collect(Collectors.toSet());
    List<TpsTiers> rows = TiersCsv.read(body(request), districts, tpsCounts.tpsCounts(region.code()),
        TpsTiers.IMPORTED);
    tiers.replace(region.code(), rows, access.userId(), Instant.now());
    return Map.of("regionCode", region.code(), "imported", rows.size(), "kecamatan", districts.size());
  }

  private static String body(HttpServletRequest request) throws IOException {
    request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    return KecamatanCsv.upTo(request.getReader());
  }
}

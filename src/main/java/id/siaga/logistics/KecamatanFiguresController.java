package id.siaga.logistics;

import id.siaga.agency.AgencyType;
import id.siaga.agency.RegionAccess;
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
 * The per-kecamatan figures of a regency/city:
 * {@code PUT /api/logistics/figures/{regionCode}} with a CSV body (KPU of the region or an
 * administrator; the whole file checked, then all rows replaced at once), and
 * {@code GET /api/logistics/figures/{regionCode}} (the region's and province's agencies, the
 * national desk, administrators).
 */
@RestController
class KecamatanFiguresController {

  private final KecamatanFiguresRepository figures;
  private final RegionRepository regions;
  private final RegionService regionService;
  private final RegionAccess access;

  KecamatanFiguresController(KecamatanFiguresRepository figures, RegionRepository regions, RegionService regionService,
      RegionAccess access) {
    this.figures = figures;
    this.regions = regions;
    this.regionService = regionService;
    this.access = access;
  }

  @GetMapping("/api/logistics/figures/{regionCode}")
  Map<String, Object> get(@PathVariable String regionCode) {
    Region region = regionService.regency(regionCode);
    if (!access.mayRead(region.code())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Anda tidak berwenang melihat data wilayah ini");
    }
    List<KecamatanFigures> rows = figures.findByRegion(region.code());
    Map<String, String> names = regions.findChildren(region.code()).stream()
        .collect(Collectors.toMap(Region::code, Region::name));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("regionCode", region.code());
    body.put("regionName", region.name());
    body.put("kecamatan", names.size());
    body.put("withFigures", rows.size());
    body.put("demo", rows.stream().anyMatch(r -> KecamatanFigures.DEMO.equals(r.origin())));
    body.put("tps", rows.stream().mapToLong(KecamatanFigures::tpsCount).sum());
    body.put("voters", rows.stream().mapToLong(KecamatanFigures::voters).sum());
    body.put("rows", rows.stream().map(r -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("districtCode", r.districtCode());
      row.put("name", names.get(r.districtCode()));
      row.put("tpsCount", r.tpsCount());
      row.put("voters", r.voters());
      row.put("remote", r.remote());
      row.put("transport", r.transport());
      row.put("origin", r.origin());
      return row;
    }).toList());
    return body;
  }

  @PutMapping(path = "/api/logistics/figures/{regionCode}", consumes = {"text/csv", "text/plain"})
  Map<String, Object> put(@PathVariable String regionCode, HttpServletRequest request) throws IOException {
    Region region = regionService.regency(regionCode);
    if (!access.isAgencyOrAdmin(AgencyType.KPU, region.code())) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Hanya KPU wilayah ini atau administrator yang boleh mengimpor data kecamatan");
    }
    Set<String> districts = regions.findChildren(region.code()).stream().map(Region::code).collect(Collectors.toSet());
    List<KecamatanFigures> rows = FiguresCsv.read(body(request), districts, KecamatanFigures.IMPORTED);
    figures.replace(region.code(), rows, access.userId(), Instant.now());
    return Map.of("regionCode", region.code(), "imported", rows.size(), "kecamatan", districts.size());
  }

  private static String body(HttpServletRequest request) throws IOException {
    request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    return KecamatanCsv.upTo(request.getReader());
  }
}

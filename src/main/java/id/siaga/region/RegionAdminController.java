package id.siaga.region;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Administration of regions (camunda-admin only, see ApiSecurity): the national import and the
 * fields an administrator keeps up to date (vulnerability band, remote flag, TPS count).
 */
@RestController
@RequestMapping("/api/admin/regions")
class RegionAdminController {

  private final NationalImport nationalImport;
  private final RegionService regionService;

  RegionAdminController(NationalImport nationalImport, RegionService regionService) {
    this.nationalImport = nationalImport;
    this.regionService = regionService;
  }

  /**
   * Imports the national files: the three CSV files as multipart parts named {@code provinces},
   * {@code regencies} and {@code districts}, or, with no part at all, the files shipped in the jar.
   */
  @PostMapping("/import")
  ImportResult importRegions(Principal principal,
      @RequestPart(name = "provinces", required = false) MultipartFile provinces,
      @RequestPart(name = "regencies", required = false) MultipartFile regencies,
      @RequestPart(name = "districts", required = false) MultipartFile districts) throws IOException {
    if (provinces == null && regencies == null && districts == null) {
      return nationalImport.importFrom(AreaFiles.bundled(), principal.getName());
    }
    Map<String, byte[]> files = new HashMap<>();
    put(files, AreaFiles.PROVINCES, provinces);
    put(files, AreaFiles.REGENCIES, regencies);
    put(files, AreaFiles.DISTRICTS, districts);
    return nationalImport.importFrom(AreaFiles.of(files, "unggahan"), principal.getName());
  }

  @PutMapping("/{code}")
  Region update(@PathVariable String code, @Valid @RequestBody RegionUpdate update) {
    return regionService.update(code, Vulnerability.parse(update.vulnerability()),
        Boolean.TRUE.equals(update.remote()), update.tpsCount());
  }

  /** The editable fields of a region. */
  record RegionUpdate(
      @NotNull(message = "wajib diisi (rendah, sedang atau tinggi)") String vulnerability,
      Boolean remote,
      @NotNull(message = "wajib diisi") @Min(value = 0, message = "tidak boleh negatif")
      @Max(value = 100_000, message = "terlalu besar") Integer tpsCount) {}

  private static void put(Map<String, byte[]> files, String name, MultipartFile part) throws IOException {
    if (part != null) {
      files.put(name, part.getBytes());
    }
  }
}

package id.siaga.agency;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administration of agencies (camunda-admin only, see ApiSecurity): correcting a unit's name,
 * and creating the ad-hoc election bodies (PPK, Panwascam) of a regency's kecamatan.
 */
@RestController
@RequestMapping("/api/admin/agencies")
class AgencyAdminController {

  private final AgencyNames names;
  private final AdHocBodies adHocBodies;
  private final AgencyViews views;

  AgencyAdminController(AgencyNames names, AdHocBodies adHocBodies, AgencyViews views) {
    this.names = names;
    this.adHocBodies = adHocBodies;
    this.views = views;
  }

  @PutMapping("/{groupId}")
  AgencyViews.AgencyView rename(@PathVariable String groupId, @Valid @RequestBody NameUpdate update,
      Principal principal) {
    if (!AgencyUnits.GROUP_ID.matcher(groupId).matches()) {
      throw new IllegalArgumentException("kode instansi tidak sah: '" + groupId + "' (hanya huruf dan angka)");
    }
    names.rename(groupId, update.name(), principal.getName());
    return views.of(groupId);
  }

  @PostMapping("/ad-hoc")
  List<AdHocBodyView> createAdHocBodies(@Valid @RequestBody AdHocRequest request) {
    return adHocBodies.ensure(request.regionCode(), request.kind()).stream()
        .map(e -> new AdHocBodyView(views.of(e.agency()), e.created())).toList();
  }

  /** The editable field of an agency; its rules are {@link AgencyNames#rename}'s. */
  record NameUpdate(@NotBlank(message = "wajib diisi") String name) {}

  /** Which bodies for which kecamatan ({@code 73.73.01}) or regency/city ({@code 73.73}). */
  record AdHocRequest(
      @NotBlank(message = "wajib diisi (kode kabupaten/kota atau kecamatan, contoh 73.73)") String regionCode,
      @NotNull(message = "wajib diisi (PPK atau PANWASCAM)") AdHocBodies.Kind kind) {}

  record AdHocBodyView(AgencyViews.AgencyView agency, boolean created) {}
}

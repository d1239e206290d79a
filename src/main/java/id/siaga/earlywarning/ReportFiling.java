package id.siaga.earlywarning;

import id.siaga.agency.Agency;
import id.siaga.agency.AgencyRepository;
import id.siaga.calendar.LocalDeadlines;
import id.siaga.region.Region;
import id.siaga.region.RegionLevel;
import id.siaga.region.RegionRepository;
import id.siaga.system.FormInput;
import id.siaga.threat.ThreatCategory;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The rules of filing an early-warning report, from the start form or {@code POST /api/reports}:
 * a regency or city and one of its kecamatan, a category of the shared threat list, a severity, the
 * time observed (local time of the region, not in the future, at most 30 days ago), a description
 * (plain text), an optional contact; filed by an officer of an agency of the region or its
 * province (or the national desk), for field staff only through their own agency (Babinsa through
 * Kodim, Bhabinkamtibmas through Polres, Panwascam through Bawaslu, camat through Pemda). Every
 * problem is reported at once; nothing is recorded until all are solved.
 */
@Service
class ReportFiling {

  static final int DESCRIPTION_MAX = 2000;
  static final int CONTACT_MAX = 200;
  static final Duration OLDEST = Duration.ofDays(30);
  /** Camunda's administrators group ({@code Groups.CAMUNDA_ADMIN}), named here so the rules stay engine-free. */
  static final String ADMINISTRATORS = "camunda-admin";

  /** A report as filed, checked. */
  record Filing(Region region, Region district, ThreatCategory category, Severity severity, LocalDateTime observedLocal,
      Instant observedAt, String description, String contact, FieldStaff onBehalfOf, String filerGroup) {}

  private final RegionRepository regions;
  private final AgencyRepository agencies;
  private final LocalDeadlines deadlines;

  ReportFiling(RegionRepository regions, AgencyRepository agencies, LocalDeadlines deadlines) {
    this.regions = regions;
    this.agencies = agencies;
    this.deadlines = deadlines;
  }

  Filing read(FormInput input, Collection<String> userGroups, Instant now) {
    String regionCode = input.text(Region.PROCESS_VARIABLE, "Kode kabupaten/kota", 16, true);
    String districtCode = input.text(ReportVariables.DISTRICT_CODE, "Kode kecamatan", 16, true);
    ThreatCategory category = input.choice(ReportVariables.CATEGORY, "Kategori", ThreatCategory.class);
    Severity severity = input.choice(ReportVariables.SEVERITY, "Tingkat", Severity.class);
    LocalDateTime observed = input.localDateTime(ReportVariables.OBSERVED_AT, "Waktu kejadian");
    String description = input.text(ReportVariables.DESCRIPTION, "Uraian", DESCRIPTION_MAX, true);
    String contact = input.text(ReportVariables.REPORTER_CONTACT, "Kontak pelapor", CONTACT_MAX, false);
    FieldStaff onBehalf = optionalChoice(input, ReportVariables.ON_BEHALF_OF, "Atas nama petugas lapangan");

    Region region = null;
    Region district = null;
    if (regionCode != null) {
      region = RegionLevel.REGENCY.accepts(regionCode) ? regions.find(regionCode).orElse(null) : null;
      if (region == null) {
        input.problem("Kode kabupaten/kota tidak dikenal: " + FormInput.echo(regionCode) + " (contoh 73.73)");
      }
    }
    if (region != null && districtCode != null) {
      String parent = region.code();
      district = regions.find(districtCode).filter(d -> d.level() == RegionLevel.DISTRICT)
          .filter(d -> parent.equals(d.parentCode())).orElse(null);
      if (district == null) {
        input.problem("Kecamatan " + FormInput.echo(districtCode) + " tidak ada di " + region.name());
      }
    }
    Instant observedAt = null;
    if (region != null && observed != null) {
      observedAt = deadlines.at(region.zone(), observed.toLocalDate(), observed.toLocalTime());
      if (observedAt.isAfter(now)) {
        input.problem("Waktu kejadian tidak boleh di masa depan");
      } else if (observedAt.isBefore(now.minus(OLDEST))) {
        input.problem("Waktu kejadian lebih dari 30 hari yang lalu; laporkan kejadian yang masih baru");
      }
    }
    String filerGroup = null;
    if (region != null) {
      filerGroup = filerGroup(userGroups, region, onBehalf).orElse(null);
      if (filerGroup == null) {
        input.problem(onBehalf == null
            ? "Anda bukan petugas instansi di " + region.name() + " atau provinsinya"
            : onBehalf.label() + " melapor melalui instansinya (" + onBehalf.agency().name() + ") di " + region.name()
                + "; Anda bukan anggotanya");
      }
    }
    input.refuseIfInvalid();
    return new Filing(region, district, category, severity, observed, observedAt, description, contact, onBehalf,
        filerGroup);
  }

  /**
   * The filer's agency for the report: for field staff, their agency in the region; otherwise an
   * agency of the region, else of its province, else the national desk. Administrators file as
   * themselves ({@code camunda-admin}).
   */
  Optional<String> filerGroup(Collection<String> groups, Region region, FieldStaff onBehalf) {
    if (onBehalf != null) {
      String own = Agency.groupId(onBehalf.agency(), region.code());
      return groups.contains(own) || groups.contains(ADMINISTRATORS) ? Optional.of(own) : Optional.empty();
    }
    List<Agency> mine = groups.stream().map(agencies::find).flatMap(Optional::stream).toList();
    return mine.stream().filter(a -> region.code().equals(a.regionCode())).map(Agency::groupId).findFirst()
        .or(() -> mine.stream().filter(a -> region.provinceCode().equals(a.regionCode())).map(Agency::groupId).findFirst())
        .or(() -> groups.contains(Agency.NATIONAL_DESK) ? Optional.of(Agency.NATIONAL_DESK) : Optional.empty())
        .or(() -> groups.contains(ADMINISTRATORS) ? Optional.of(ADMINISTRATORS) : Optional.empty());
  }

  private static FieldStaff optionalChoice(FormInput input, String key, String label) {
    Object raw = input.value(key);
    return raw == null || raw.toString().isBlank() ? null : input.choice(key, label, FieldStaff.class);
  }

  /** The report's number: LK-7373-2026-0042 (regency code without dots, year of filing, sequence). */
  static String prefix(String regionCode, int year) {
    return "LK-" + regionCode.replace(".", "") + "-" + year;
  }

  static String number(String prefix, int sequence) {
    return prefix + "-" + String.format("%04d", sequence);
  }
}

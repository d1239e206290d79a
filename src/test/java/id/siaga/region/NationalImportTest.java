package id.siaga.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.siaga.SiagaSpringBootTest;
import id.siaga.agency.Agency;
import id.siaga.agency.AgencyLevel;
import id.siaga.agency.AgencyRepository;
import id.siaga.agency.EscalationChain;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national import with the real idn-area-data 4.0.1 files (shipped in
 * src/main/resources/idn-area-data/). The demo profile imported them in the background when the
 * context started; these tests import again, and import broken copies of them.
 */
@SiagaSpringBootTest
class NationalImportTest {

  /**
   * 1 national desk + 5 national bodies (KPU RI, Bawaslu RI, Mabes Polri, Kejaksaan Agung,
   * Kemendagri) + 4 Kodams and 3 Korems from agency/units.yaml + a generated Kodam for each of the
   * 31 provinces no listed Kodam covers + 7 agencies × (38 provinces + 508 regencies/cities with a race).
   */
  static final long AGENCIES = 1 + 5 + 4 + 3 + 31 + 7 * (38 + 508);

  @Autowired NationalImport nationalImport;
  @Autowired RegionRepository regions;
  @Autowired RegionReference reference;
  @Autowired AgencyRepository agencies;
  @Autowired EscalationChain escalation;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  private Map<String, byte[]> real;

  @BeforeEach
  void readRealFiles() throws Exception {
    AreaFiles bundled = AreaFiles.bundled();
    real = new HashMap<>();
    for (String file : List.of(AreaFiles.PROVINCES, AreaFiles.REGENCIES, AreaFiles.DISTRICTS)) {
      real.put(file, bundled.read(file));
    }
  }

  @Test
  void firstImportWroteTheWholeCountry() {
    Map<String, Object> first = jdbc.queryForMap(
        "select inserted, updated from siaga_import_log where imported_by = 'demo'");
    assertThat(first.get("INSERTED")).isEqualTo(38 + 514 + 7285);
    assertThat(regions.count(RegionLevel.PROVINCE)).isEqualTo(38);
    assertThat(regions.count(RegionLevel.REGENCY)).isEqualTo(514);
    // idn-area-data 4.0.1 lists 7,285 kecamatan; domain.md's 7,277 is the 2024 count (docs/decisions.md)
    assertThat(regions.count(RegionLevel.DISTRICT)).isEqualTo(7285);
    assertThat(regions.countWithRace()).isEqualTo(545);
    assertThat(regions.findWithRace()).filteredOn(r -> r.level() == RegionLevel.PROVINCE).hasSize(37);
    assertThat(regions.findWithRace()).filteredOn(r -> r.level() == RegionLevel.REGENCY).hasSize(508);
  }

  @Test
  void marksRacesZonesAndParents() {
    assertThat(regions.find("34").orElseThrow().hasRace()).isFalse();
    assertThat(regions.find("34.04").orElseThrow().hasRace()).isTrue();
    assertThat(regions.find("31").orElseThrow().hasRace()).isTrue();
    assertThat(regions.find("31.71").orElseThrow().hasRace()).isFalse();
    assertThat(regions.find("31.01").orElseThrow().hasRace()).isFalse();
    assertThat(regions.find("73.73").orElseThrow().zone()).isEqualTo(Zone.WITA);
    assertThat(regions.find("35.07").orElseThrow().zone()).isEqualTo(Zone.WIB);
    assertThat(regions.find("91.71").orElseThrow().zone()).isEqualTo(Zone.WIT);
    Region kecamatan = regions.find("73.73.01").orElseThrow();
    assertThat(kecamatan.level()).isEqualTo(RegionLevel.DISTRICT);
    assertThat(kecamatan.parentCode()).isEqualTo("73.73");
    assertThat(kecamatan.zone()).isEqualTo(Zone.WITA);
    assertThat(kecamatan.vulnerability()).isEqualTo(Vulnerability.sedang);
    assertThat(regions.find("35.29.22").orElseThrow().name()).isEqualTo("Ra\"as");
  }

  @Test
  void createsAgenciesAsGroupsWithTheirEscalationChain() {
    // ad-hoc bodies (PPK, Panwascam) that other tests create are not part of the import
    assertThat(agencies.findAll()).filteredOn(a -> a.level() != AgencyLevel.DISTRICT).hasSize((int) AGENCIES);
    assertThat(identity.createGroupQuery().groupType("agency").list())
        .filteredOn(g -> !g.getId().startsWith("ppk") && !g.getId().startsWith("panwascam")).hasSize((int) AGENCIES);
    assertThat(identity.createGroupQuery().groupId("polri7373").singleResult().getName()).isEqualTo("Polres Palopo");
    assertThat(identity.createGroupQuery().groupId("tni7373").singleResult().getName()).isEqualTo("Kodim 1403/Palopo");
    assertThat(identity.createGroupQuery().groupId("kpu7373").singleResult().getName()).isEqualTo("KPU Kota Palopo");
    assertThat(agencies.find("kpu7373").orElseThrow().generated()).isTrue();
    assertThat(agencies.find("polri7373").orElseThrow().generated()).isFalse();
    assertThat(identity.createGroupQuery().groupId("polri73").singleResult().getName()).isEqualTo("Polda Sulawesi Selatan");
    assertThat(identity.createGroupQuery().groupId("kpu73").singleResult().getName())
        .isEqualTo("KPU Provinsi Sulawesi Selatan");
    assertThat(identity.createGroupQuery().groupId("kpuri").singleResult().getName()).isEqualTo("KPU RI");
    assertThat(identity.createGroupQuery().groupId("kodam14").singleResult().getName()).isEqualTo("Kodam XIV/Hasanuddin");
    assertThat(identity.createGroupQuery().groupId("kpu3171").count()).isZero();
    assertThat(escalation.chainFrom("polri7373")).extracting(Agency::groupId)
        .containsExactly("polri7373", "polri73", "mabespolri");
    assertThat(escalation.chainFrom("kejaksaan3404")).extracting(Agency::groupId)
        .containsExactly("kejaksaan3404", "kejaksaan34", "kejagung");
    assertThat(escalation.chainFrom("tni7602")).extracting(Agency::name)
        .containsExactly("Kodim 1418/Mamuju", "Korem 142/Tatag", "Kodam XXIII/Palaka Wira");
    assertThat(escalation.chainFrom("pemda7373")).extracting(Agency::groupId)
        .containsExactly("pemda7373", "pemda73", "kemendagri");
  }

  @Test
  void secondImportChangesNothing() {
    Fingerprint before = fingerprint();

    ImportResult again = nationalImport.importFrom(AreaFiles.of(real, "again"), "test");

    assertThat(again.changedNothing()).isTrue();
    assertThat(again.inserted()).isZero();
    assertThat(again.updated()).isZero();
    assertThat(again.agencyChanges()).isZero();
    assertThat(again.unchanged()).isEqualTo(38 + 514 + 7285);
    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void rejectsAnUnknownParentCode() {
    assertRejected(withLine(AreaFiles.DISTRICTS, "99.99.01,99.99,Kecamatan Fiktif"),
        AreaFiles.DISTRICTS, 7287, "kode induk '99.99' tidak dikenal");
  }

  @Test
  void rejectsADuplicateCode() {
    assertRejected(withLine(AreaFiles.REGENCIES, "73.73,73,Kota Palopo Kembar"),
        AreaFiles.REGENCIES, 516, "kode '73.73' ganda");
  }

  @Test
  void rejectsBadEncoding() {
    Map<String, byte[]> files = new HashMap<>(real);
    String provinces = new String(real.get(AreaFiles.PROVINCES), StandardCharsets.UTF_8)
        .replace("73,Sulawesi Selatan", "73,Sulawesi Sélatan");
    files.put(AreaFiles.PROVINCES, provinces.getBytes(StandardCharsets.ISO_8859_1));
    int line = lineOf(provinces, "73,Sulawesi");
    assertRejected(files, AreaFiles.PROVINCES, line, "pengodean bukan UTF-8");
  }

  @Test
  void rejectsAMissingColumn() {
    Map<String, byte[]> files = new HashMap<>(real);
    StringBuilder withoutParent = new StringBuilder();
    for (String line : new String(real.get(AreaFiles.REGENCIES), StandardCharsets.UTF_8).split("\n")) {
      String[] cells = line.split(",", 3);
      withoutParent.append(cells[0]).append(',').append(cells[2]).append('\n');
    }
    files.put(AreaFiles.REGENCIES, withoutParent.toString().getBytes(StandardCharsets.UTF_8));
    assertRejected(files, AreaFiles.REGENCIES, 1, "kolom tidak ada: province_code");
  }

  @Test
  void rejectsAMalformedCodeAndAMissingFile() {
    assertRejected(withLine(AreaFiles.REGENCIES, "7X.99,73,Kota Salah"), AreaFiles.REGENCIES, 516,
        "bukan kode kabupaten/kota");
    Map<String, byte[]> noDistricts = new HashMap<>(real);
    noDistricts.remove(AreaFiles.DISTRICTS);
    assertRejected(noDistricts, AreaFiles.DISTRICTS, 0, "berkas tidak dikirim");
  }

  @Test
  void rejectsTheWholeFileEvenWhenOtherLinesAreNew() {
    Map<String, byte[]> files = append(withLine(AreaFiles.DISTRICTS, "73.73.90,73.73,Kecamatan Baru"),
        AreaFiles.DISTRICTS, "73.73.91,99.99,Kecamatan Yatim");

    assertThatThrownBy(() -> nationalImport.importFrom(AreaFiles.of(files, "test"), "test"))
        .isInstanceOf(ImportRejectedException.class);

    assertThat(regions.find("73.73.90")).isEmpty();
  }

  @Test
  void aFailureWhileWritingLeavesNothingHalfWritten() {
    Fingerprint before = fingerprint();
    RegionImportStep failing = all -> {
      throw new IllegalStateException("simulated crash after the regions were written");
    };
    NationalImport crashing = new NationalImport(regions, reference, List.of(failing), transaction, jdbc);
    Map<String, byte[]> files = withLine(AreaFiles.DISTRICTS, "73.73.90,73.73,Kecamatan Baru");

    assertThatThrownBy(() -> crashing.importFrom(AreaFiles.of(files, "test"), "test"))
        .hasMessageContaining("simulated crash");

    assertThat(regions.find("73.73.90")).isEmpty();
    assertThat(fingerprint()).isEqualTo(before);
  }

  private void assertRejected(Map<String, byte[]> files, String file, int line, String reason) {
    Fingerprint before = fingerprint();

    assertThatThrownBy(() -> nationalImport.importFrom(AreaFiles.of(files, "test"), "test"))
        .isInstanceOfSatisfying(ImportRejectedException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> {
              assertThat(p.file()).isEqualTo(file);
              assertThat(p.line()).isEqualTo(line);
              assertThat(p.reason()).contains(reason);
            }));

    assertThat(fingerprint()).isEqualTo(before);
  }

  private Map<String, byte[]> withLine(String file, String line) {
    return append(new HashMap<>(real), file, line);
  }

  private static Map<String, byte[]> append(Map<String, byte[]> files, String file, String line) {
    Map<String, byte[]> copy = new HashMap<>(files);
    String text = new String(files.get(file), StandardCharsets.UTF_8);
    copy.put(file, (text + (text.endsWith("\n") ? "" : "\n") + line + "\n").getBytes(StandardCharsets.UTF_8));
    return copy;
  }

  private static int lineOf(String text, String start) {
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(start)) {
        return i + 1;
      }
    }
    throw new AssertionError(start + " not found");
  }

  record Fingerprint(long regions, long agencies, long groups, long authorizations, long imports, String names) {}

  private Fingerprint fingerprint() {
    return new Fingerprint(
        jdbc.queryForObject("select count(*) from siaga_region", Long.class),
        agencies.count(),
        identity.createGroupQuery().count(),
        authorizations.createAuthorizationQuery().count(),
        jdbc.queryForObject("select count(*) from siaga_import_log", Long.class),
        regions.find("73").orElseThrow().name() + "|" + regions.find("73.73").orElseThrow().name());
  }
}

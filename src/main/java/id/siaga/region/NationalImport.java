package id.siaga.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the national Kemendagri area files: checks all three files first, then writes regions,
 * agencies and groups in one transaction. Malformed input is rejected whole; a repeated import of
 * the same files changes nothing.
 */
@Service
public class NationalImport {

  private static final Logger LOG = LoggerFactory.getLogger(NationalImport.class);

  private final RegionRepository regions;
  private final RegionReference reference;
  private final List<RegionImportStep> steps;
  private final TransactionTemplate transaction;
  private final JdbcTemplate jdbc;

  NationalImport(RegionRepository regions, RegionReference reference, List<RegionImportStep> steps,
      TransactionTemplate transaction, JdbcTemplate jdbc) {
    this.regions = regions;
    this.reference = reference;
    this.steps = steps;
    this.transaction = transaction;
    this.jdbc = jdbc;
  }

  public ImportResult importFrom(AreaFiles files, String importedBy) {
    long started = System.nanoTime();
    Map<String, AreaRow> rows;
    try {
      rows = AreaFileParser.parse(files);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the area files from " + files.description(), e);
    }
    List<Region> parsed = new ArrayList<>(rows.size());
    List<ImportRejectedException.Problem> problems = new ArrayList<>();
    for (AreaRow row : rows.values()) {
      Zone zone = reference.zoneOf(row.code());
      if (zone == null) {
        problems.add(new ImportRejectedException.Problem(AreaFiles.PROVINCES, 0,
            "tidak ada zona waktu untuk provinsi " + Region.provinceOf(row.code())));
        continue;
      }
      parsed.add(new Region(row.code(), row.name(), row.level(), row.parentCode(),
          Region.provinceOf(row.code()), zone, reference.holdsRace(row.code()),
          Vulnerability.sedang, false, 0));
    }
    if (!problems.isEmpty()) {
      throw new ImportRejectedException(problems.stream().distinct().toList());
    }
    ImportResult result = transaction.execute(status -> write(parsed, files.description(), importedBy));
    LOG.info("National import from {} by {} in {} ms: {}", files.description(), importedBy,
        (System.nanoTime() - started) / 1_000_000, result);
    return result;
  }

  private ImportResult write(List<Region> parsed, String source, String importedBy) {
    Map<String, Region> existing = regions.findAll().stream()
        .collect(Collectors.toMap(Region::code, Function.identity()));
    List<Region> inserts = new ArrayList<>();
    List<Region> updates = new ArrayList<>();
    for (Region region : parsed) {
      Region old = existing.get(region.code());
      if (old == null) {
        inserts.add(region);
      } else if (!sameReferenceData(old, region)) {
        updates.add(region);
      }
    }
    regions.insert(inserts);
    regions.updateReferenceData(updates);
    List<Region> withAgencies = regions.findAll().stream()
        .filter(r -> r.level() != RegionLevel.DISTRICT).toList();
    int agencyChanges = steps.stream().mapToInt(step -> step.afterRegionsImported(withAgencies)).sum();
    ImportResult result = new ImportResult(
        regions.count(RegionLevel.PROVINCE), regions.count(RegionLevel.REGENCY),
        regions.count(RegionLevel.DISTRICT), regions.countWithRace(),
        inserts.size(), updates.size(), parsed.size() - inserts.size() - updates.size(), agencyChanges);
    if (!result.changedNothing()) {
      jdbc.update("insert into siaga_import_log (id, imported_at, imported_by, source, inserted, updated,"
              + " unchanged, agency_changes) values (?, ?, ?, ?, ?, ?, ?, ?)",
          UUID.randomUUID().toString(), Timestamp.from(Instant.now()), importedBy, source,
          result.inserted(), result.updated(), result.unchanged(), result.agencyChanges());
    }
    return result;
  }

  private static boolean sameReferenceData(Region a, Region b) {
    return a.name().equals(b.name()) && Objects.equals(a.parentCode(), b.parentCode())
        && a.zone() == b.zone() && a.hasRace() == b.hasRace();
  }
}

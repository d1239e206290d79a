package id.siaga.patrol;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a TPS tier file (docs/processes/tps-security-plan.md) for one region and checks all of it
 * before anything is written: every problem is reported with its line, and one problem rejects the
 * whole file. The tiers of a kecamatan must add up to its TPS count as KPU imported it.
 *
 * <pre>
 * kode_kecamatan,tps_kurang_rawan,tps_rawan,tps_sangat_rawan
 * 73.73.01,52,3,1
 * </pre>
 */
final class TiersCsv {

  static final List<String> HEADER = List.of("kode_kecamatan", "tps_kurang_rawan", "tps_rawan", "tps_sangat_rawan");
  static final int MAX_CHARS = 1_000_000;

  private TiersCsv() {}

  /**
   * The rows of the file, all checked; {@code districts} are the kecamatan codes of the region,
   * {@code tpsCounts} KPU's TPS count per kecamatan (a kecamatan without one cannot be tiered yet).
   */
  static List<TpsTiers> read(String text, Set<String> districts, Map<String, Integer> tpsCounts, String origin) {
    List<String> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      throw new TiersRejectedException(List.of("berkas kosong"));
    }
    if (text.length() > MAX_CHARS) {
      throw new TiersRejectedException(List.of("berkas terlalu besar (lebih dari " + MAX_CHARS + " karakter)"));
    }
    List<TpsTiers> rows = new ArrayList<>();
    Map<String, Long> firstLine = new HashMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text),
        format)) {
      boolean header = true;
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (header) {
          header = false;
          List<String> names = record.toList().stream().map(String::toLowerCase).toList();
          if (!names.equals(HEADER)) {
            throw new TiersRejectedException(List.of("baris 1: kepala kolom harus " + String.join(",", HEADER)));
          }
          continue;
        }
        TpsTiers row = row(record, line, districts, tpsCounts, origin, problems);
        if (row != null) {
          Long earlier = firstLine.putIfAbsent(row.districtCode(), line);
          if (earlier != null) {
            problems.add("baris " + line + ": kecamatan " + row.districtCode() + " sudah ada di baris " + earlier);
          } else {
            rows.add(row);
          }
        }
      }
    } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new TiersRejectedException(List.of("berkas CSV tidak dapat dibaca: " + e.getMessage()));
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add("berkas tidak memuat satu kecamatan pun");
    }
    if (!problems.isEmpty()) {
      throw new TiersRejectedException(problems);
    }
    return rows;
  }

  private static TpsTiers row(CSVRecord record, long line, Set<String> districts, Map<String, Integer> tpsCounts,
      String origin, List<String> problems) {
    String at = "baris " + line + ": ";
    if (record.size() != HEADER.size()) {
      problems.add(at + "harus " + HEADER.size() + " kolom, ada " + record.size());
      return null;
    }
    int before = problems.size();
    String code = record.get(0);
    Integer tps = null;
    if (!districts.contains(code)) {
      problems.add(at + "kode kecamatan '" + shown(code) + "' bukan kecamatan wilayah ini");
    } else {
      tps = tpsCounts.get(code);
      if (tps == null) {
        problems.add(at + "jumlah TPS kecamatan belum diimpor KPU (kecamatan " + code + ")");
      }
    }
    Integer low = count(record.get(1), HEADER.get(1), at, problems);
    Integer vulnerable = count(record.get(2), HEADER.get(2), at, problems);
    Integer high = count(record.get(3), HEADER.get(3), at, problems);
    if (tps != null && low != null && vulnerable != null && high != null) {
      long sum = (long) low + vulnerable + high;
      if (sum != tps) {
        problems.add(at + "jumlah TPS per tingkat " + low + " + " + vulnerable + " + " + high + " = " + sum
            + " tidak sama dengan jumlah TPS kecamatan menurut KPU (" + tps + ")");
      }
    }
    return problems.size() == before ? new TpsTiers(code, low, vulnerable, high, origin) : null;
  }

  private static Integer count(String text, String column, String at, List<String> problems) {
    if (!text.matches("-?\\d{1,9}")) {
      problems.add(at + column + " harus bilangan bulat, bukan '" + shown(text) + "'");
      return null;
    }
    int value = Integer.parseInt(text);
    if (value < 0) {
      problems.add(at + column + " tidak boleh negatif (" + value + ")");
      return null;
    }
    return value;
  }

  /** A value as the message repeats it: at most 40 characters, no markup. */
  private static String shown(String value) {
    String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return cut.replaceAll("[<>\"'&\\p{Cntrl}]", "?");
  }
}

package id.siaga.logistics;

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
 * Reads a per-kecamatan figures file (docs/processes/logistics-figures.md) for one region and checks
 * all of it before anything is written: every problem is reported with its line, and one problem
 * rejects the whole file.
 *
 * <pre>
 * kode_kecamatan,jumlah_tps,jumlah_dpt,terpencil_3t,moda_transportasi
 * 35.07.01,152,61234,tidak,darat
 * </pre>
 */
final class FiguresCsv {

  static final List<String> HEADER = List.of("kode_kecamatan", "jumlah_tps", "jumlah_dpt", "terpencil_3t",
      "moda_transportasi");
  static final int MAX_CHARS = 1_000_000;
  /** More TPS than any kecamatan has (the largest hold a few hundred); a typo guard, not a fact. */
  static final int MAX_TPS = 5_000;
  /** Voters per TPS: KPU set at most 600 for Pilkada 2024 (the law allows 800; docs/processes/logistics-figures.md). */
  static final int MAX_VOTERS_PER_TPS = 600;

  private FiguresCsv() {}

  /** The rows of the file, all checked; {@code districts} are the kecamatan codes of the region. */
  static List<KecamatanFigures> read(String text, Set<String> districts, String origin) {
    List<String> problems = new ArrayList<>();
    if (text == null || text.isBlank()) {
      throw new FiguresRejectedException(List.of("berkas kosong"));
    }
    if (text.length() > MAX_CHARS) {
      throw new FiguresRejectedException(List.of("berkas terlalu besar (lebih dari " + MAX_CHARS + " karakter)"));
    }
    List<KecamatanFigures> rows = new ArrayList<>();
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
            throw new FiguresRejectedException(List.of("baris 1: kepala kolom harus " + String.join(",", HEADER)));
          }
          continue;
        }
        KecamatanFigures row = row(record, line, districts, origin, problems);
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
      throw new FiguresRejectedException(List.of("berkas CSV tidak dapat dibaca: " + e.getMessage()));
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add("berkas tidak memuat satu kecamatan pun");
    }
    if (!problems.isEmpty()) {
      throw new FiguresRejectedException(problems);
    }
    return rows;
  }

  private static KecamatanFigures row(CSVRecord record, long line, Set<String> districts, String origin,
      List<String> problems) {
    String at = "baris " + line + ": ";
    if (record.size() != HEADER.size()) {
      problems.add(at + "harus " + HEADER.size() + " kolom, ada " + record.size());
      return null;
    }
    int before = problems.size();
    String code = record.get(0);
    if (!districts.contains(code)) {
      problems.add(at + "kode kecamatan '" + shown(code) + "' bukan kecamatan wilayah ini");
    }
    Integer tps = count(record.get(1), "jumlah_tps", at, problems);
    Integer voters = count(record.get(2), "jumlah_dpt", at, problems);
    Boolean remote = switch (record.get(3).toLowerCase()) {
      case "ya" -> true;
      case "tidak" -> false;
      default -> {
        problems.add(at + "terpencil_3t harus 'ya' atau 'tidak', bukan '" + shown(record.get(3)) + "'");
        yield null;
      }
    };
    TransportMode mode = TransportMode.parse(record.get(4));
    if (mode == null) {
      problems.add(at + "moda_transportasi harus darat, sungai, laut atau udara, bukan '" + shown(record.get(4)) + "'");
    }
    if (tps != null && voters != null) {
      if (tps == 0 && voters > 0) {
        problems.add(at + "ada pemilih tetapi tidak ada TPS");
      } else if (tps > MAX_TPS) {
        problems.add(at + "jumlah_tps " + tps + " melebihi " + MAX_TPS);
      } else if (tps > 0 && voters > (long) tps * MAX_VOTERS_PER_TPS) {
        problems.add(at + "rata-rata pemilih per TPS melebihi " + MAX_VOTERS_PER_TPS);
      }
    }
    return problems.size() == before ? new KecamatanFigures(code, tps, voters, remote, mode, origin) : null;
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

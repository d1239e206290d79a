package id.siaga.region;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads and checks the three national files before anything is written: strict UTF-8, the
 * expected columns, well-formed and unique codes, a known parent for every regency and kecamatan.
 * Every problem is collected (up to a limit) so that an operator fixes a file in one go.
 */
final class AreaFileParser {

  static final int MAX_PROBLEMS = 50;
  static final int MAX_NAME_LENGTH = 200;

  private final List<ImportRejectedException.Problem> problems = new ArrayList<>();

  /** Parses the three files; throws {@link ImportRejectedException} when any is malformed. */
  static Map<String, AreaRow> parse(AreaFiles files) throws IOException {
    AreaFileParser parser = new AreaFileParser();
    Map<String, AreaRow> rows = new LinkedHashMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    parser.readFile(files, AreaFiles.PROVINCES, "code", null, RegionLevel.PROVINCE, rows, firstLine);
    parser.readFile(files, AreaFiles.REGENCIES, "code", "province_code", RegionLevel.REGENCY, rows, firstLine);
    parser.readFile(files, AreaFiles.DISTRICTS, "code", "regency_code", RegionLevel.DISTRICT, rows, firstLine);
    if (!parser.problems.isEmpty()) {
      throw new ImportRejectedException(parser.problems);
    }
    return rows;
  }

  private void readFile(AreaFiles files, String fileName, String codeColumn, String parentColumn,
      RegionLevel level, Map<String, AreaRow> rows, Map<String, Integer> firstLine) throws IOException {
    String text = decodeStrictly(fileName, files.read(fileName));
    if (text == null) {
      return;
    }
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setTrim(true).setIgnoreEmptyLines(true).get();
    try (CSVParser csv = CSVParser.parse(new StringReader(text), format)) {
      List<String> header = csv.getHeaderNames();
      List<String> required = parentColumn == null ? List.of(codeColumn, "name")
          : List.of(codeColumn, parentColumn, "name");
      List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
      if (!missing.isEmpty()) {
        problem(fileName, 1, "kolom tidak ada: " + String.join(", ", missing)
            + " (kolom yang diharapkan: " + String.join(",", required) + ")");
        return;
      }
      for (CSVRecord record : csv) {
        int line = (int) record.getRecordNumber() + 1;
        if (!record.isConsistent()) {
          problem(fileName, line, "jumlah kolom " + record.size() + ", seharusnya " + header.size());
          continue;
        }
        String code = record.get(codeColumn);
        String parent = parentColumn == null ? null : record.get(parentColumn);
        String name = record.get("name");
        if (!level.accepts(code)) {
          problem(fileName, line, "kode '" + code + "' bukan kode " + describe(level));
          continue;
        }
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
          problem(fileName, line, "nama kosong atau lebih dari " + MAX_NAME_LENGTH + " karakter");
          continue;
        }
        if (parent != null) {
          AreaRow parentRow = rows.get(parent);
          if (parentRow == null || parentRow.level().ordinal() != level.ordinal() - 1) {
            problem(fileName, line, "kode induk '" + parent + "' tidak dikenal");
            continue;
          }
          if (!code.startsWith(parent + ".")) {
            problem(fileName, line, "kode '" + code + "' tidak berada di bawah induk '" + parent + "'");
            continue;
          }
        }
        Integer earlier = firstLine.putIfAbsent(code, line);
        if (earlier != null) {
          problem(fileName, line, "kode '" + code + "' ganda (sudah ada di baris " + earlier + ")");
          continue;
        }
        rows.put(code, new AreaRow(code, parent, name, level));
      }
    } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      problem(fileName, 0, "format CSV rusak: " + e.getMessage());
    }
  }

  /** Decodes as UTF-8, refusing malformed bytes and naming the first bad line. */
  private String decodeStrictly(String fileName, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      String text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      int line = 1;
      int start = 0;
      for (int i = 0; i <= bytes.length; i++) {
        if (i == bytes.length || bytes[i] == '\n') {
          try {
            decoder.reset().decode(ByteBuffer.wrap(bytes, start, i - start));
          } catch (CharacterCodingException bad) {
            break;
          }
          line++;
          start = i + 1;
        }
      }
      problem(fileName, line, "pengodean bukan UTF-8 yang sah");
      return null;
    }
  }

  private void problem(String file, int line, String reason) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(new ImportRejectedException.Problem(file, line, reason));
    }
  }

  private static String describe(RegionLevel level) {
    return switch (level) {
      case PROVINCE -> "provinsi (contoh 73)";
      case REGENCY -> "kabupaten/kota (contoh 73.73)";
      case DISTRICT -> "kecamatan (contoh 73.73.01)";
    };
  }
}

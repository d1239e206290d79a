package id.siaga.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A file with one row per kecamatan of a regency/city, as agencies upload them (KPU's figures,
 * Polres' TPS tiers), read whole before anything is written: UTF-8 (a byte-order mark is
 * accepted), comma-separated, the given header (any letter case), spaces around values ignored,
 * empty lines skipped, at most {@link #MAX_CHARS} characters, the kecamatan code first. Every
 * problem is collected with its line ("baris N: …"); one problem rejects the whole file. The
 * feature reads the columns of a row; this class does the rest: size, header, column count,
 * kecamatan of the region, whole numbers, duplicates. Plain rules.
 */
public final class KecamatanCsv {

  public static final int MAX_CHARS = 1_000_000;

  private KecamatanCsv() {}

  /** One row being read: its cells, and where its problems go. */
  public static final class Row {

    private final CSVRecord record;
    private final long line;
    private final List<String> problems;
    private final boolean ofRegion;

    Row(CSVRecord record, long line, List<String> problems, boolean ofRegion) {
      this.record = record;
      this.line = line;
      this.problems = problems;
      this.ofRegion = ofRegion;
    }

    /** Whether the row's kecamatan is one of the region's (if not, the problem is said already). */
    public boolean ofRegion() {
      return ofRegion;
    }

    public String cell(int column) {
      return record.get(column);
    }

    /** A problem of this row, said with its line. */
    public void problem(String message) {
      problems.add("baris " + line + ": " + message);
    }

    /** A whole number ≥ 0 in {@code column}, or null after saying what is wrong with it. */
    public Integer count(int column, String name) {
      String text = cell(column);
      if (!text.matches("-?\\d{1,9}")) {
        problem(name + " harus bilangan bulat, bukan '" + shown(text) + "'");
        return null;
      }
      int value = Integer.parseInt(text);
      if (value < 0) {
        problem(name + " tidak boleh negatif (" + value + ")");
        return null;
      }
      return value;
    }
  }

  /** How a feature reads the columns after the kecamatan code: a value (discarded if the row had a problem). */
  public interface RowReader<T> {
    T read(String districtCode, Row row);
  }

  /**
   * The rows of the file, all checked; {@code districts} are the kecamatan codes of the region.
   *
   * @param rejected the feature's refusal, given the problems
   */
  public static <T> List<T> read(String text, List<String> header, Set<String> districts,
      Function<List<String>, ? extends KecamatanFileRejected> rejected, RowReader<T> reader) {
    if (text == null || text.isBlank()) {
      throw rejected.apply(List.of("berkas kosong"));
    }
    if (text.length() > MAX_CHARS) {
      throw rejected.apply(List.of("berkas terlalu besar (lebih dari " + MAX_CHARS + " karakter)"));
    }
    List<String> problems = new ArrayList<>();
    List<T> rows = new ArrayList<>();
    Map<String, Long> firstLine = new HashMap<>();
    CSVFormat format = CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text),
        format)) {
      boolean first = true;
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        if (first) {
          first = false;
          if (!record.toList().stream().map(String::toLowerCase).toList().equals(header)) {
            throw rejected.apply(List.of("baris 1: kepala kolom harus " + String.join(",", header)));
          }
          continue;
        }
        T value = row(record, line, header, districts, reader, problems);
        if (value != null) {
          String code = record.get(0);
          Long earlier = firstLine.putIfAbsent(code, line);
          if (earlier != null) {
            problems.add("baris " + line + ": kecamatan " + code + " sudah ada di baris " + earlier);
          } else {
            rows.add(value);
          }
        }
      }
    } catch (IOException | IllegalStateException | UncheckedIOException e) {
      throw rejected.apply(List.of("berkas CSV tidak dapat dibaca: " + e.getMessage()));
    }
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add("berkas tidak memuat satu kecamatan pun");
    }
    if (!problems.isEmpty()) {
      throw rejected.apply(problems);
    }
    return rows;
  }

  private static <T> T row(CSVRecord record, long line, List<String> header, Set<String> districts,
      RowReader<T> reader, List<String> problems) {
    if (record.size() != header.size()) {
      problems.add("baris " + line + ": harus " + header.size() + " kolom, ada " + record.size());
      return null;
    }
    int before = problems.size();
    String code = record.get(0);
    Row row = new Row(record, line, problems, districts.contains(code));
    if (!row.ofRegion()) {
      row.problem("kode kecamatan '" + shown(code) + "' bukan kecamatan wilayah ini");
    }
    T value = reader.read(code, row);
    return problems.size() == before ? value : null;
  }

  /** A value as a message repeats it: at most 40 characters, no markup. */
  public static String shown(String value) {
    String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return cut.replaceAll("[<>\"'&\\p{Cntrl}]", "?");
  }

  /**
   * An uploaded body, read no further than one character past {@link #MAX_CHARS}: an oversized
   * upload is refused by {@link #read} without being held in memory.
   */
  public static String upTo(Reader body) throws IOException {
    char[] buffer = new char[MAX_CHARS + 1];
    int length = 0;
    try (Reader reader = body) {
      for (int read; length < buffer.length && (read = reader.read(buffer, length, buffer.length - length)) > 0; ) {
        length += read;
      }
    }
    return new String(buffer, 0, length);
  }

  /**
   * A shipped demo file split per regency/city (the first five characters of the kecamatan code),
   * each part with the header; comment lines ({@code #}) and blank lines dropped.
   */
  public static Map<String, String> perRegency(InputStream file) {
    String csv;
    try (InputStream in = file) {
      csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> lines = csv.lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    String header = lines.get(0);
    Map<String, StringBuilder> perRegion = new TreeMap<>();
    lines.stream().skip(1)
        .forEach(line -> perRegion.computeIfAbsent(line.substring(0, 5), k -> new StringBuilder(header).append('\n'))
            .append(line).append('\n'));
    Map<String, String> texts = new TreeMap<>();
    perRegion.forEach((code, text) -> texts.put(code, text.toString()));
    return texts;
  }
}

package id.siaga.readiness;

/** CSV quoting for the board's exports. Plain rules. */
final class BoardCsv {

  private BoardCsv() {}

  /** A field quoted when it holds a comma, a quote or a line break; a leading formula sign is neutralised. */
  static String quote(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
  }
}

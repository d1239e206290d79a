package id.siaga.region;

import java.util.List;
import java.util.stream.Collectors;

/** A national import rejected whole, with every problem found (file, line and reason). */
public class ImportRejectedException extends RuntimeException {

  /** One problem: the file, its line (1 = the header; 0 = the file as a whole) and the reason. */
  public record Problem(String file, int line, String reason) {
    @Override
    public String toString() {
      return line > 0 ? file + " baris " + line + ": " + reason : file + ": " + reason;
    }
  }

  private final transient List<Problem> problems;

  public ImportRejectedException(String file, int line, String reason) {
    this(List.of(new Problem(file, line, reason)));
  }

  public ImportRejectedException(List<Problem> problems) {
    super("Impor wilayah ditolak, tidak ada data yang diubah: "
        + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}

package id.siaga.system;

import java.util.regex.Pattern;

/**
 * Strict syntax of the e-mail addresses the product sends to: a dot-atom local part of letters,
 * digits and {@code . _ % + -} (no leading, trailing or doubled dot), and a domain of at least two
 * DNS labels. Quoted local parts, IP literals, comments and display names are refused: nobody
 * in the agencies needs them, and each is a way to smuggle a second recipient or a header.
 */
public final class EmailAddresses {

  private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9_%+-]+(\\.[A-Za-z0-9_%+-]+)*");
  private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  private EmailAddresses() {}

  public static boolean isValid(String address) {
    return address != null && problem(address) == null;
  }

  /** Why the address is refused, in Bahasa Indonesia; null when it is valid or empty (no address). */
  public static String problem(String address) {
    if (address == null || address.isEmpty()) {
      return null;
    }
    if (address.length() > 254) {
      return "lebih dari 254 karakter";
    }
    int at = address.indexOf('@');
    if (at <= 0 || at != address.lastIndexOf('@') || at == address.length() - 1) {
      return "'" + printable(address) + "' harus berbentuk nama@domain";
    }
    String local = address.substring(0, at);
    String domain = address.substring(at + 1);
    if (local.length() > 64 || !LOCAL.matcher(local).matches()) {
      return "bagian sebelum @ pada '" + printable(address) + "' tidak sah";
    }
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return "domain '" + printable(domain) + "' tidak lengkap";
    }
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        return "domain '" + printable(domain) + "' tidak sah";
      }
    }
    if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      return "domain '" + printable(domain) + "' tidak sah";
    }
    return null;
  }

  private static String printable(String text) {
    String cut = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return cut.replaceAll("[^\\p{Alnum}@._%+-]", "?");
  }
}

package id.siaga.readiness;

/** The audit trail's words for the engine's user operations. Plain rules. */
final class AuditTexts {

  private AuditTexts() {}

  /**
   * One operation of the engine's user operation log in Bahasa Indonesia: its type (Claim, Assign,
   * ...) with the first changed property and its new value where that says more.
   */
  static String operation(String type, String property, String newValue) {
    String value = newValue == null ? "-" : newValue;
    return switch (type == null ? "" : type) {
      case "Claim" -> newValue == null ? "Tugas dilepas" : "Tugas diambil";
      case "Assign" -> "Tugas ditugaskan kepada " + value;
      case "Delegate" -> "Tugas didelegasikan kepada " + value;
      case "Resolve" -> "Tugas delegasi dikembalikan";
      case "SetOwner" -> "Pemilik tugas diganti: " + value;
      case "SetPriority" -> "Prioritas tugas diganti: " + value;
      case "Update" -> "dueDate".equals(property) ? "Tenggat tugas diubah" : "Tugas diubah (" + property + ")";
      case "AddGroupLink", "AddIdentityLink" -> "Kelompok ditambahkan pada tugas";
      case "DeleteGroupLink", "DeleteIdentityLink" -> "Kelompok dihapus dari tugas";
      case "AddUserLink" -> "Pengguna ditambahkan pada tugas";
      case "DeleteUserLink" -> "Pengguna dihapus dari tugas";
      case "SetVariable", "SetVariables", "ModifyVariable" -> "Variabel proses diubah";
      case "RemoveVariable" -> "Variabel proses dihapus";
      case "ModifyProcessInstance" -> "Proses dipindahkan (modifikasi)";
      case "Suspend", "SuspendJob" -> "Proses ditangguhkan";
      case "Activate", "ActivateJob" -> "Proses dilanjutkan";
      case "Delete" -> "Proses dihapus";
      case "SetJobRetries" -> "Pekerjaan gagal dijalankan ulang";
      case "SetRemovalTime" -> "Masa simpan riwayat diubah";
      case "Correlate", "CorrelateMessage" -> "Pesan diteruskan ke proses";
      case "Migrate" -> "Proses dimigrasikan ke versi baru";
      case "Restart" -> "Proses dimulai ulang";
      case "Annotation", "SetAnnotation" -> "Catatan ditambahkan";
      default -> "Operasi " + type;
    };
  }
}

package id.siaga.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Kinds of mail are open: any feature declares its own, within what the outbox stores. */
class MailKindTest {

  @ParameterizedTest
  @ValueSource(strings = {"DIGEST", "REMINDER", "PATROL_REPORT_MISSING", "H1_LOGISTICS", "A",
      "ABCDEFGHIJ_KLMNOPQRS_TUVWXYZ01_234567890"})
  void upperCaseLettersDigitsAndUnderscoresUpToFortyCharacters(String name) {
    MailKind kind = new MailKind(name);
    assertThat(kind.name()).isEqualTo(name);
    assertThat(kind).hasToString(name).isEqualTo(new MailKind(name));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "reminder", "Reminder", "PATROL-REPORT", "PATROL REPORT", "_DIGEST", "1ST_REMINDER",
      "DIGEST\n", "ABCDEFGHIJ_KLMNOPQRS_TUVWXYZ01_234567890X", "PENGINGAT_Ü"})
  void anythingElseIsRefused(String name) {
    assertThatThrownBy(() -> new MailKind(name)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mail kind");
  }
}

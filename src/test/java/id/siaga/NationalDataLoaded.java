package id.siaga;

import static org.assertj.core.api.Assertions.assertThat;

import id.siaga.region.NationalData;
import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The demo's first start imports the country in a background thread after the context has
 * started, as it does for a newcomer; a test class of the shared context starts once it is loaded
 * (and fails if the import failed).
 */
class NationalDataLoaded implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    NationalData nationalData = SpringExtension.getApplicationContext(context).getBean(NationalData.class);
    assertThat(nationalData.awaitSettled(Duration.ofMinutes(3)))
        .as("the national import of the demo's first start").isEqualTo(NationalData.State.READY);
  }
}

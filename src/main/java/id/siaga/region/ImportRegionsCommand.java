package id.siaga.region;

import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The import as a command: {@code java -jar siaga-pilkada.jar --import-regions[=FOLDER]} imports
 * the national files (from FOLDER, or those shipped in the jar), prints the result and exits.
 */
@Component
@Order(0)
class ImportRegionsCommand implements ApplicationRunner {

  static final String OPTION = "import-regions";
  private static final Logger LOG = LoggerFactory.getLogger(ImportRegionsCommand.class);

  private final NationalImport nationalImport;
  private final ApplicationContext context;

  ImportRegionsCommand(NationalImport nationalImport, ApplicationContext context) {
    this.nationalImport = nationalImport;
    this.context = context;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!args.containsOption(OPTION)) {
      return;
    }
    List<String> values = args.getOptionValues(OPTION);
    AreaFiles files = values.isEmpty() || values.get(0).isBlank()
        ? AreaFiles.bundled() : AreaFiles.directory(Path.of(values.get(0)));
    int exitCode;
    try {
      ImportResult result = nationalImport.importFrom(files, "command-line");
      System.out.println("Impor wilayah selesai: " + result);
      exitCode = 0;
    } catch (ImportRejectedException e) {
      System.err.println(e.getMessage());
      exitCode = 2;
    }
    int code = exitCode;
    LOG.info("Import command finished, exiting with {}", code);
    System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
  }
}

package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every config the project ships passes validation as jobs/sigprop runs it on this machine
 * (4 GiB over two cores, 2 GiB a cell): the presets in conf/ and the configs the scripts in jobs/
 * write (jobs/bench-summarize's grid once varied the learning rate without training steps, which
 * validation came to refuse, and nothing ran it).
 */
class ShippedConfigsTest {
  @Test
  void everyPresetAndEveryConfigAScriptWritesIsValid(@TempDir Path dir) throws IOException {
    List<Path> configs = new ArrayList<>();
    try (Stream<Path> presets = Files.list(Path.of("conf"))) {
      presets.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(configs::add);
    }
    int fromScripts = 0;
    try (Stream<Path> scripts = Files.list(Path.of("jobs"))) {
      for (Path script : scripts.filter(Files::isRegularFile).sorted().toList()) {
        for (String yaml : heredocs(Files.readAllLines(script, StandardCharsets.UTF_8))) {
          Path file = dir.resolve(script.getFileName() + "-" + fromScripts++ + ".yaml");
          Files.writeString(file, yaml);
          configs.add(file);
        }
      }
    }
    assertTrue(configs.size() > fromScripts && fromScripts > 0, configs.toString());
    for (Path config : configs) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code = GridCommand.run(new String[] {config.toString(), "--heap-mb", "2048"},
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(0, code, config + ": " + err.toString(StandardCharsets.UTF_8));
    }
  }

  /**
   * The README's config is conf/example.yaml without its comments (it once recorded other sites
   * than the file), and the grid output CONFIG.md quotes shows the file's hash.
   */
  @Test
  void theReadmesConfigIsTheExampleWhoseHashConfigMdQuotes(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    Matcher block = Pattern.compile("### A config\n[^#]*?```yaml\n(.*?)```", Pattern.DOTALL)
        .matcher(readme);
    assertTrue(block.find(), "README.md has no config block under '### A config'");
    Path shown = Files.writeString(dir.resolve("readme.yaml"), block.group(1));
    String example = ConfigLoader.load(Path.of("conf/example.yaml"), List.of(), 0).configHash();
    assertEquals(example, ConfigLoader.load(shown, List.of(), 0).configHash());
    assertTrue(Files.readString(Path.of("docs/CONFIG.md"))
        .contains("config hash " + example.substring(0, 16) + "\n"), example);
  }

  /**
   * Every whole config the docs show (a yaml block starting with {@code sweep:}) is valid: the
   * single-experiment example in CONFIG.md once set a learning rate without training steps.
   */
  @Test
  void everyConfigTheDocsShowIsValid() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
    for (String folder : List.of("docs", "src/site/markdown")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
      }
    }
    int shown = 0;
    for (Path doc : docs) {
      Matcher block = Pattern.compile("```yaml\n(sweep:.*?)```", Pattern.DOTALL)
          .matcher(Files.readString(doc));
      while (block.find()) {
        shown++;
        try {
          ConfigLoader.parse(block.group(1), doc.toString(), List.of(), 0);
        } catch (ConfigException e) {
          throw new AssertionError(doc + ":\n" + block.group(1) + e.getMessage(), e);
        }
      }
    }
    assertTrue(shown >= 3, "configs found in the docs: " + shown);
  }

  /** The bodies of the script's {@code <<'YAML'} here-documents. */
  private static List<String> heredocs(List<String> lines) {
    List<String> docs = new ArrayList<>();
    StringBuilder doc = null;
    for (String line : lines) {
      if (doc == null && line.contains("<<'YAML'")) {
        doc = new StringBuilder();
      } else if (doc != null && line.equals("YAML")) {
        docs.add(doc.toString());
        doc = null;
      } else if (doc != null) {
        doc.append(line).append('\n');
      }
    }
    return docs;
  }
}

package sigprop.cli;

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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README and the docs name every option of every verb, and quote the help as it is. */
class VerbsDocumentedTest {
  private static final Pattern OPTION = Pattern.compile("^ {2}(?:-h, )?(--[a-z-]+)",
      Pattern.MULTILINE);
  /** Where each verb's options are documented. */
  private static final Map<String, List<String>> DOCS = Map.of(
      "grid", List.of("docs/CONFIG.md"),
      "sweep", List.of("README.md", "docs/OUTPUTS.md", "docs/CLUSTER.md"),
      "summarize", List.of("docs/SUMMARY.md"),
      "theory", List.of("src/site/markdown/theory.md"),
      "check", List.of("README.md"));

  private static String help(String verb) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, Main.run(new String[] {verb, "--help"},
        new PrintStream(out, true, StandardCharsets.UTF_8), System.err));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String read(List<String> files) throws IOException {
    StringBuilder text = new StringBuilder();
    for (String file : files) {
      text.append(Files.readString(Path.of(file), StandardCharsets.UTF_8));
    }
    return text.toString();
  }

  @Test
  void everyOptionOfEveryVerbIsDocumented() throws Exception {
    List<String> undocumented = new ArrayList<>();
    for (Map.Entry<String, List<String>> verb : DOCS.entrySet()) {
      String docs = read(verb.getValue());
      Matcher m = OPTION.matcher(help(verb.getKey()));
      while (m.find()) {
        Pattern named = Pattern.compile("(?<![\\w-])" + m.group(1) + "(?![\\w-])");
        if (!m.group(1).equals("--help") && !named.matcher(docs).find()) {
          undocumented.add(verb.getKey() + " " + m.group(1) + " in " + verb.getValue());
        }
      }
    }
    assertEquals(List.of(), undocumented);
  }

  @Test
  void docsQuoteTheUsageAsTheVerbPrintsIt() throws Exception {
    String config = Files.readString(Path.of("docs/CONFIG.md"), StandardCharsets.UTF_8);
    List<String> usage = help("grid").lines().limit(2).toList();
    assertTrue(config.contains("```\n" + String.join("\n", usage) + "\n```"), usage.toString());
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertTrue(readme.contains("`jobs/sigprop --help` lists the verbs"), "README");
    for (String verb : DOCS.keySet()) {
      assertTrue(readme.contains("| `" + verb), "README's verb table lacks " + verb);
    }
  }
}

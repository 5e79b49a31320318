package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's figures are the ones {@code jobs/reproduce --site} refreshes: a figure the README
 * shows but the script does not list would go stale unnoticed, and one the script lists from a
 * preset it does not run by default would never be refreshed.
 */
class ReadmeFiguresTest {
  private static final Path FIGURES = Path.of("src/site/figures");

  @Test
  void theReadmeShowsExactlyTheFiguresReproduceRefreshesFromPresetsItRuns() throws Exception {
    Set<String> shown = new TreeSet<>();
    Matcher m = Pattern.compile("\\]\\(src/site/figures/([^)]+)\\.png\\)")
        .matcher(Files.readString(Path.of("README.md")));
    while (m.find()) {
      shown.add(m.group(1));
    }
    String script = Files.readString(Path.of("jobs/reproduce"));
    Set<String> refreshed = new TreeSet<>(words(script, "readme_figures=("));
    assertTrue(refreshed.size() > 10, refreshed.toString());
    assertEquals(refreshed, shown, "README figures vs jobs/reproduce's readme_figures");
    try (Stream<Path> files = Files.list(FIGURES)) {
      assertEquals(refreshed, files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".png")).map(n -> n.substring(0, n.length() - 4))
          .collect(Collectors.toCollection(TreeSet::new)), "files in " + FIGURES);
    }
    // --site adds the example to the presets run by default.
    List<String> presets = words(script, "|| presets=(");
    for (String name : refreshed) {
      String preset = name.substring(0, name.indexOf("--"));
      assertTrue(presets.contains(preset) || preset.equals("example"), name + " from " + presets);
      assertTrue(Files.isRegularFile(Path.of("conf", preset + ".yaml")), preset);
    }
  }

  /** The words of the bash array that follows {@code start}, up to its closing parenthesis. */
  private static List<String> words(String script, String start) {
    int from = script.indexOf(start);
    assertTrue(from >= 0, start);
    from += start.length();
    String body = script.substring(from, script.indexOf(')', from));
    return Arrays.stream(body.trim().split("\\s+")).toList();
  }
}

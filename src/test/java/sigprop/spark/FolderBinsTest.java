package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sigprop.experiment.ConfigLoader;
import sigprop.spark.FolderBins.CellSource;

/**
 * Seeds of one configuration from folders that binned them differently are refused before the
 * job (it failed in Spark with about 200 lines of traces); folders alike, or whose cells of a
 * configuration all come from one of them, summarize as before.
 */
class FolderBinsTest {
  private static Map<String, String> bins(String... overrides) throws Exception {
    return FolderBins.of(ConfigLoader.parse(Files.readString(Path.of("conf/example.yaml")),
        "conf/example.yaml", Arrays.asList(overrides), 1L << 30).canonicalConfig());
  }

  private static List<CellSource> cells(String... configAndSource) {
    List<CellSource> cells = new ArrayList<>();
    for (String c : configAndSource) {
      String[] parts = c.split("@");
      cells.add(new CellSource("example", "example", parts[0], Integer.parseInt(parts[1])));
    }
    return cells;
  }

  @Test
  void aConfigurationPooledFromFoldersWithOtherBinsIsRefused() throws Exception {
    Map<String, String> plain = bins("seeds=[0]");
    Map<String, String> linear = bins("seeds=[1]",
        "record.histogram.sites.output_gradient.range=[-0.01,0.01]");
    assertEquals("record.histogram: linear_bins=200 range=null log_bins_per_decade=10"
        + " min_decade=-400 max_decade=400\n", plain.get("example"));
    assertTrue(linear.get("example").endsWith("record.histogram.sites.output_gradient:"
        + " bins=linear range=[-0.01,0.01] linear_bins=200\n"), linear.get("example"));
    List<String> folders = List.of("out/a", "out/b");
    String refusal = FolderBins.conflict(cells("g1@0", "g1@1"), List.of(plain, linear),
        folders);
    assertTrue(refusal != null && refusal.startsWith("the seeds of configuration g1 (sweep"
        + " example, experiment example) come from out/a and out/b, which bin histograms"
        + " differently"), refusal);
    assertNull(FolderBins.conflict(cells("g1@0", "g1@1"), List.of(plain, bins("seeds=[1]")),
        folders), "alike: the seed lists may differ");
    assertNull(FolderBins.conflict(cells("g1@0", "g2@1"), List.of(plain, linear), folders),
        "each configuration from one folder");
    List<Map<String, String>> unknown = new ArrayList<>(Arrays.asList(plain, null));
    assertNull(FolderBins.conflict(cells("g1@0", "g1@1"), unknown, folders),
        "a folder without a readable manifest");
  }
}

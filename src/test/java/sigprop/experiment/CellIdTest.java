package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellIdTest {
  private static final String CONFIG = """
      sweep: ids
      network: {width: 32}
      grid:
        depth: [2, 8]
        init: [normal, he_normal]
      seeds: 3
      """;

  private static List<String> ids(String yaml, String... overrides) {
    return Configs.plan(yaml, overrides).cells().stream().map(CellSpec::id).toList();
  }

  @Test
  void sameConfigSameIds() {
    assertEquals(ids(CONFIG), ids(CONFIG));
  }

  @Test
  void formattingCommentsAndSpellingDoNotChangeIds() {
    String reformatted = """
        # The same sweep, written differently.
        sweep: "ids"        # quoted
        grid:
          depth:
            - 2
            - 8
          init: [{scheme: normal, std: 1.0}, kaiming_normal]   # aliases resolve
        network:
          width: 32
          norm: none        # the default, spelled out
        seeds: [0, 1, 2]
        """;
    assertEquals(ids(CONFIG), ids(reformatted));
    assertEquals(ids(CONFIG), ids("sweep: ids\nseeds: 3\ngrid: {depth: [2, 8]}\n",
        "network.width=32", "grid.init=normal,kaiming_normal"));
  }

  /** A letter first: no tool reading the CSVs can take an id for a number. */
  @Test
  void idsAreALetterAndSixteenHexDigits() {
    for (CellSpec c : Configs.plan(CONFIG).cells()) {
      assertTrue(c.id().matches("c[0-9a-f]{16}"), c.id());
      assertTrue(c.configId().matches("g[0-9a-f]{16}"), c.configId());
      assertEquals(c.id().substring(1), c.legacyId());
    }
  }

  @Test
  void idsAreDistinctAcrossCellsSeedsAndExperiments() {
    List<String> ids = ids(CONFIG);
    assertEquals(12, ids.size());
    assertEquals(12, new HashSet<>(ids).size());
    SweepPlan two = Configs.plan("""
        sweep: ids
        experiments: {a: {}, b: {}}
        defaults: {seeds: 1}
        """);
    assertNotEquals(two.experiment("a").cells().get(0).id(),
        two.experiment("b").cells().get(0).id());
  }

  @Test
  void relevantChangesChangeIds() {
    assertNotEquals(ids(CONFIG), ids(CONFIG, "input.batch=8"));
    assertNotEquals(ids(CONFIG), ids(CONFIG, "record.steps=0,5"));
    // What is recorded is not what is computed: sites leave the ids alone.
    assertEquals(ids(CONFIG), ids(CONFIG, "record.sites=output"));
  }
}

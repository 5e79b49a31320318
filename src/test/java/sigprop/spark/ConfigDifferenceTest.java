package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import sigprop.experiment.ConfigLoader;

/** What a refused --resume names as changed: read off two real configs' canonical texts. */
class ConfigDifferenceTest {
  private static final String CONFIG = String.join("\n",
      "sweep: t",
      "input: {batch: 8, width: 6}",
      "network: {width: 12, activation: tanh, classes: 4}",
      "grid:",
      "  depth: [3, 5]",
      "  init: [normal, xavier_normal]",
      "seeds: 2",
      "");

  private static String canonical(String text, String... overrides) throws Exception {
    return ConfigLoader.parse(text, "t.yaml", List.of(overrides), 1L << 31)
        .canonicalConfig();
  }

  @Test
  void equalConfigsDifferInNothing() throws Exception {
    assertEquals(List.of(), ConfigDifference.between(canonical(CONFIG),
        canonical(CONFIG.replace("seeds: 2", "seeds: [0, 1]  # same seeds, spelled out"))));
  }

  @Test
  void namesEachChangedSettingAxisAndSeedsWithBothValues() throws Exception {
    assertEquals(List.of(
        "t: batch was 8, now 13",
        "t: depth was [3, 5], now [3, 7]",
        "t: seeds was [0,1], now [0,1,2]"),
        ConfigDifference.between(canonical(CONFIG),
            canonical(CONFIG, "input.batch=13", "grid.depth=3,7", "seeds=3")));
  }

  /** Seeds added and nothing else: they can run on their own and pool with the old ones. */
  @Test
  void seedsAddedAloneAreNamedForARunOfTheirOwn() throws Exception {
    String before = canonical(CONFIG);
    assertEquals("[2]", ConfigDifference.addedSeeds(before, canonical(CONFIG, "seeds=3")));
    assertEquals("[5,9]", ConfigDifference.addedSeeds(before, canonical(CONFIG,
        "seeds=[0, 1, 5, 9]")));
    assertEquals(null, ConfigDifference.addedSeeds(before, canonical(CONFIG, "seeds=[1, 2]")),
        "seed 0 dropped: not an addition");
    assertEquals(null, ConfigDifference.addedSeeds(before, canonical(CONFIG, "seeds=3",
        "input.batch=13")), "another change besides");
    assertEquals(null, ConfigDifference.addedSeeds(before, before));
  }

  @Test
  void anAxisThatBecameFixedReadsAsOneChangedValue() throws Exception {
    String fixed = CONFIG.replace("  init: [normal, xavier_normal]\n", "")
        .replace("activation: tanh", "activation: tanh, init: normal");
    assertEquals(List.of("t: init was [normal(std=1.0), xavier_normal(gain=1.0)],"
        + " now normal(std=1.0)"), ConfigDifference.between(canonical(CONFIG), canonical(fixed)));
  }

  @Test
  void namesAnExperimentAddedOrGone() throws Exception {
    String two = String.join("\n",
        "sweep: t",
        "defaults:",
        "  input: {batch: 8, width: 6}",
        "  network: {width: 12, activation: tanh, classes: 4}",
        "experiments:",
        "  a: {grid: {depth: [3]}}",
        "  b: {grid: {depth: [3]}}",
        "");
    String one = two.replace("  b: {grid: {depth: [3]}}\n", "");
    assertEquals(List.of("experiment b is gone"),
        ConfigDifference.between(canonical(two), canonical(one)));
    assertEquals(List.of("experiment b is new"),
        ConfigDifference.between(canonical(one), canonical(two)));
  }
}

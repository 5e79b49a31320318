package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Configurations that differ in a parameter their cells do not use are said to repeat. */
class RepeatedConfigurationsTest {
  private static String repeats(String yaml, String... overrides) {
    return Configs.plan(yaml, overrides).experiments().get(0).repeats();
  }

  @Test
  void normPlacementWithoutANormRepeatsTheNetwork() {
    String yaml = "sweep: s\nnetwork: {depth: 2, width: 4}\ninput: {batch: 4, width: 4}\n"
        + "grid:\n  norm: [none, batch, layer]\n"
        + "  norm_placement: [before_activation, after_activation]\nseeds: 2\n";
    // none × after_activation is none × before_activation again: 1 of 6.
    assertEquals("1 of 6 configurations repeats another's numbers (norm_placement changes"
        + " nothing where norm is none)", repeats(yaml));
    assertEquals("3 of 12 configurations repeat another's numbers (norm_eps changes nothing"
        + " where norm is none; norm_placement changes nothing where norm is none)",
        repeats(yaml, "grid.norm_eps=1e-5,1e-3"));
    assertNull(repeats(yaml, "grid.norm=batch,layer"));
  }

  @Test
  void anInputSeedAxisRepeatsWhereEveryCellRedrawsX() {
    String yaml = "sweep: s\nnetwork: {depth: 2, width: 4}\ninput: {batch: 4, width: 4}\n"
        + "grid:\n  redraw_per_seed: [false, true]\n  input_seed: [1, 2, 3]\nseeds: 2\n";
    assertEquals("2 of 6 configurations repeat another's numbers (input_seed changes nothing"
        + " where redraw_per_seed is true)", repeats(yaml));
  }

  /**
   * With one seed run, x is that seed's draw both where each cell redraws it and where the input
   * seed is that seed: redraw_per_seed false × input_seed 3 repeats the cells that redraw.
   */
  @Test
  void theOneSeedRunAsTheInputSeedRepeatsTheCellsThatRedraw() {
    String yaml = "sweep: s\nnetwork: {depth: 2, width: 4}\ninput: {batch: 4, width: 4}\n"
        + "grid:\n  redraw_per_seed: [false, true]\n  input_seed: [3, 5]\nseeds: [3]\n";
    assertEquals("2 of 4 configurations repeat another's numbers (input_seed changes nothing"
        + " where redraw_per_seed is true; redraw_per_seed changes nothing where input_seed is"
        + " 3, the one seed run)", repeats(yaml));
    assertEquals("1 of 4 configurations repeats another's numbers (input_seed changes nothing"
        + " where redraw_per_seed is true)", repeats(yaml, "seeds=[3,4]"));
  }

  /** w ← w − η·v: where η is 0, the momentum and the decay put into v reach no weight. */
  @Test
  void momentumAndDecayRepeatWhereTheLearningRateIsZero() {
    String yaml = "sweep: s\nnetwork: {depth: 2, width: 4}\ninput: {batch: 4, width: 4}\n"
        + "record: {steps: [0, 3]}\n"
        + "grid:\n  learning_rate: [0, 0.01]\n  momentum: [0, 0.9]\n";
    assertEquals("1 of 4 configurations repeats another's numbers (momentum changes nothing"
        + " where learning_rate is 0)", repeats(yaml));
    assertEquals("3 of 8 configurations repeat another's numbers (momentum changes nothing"
        + " where learning_rate is 0; weight_decay changes nothing where learning_rate is 0)",
        repeats(yaml, "grid.weight_decay=0,0.001"));
    assertNull(repeats(yaml, "grid.learning_rate=0.1,0.01"));
  }

  @Test
  void aGridOfDistinctNetworksRepeatsNothing() {
    assertNull(repeats("sweep: s\ngrid: {depth: [2, 3], norm: [none, batch]}\n"
        + "network: {width: 4}\n"));
  }
}

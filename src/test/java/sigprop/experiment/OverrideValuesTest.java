package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Odd --set values: each gets the value YAML gives it or a message naming its key path. */
class OverrideValuesTest {
  private static final String ONE = """
      sweep: o
      input: {batch: 4, width: 4}
      network: {width: 4, depth: 2}
      record: {steps: [0, 1]}
      seeds: 1
      """;

  private static void assertContains(String message, String... fragments) {
    for (String fragment : fragments) {
      assertTrue(message.contains(fragment), () -> fragment + "\nnot in\n" + message);
    }
  }

  private static double learningRate(String value) {
    return Configs.plan(ONE, "training.learning_rate=" + value).cells().get(0).training()
        .learningRate();
  }

  @Test
  void numbersAreReadAsYamlWritesThem() {
    assertEquals(1e-3, learningRate("1e-3"));
    assertEquals(0.5, learningRate(".5"));
    assertEquals(2e-3, learningRate("2E-3"));
    // -0 is 0: the same cell as 0, not a cell that differs in its id only
    assertEquals(Configs.plan(ONE, "training.learning_rate=0").cells().get(0).id(),
        Configs.plan(ONE, "training.learning_rate=-0").cells().get(0).id());
    assertEquals(10, Configs.plan(ONE, "network.width=010").cells().get(0).network().width(1));
    assertContains(Configs.failure(ONE, "network.depth=1e3", "input.batch=''").getMessage(),
        "--set: network.depth: expected an integer, got '1e3'",
        "--set: input.batch: expected an integer, got ''");
  }

  @Test
  void aListForOneValueSaysHowToMakeItAnAxis() {
    assertContains(Configs.failure(ONE, "input.batch=4,8").getMessage(),
        "--set: input.batch: expected one value, got a list [4, 8]; to run each value, make it an"
            + " axis: --set grid.batch=4,8");
    assertContains(Configs.failure(ONE + "training: {momentum: [0.5, 0.9]}\n").getMessage(),
        "line 6: training.momentum: expected one value, got a list [0.5, 0.9]; to run each"
            + " value, make it an axis: grid: {momentum: [0.5, 0.9]}");
    // widths is a list: one network, not an axis
    assertEquals(3, Configs.plan(ONE, "network.widths=[4,4,4]").cells().get(0).network()
        .depth());
  }

  @Test
  void aCommentInAValueIsRefusedNotDropped() {
    assertContains(Configs.failure(ONE, "network.activation=#tanh", "grid.depth=2, #3")
        .getMessage(),
        "--set: network.activation: cannot read value '#tanh': a '#' at the start or after a"
            + " space begins a YAML comment",
        "--set: grid.depth: cannot read value '2, #3': a '#'");
    // a '#' inside a word or quotes is part of the value
    assertContains(Configs.failure(ONE, "input.distribution=a#b", "loss.type=\"#x\"")
        .getMessage(),
        "--set: input.distribution: unknown input distribution 'a#b'",
        "--set: loss.type: unknown loss '#x'");
  }

  @Test
  void quotedWordsAndEmptyValues() {
    assertEquals("uniform", Configs.plan(ONE, "input.distribution=\"uniform\"").cells().get(0)
        .input().distribution());
    assertContains(Configs.failure(ONE, "input.batch=", "input.width= ").getMessage(),
        "--set: input.batch: no value given (write --set input.batch=VALUE)",
        "--set: input.width: no value given");
  }

  @Test
  void pathsThatDoNotExistSuggestTheClosest() {
    assertContains(Configs.failure(ONE, "network.dpeth=3", "netwrk.depth=3", "grid.dpeth=3")
        .getMessage(),
        "--set: network.dpeth: unknown key 'dpeth'; did you mean 'depth'?",
        "--set: netwrk: unknown key 'netwrk'; did you mean 'network'?",
        "--set: grid.dpeth: unknown grid axis 'dpeth'; did you mean 'depth'?");
    assertContains(Configs.failure(ONE, "grid.steps=0,1").getMessage(),
        "--set: grid.steps: record.steps is not a grid axis: every cell of an experiment records"
            + " alike; to compare, write experiments with their own record.steps");
  }

  @Test
  void oneExperimentOfSeveral() {
    String multi = """
        sweep: m
        defaults: {input: {batch: 4, width: 4}, network: {width: 4, depth: 2}, seeds: 1}
        experiments:
          a: {}
          b: {grid: {depth: [2, 3]}}
        """;
    SweepPlan plan = Configs.plan(multi, "experiments.a.network.depth=5");
    assertEquals(5, plan.experiment("a").cells().get(0).network().depth());
    assertEquals(2, plan.experiment("b").cells().get(0).network().depth());
    assertContains(Configs.failure(multi, "experiments.c.network.depth=5",
        "experiments.b.network.depth=5").getMessage(),
        "--set: experiments.c.network.depth: unknown experiment 'c'",
        "--set: experiments.b.network.depth: has no effect: the grid varies depth"
            + " (experiments.b.grid.depth); use --set experiments.b.grid.depth=…");
  }
}

package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sigprop.net.InitScheme;
import sigprop.net.LeakyRelu;
import sigprop.net.LossType;
import sigprop.net.Norm;
import sigprop.net.StandardActivation;

class ConfigLoaderTest {
  @Test
  void exampleExpandsInFileOrderWithSeedsInnermost() throws Exception {
    SweepPlan plan = ConfigLoader.load(Path.of("conf/example.yaml"), List.of(), 0);
    assertEquals("example", plan.sweep());
    ExperimentPlan e = plan.experiment("example");
    assertEquals("2 depths × 2 inits × 2 norms × 3 seeds = 24 cells", e.shape());
    List<CellSpec> cells = plan.cells();
    assertEquals(24, cells.size());
    // depth outermost, then init, then norm, then seed.
    assertEquals(List.of("4", "normal(std=1.0)", "none", "0"), key(cells.get(0)));
    assertEquals(List.of("4", "normal(std=1.0)", "none", "1"), key(cells.get(1)));
    assertEquals(List.of("4", "normal(std=1.0)", "batch", "0"), key(cells.get(3)));
    assertEquals(List.of("4", "xavier_normal(gain=1.0)", "none", "0"), key(cells.get(6)));
    assertEquals(List.of("20", "xavier_normal(gain=1.0)", "batch", "2"), key(cells.get(23)));
    CellSpec first = cells.get(0);
    assertEquals(64, first.input().batch());
    assertEquals(64, first.network().width(1));
    assertEquals(4, first.network().depth());
    assertEquals(Norm.NONE, first.network().norm());
    assertEquals(StandardActivation.TANH, first.network().activation());
    assertEquals(InitScheme.NORMAL, first.network().weightInit().scheme());
    assertEquals(LossType.CROSS_ENTROPY, first.loss());
    assertEquals(10, first.network().classes());
  }

  @Test
  void multiExperimentExampleInheritsDefaults() throws Exception {
    SweepPlan plan = ConfigLoader.load(Path.of("src/test/resources/configs/shared-defaults.yaml"),
        List.of(), 0);
    assertEquals(List.of("task1", "task2", "task3", "task4"),
        plan.experiments().stream().map(ExperimentPlan::name).toList());
    assertEquals("3 inits × 10 seeds = 30 cells", plan.experiment("task1").shape());
    CellSpec deep = plan.experiment("task3").cells().get(0);
    assertEquals(500, deep.network().depth());
    assertEquals(256, deep.input().batch()); // from defaults
    assertEquals(5, plan.experiment("task3").seeds().size()); // its own seeds win
    CellSpec narrow = plan.experiment("task4").cells().get(0);
    assertEquals(List.of(50, 30, 20, 20, 10, 10, 10, 10), narrow.network().hiddenWidths());
    assertEquals(new LeakyRelu(0.2), narrow.network().activation());
    assertEquals("[50,30,20,20,10,10,10,10]", narrow.parameters().get("widths"));
    assertFalse(narrow.parameters().containsKey("width"));
  }

  @Test
  void parametersHoldEveryFixedAndVaryingValue() {
    CellSpec cell = Configs.plan("""
        sweep: p
        network: {activation: {name: leaky_relu, slope: 0.2}, init: he_normal}
        grid: {depth: [3]}
        seeds: 1
        """).cells().get(0);
    Map<String, String> p = cell.parameters();
    assertEquals(List.of("activation", "batch", "bias", "classes", "depth", "distribution",
        "init", "input_seed", "input_width", "learning_rate", "loss", "momentum", "norm",
        "norm_eps", "norm_placement", "output_activation", "redraw_per_seed", "steps",
        "weight_decay", "width"), List.copyOf(p.keySet()));
    assertEquals("leaky_relu(slope=0.2)", p.get("activation"));
    assertEquals("kaiming_normal(mode=fan_in, nonlinearity=relu, slope=0.01)", p.get("init"));
    assertEquals("3", p.get("depth"));
    assertEquals("256", p.get("width"));
    assertEquals("zeros", p.get("bias"));
    assertEquals("1.0E-5", p.get("norm_eps"));
    assertEquals("[0]", p.get("steps"));
  }

  @Test
  void seedsAsCountOrList() {
    assertEquals(List.of(0L, 1L, 2L), Configs.plan("sweep: s\nseeds: 3\n")
        .experiment("s").seeds());
    SweepPlan listed = Configs.plan("sweep: s\nseeds: [3, 7]\ngrid: {depth: [1, 2]}\n");
    assertEquals(List.of(3L, 7L, 3L, 7L), listed.cells().stream().map(CellSpec::seed).toList());
    assertEquals(10, Configs.plan("sweep: s\n").cellCount()); // 10 seeds by default
    assertEquals(List.of(5L), Configs.plan("sweep: s\ngrid: {seeds: [5]}\n")
        .experiment("s").seeds());
  }

  @Test
  void overrideCreatesAnAxisAndSetsAValue() {
    SweepPlan plan = Configs.plan("sweep: o\nseeds: 2\n", "grid.depth=4,60", "input.batch=128");
    assertEquals("2 depths × 2 seeds = 4 cells", plan.experiment("o").shape());
    assertEquals(List.of(4, 4, 60, 60),
        plan.cells().stream().map(c -> c.network().depth()).toList());
    assertTrue(plan.cells().stream().allMatch(c -> c.input().batch() == 128));
    assertEquals(List.of("grid.depth=4,60", "input.batch=128"), plan.overrides());
  }

  @Test
  void overridesReplaceAxesAndReachExperiments() {
    String yaml = """
        sweep: m
        defaults: {seeds: 4}
        experiments:
          a: {grid: {depth: [1, 2, 3]}}
          b: {network: {depth: 7}}
        """;
    SweepPlan plan = Configs.plan(yaml, "grid.depth=5", "seeds=1",
        "grid.init=[normal, {scheme: normal, std: 2}]");
    assertEquals("1 depth × 2 inits × 1 seed = 2 cells", plan.experiment("a").shape());
    assertEquals("normal(std=2.0)",
        plan.experiment("a").cells().get(1).parameters().get("init"));
    // grid.depth is set in every experiment, so b's depth is an axis of one value, 5.
    assertEquals(5, plan.experiment("b").cells().get(0).network().depth());
    SweepPlan b = Configs.plan(yaml, "experiments.b.network.depth=9");
    assertEquals(9, b.experiment("b").cells().get(0).network().depth());
    assertEquals(4, b.experiment("b").seeds().size());
  }

  @Test
  void anchorsAndMergeKeysShareBlocks() {
    SweepPlan plan = Configs.plan("""
        sweep: a
        experiments:
          base: &base {network: {depth: 3, width: 8}, seeds: 1}
          other:
            <<: *base
            input: {batch: 8}
        """);
    CellSpec other = plan.experiment("other").cells().get(0);
    assertEquals(List.of(8, 8, 8), other.network().hiddenWidths());
    assertEquals(8, other.input().batch());
    assertEquals(1, plan.experiment("other").seeds().size());
  }

  @Test
  void widthsAxisTakesLists() {
    SweepPlan plan = Configs.plan("""
        sweep: w
        seeds: 1
        grid:
          widths: [[50, 30, 20], [8, 8], null]
        network: {width: 16, depth: 3}
        """);
    assertEquals("3 width lists × 1 seed = 3 cells", plan.experiment("w").shape());
    List<CellSpec> cells = plan.cells();
    assertEquals("[50,30,20]", cells.get(0).parameters().get("widths"));
    assertEquals("8", cells.get(1).parameters().get("width"));
    assertEquals("2", cells.get(1).parameters().get("depth"));
    assertEquals(List.of(16, 16, 16), cells.get(2).network().hiddenWidths());
  }

  @Test
  void configHashIgnoresFormattingButNotContent() {
    String a = "sweep: h\ngrid: {depth: [4, 20]}\nseeds: 2\n";
    String b = "# a comment\nsweep: h   # name\nseeds: 2\ngrid:\n  depth:\n    - 4\n    - 20\n"
        + "network: {init: xavier_normal, width: 256}\n";
    assertEquals(Configs.plan(a).configHash(), Configs.plan(b).configHash());
    assertEquals(64, Configs.plan(a).configHash().length());
    assertNotEquals(Configs.plan(a).configHash(), Configs.plan(a, "input.batch=8").configHash());
    assertEquals(a, Configs.plan(a).configText());
  }

  @Test
  void memoryEstimateCoversNetworkAndStatistics() {
    CellSpec cell = Configs.plan("sweep: m\nseeds: 1\nnetwork: {depth: 3, width: 32}\n")
        .cells().get(0);
    CellMemory parts = cell.memory(0);
    assertEquals(parts.network().total() + parts.data() + parts.statistics() + parts.allowance(),
        cell.memoryBytes());
    assertTrue(parts.network().total() > 0 && parts.data() > 0 && parts.statistics() > 0);
  }

  private static List<String> key(CellSpec c) {
    Map<String, String> p = c.parameters();
    return List.of(p.get("depth"), p.get("init"), p.get("norm"), Long.toString(c.seed()));
  }
}

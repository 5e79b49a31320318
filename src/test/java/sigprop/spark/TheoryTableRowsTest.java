package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import sigprop.experiment.CellSpec;
import sigprop.experiment.ConfigLoader;

/** Theory rows only where the theory covers the configuration: none rather than wrong ones. */
class TheoryTableRowsTest {
  private static CellSpec cell(String network, int batch) throws Exception {
    String yaml = "sweep: t\ninput: {batch: " + batch + ", width: 16}\nnetwork: {width: 16,"
        + " depth: 3, activation: tanh, " + network + "}\n";
    return ConfigLoader.parse(yaml, "t.yaml", List.of(), 0).experiments().get(0).cells().get(0);
  }

  @Test
  void aConstantNonZeroBiasGetsNoTheory() throws Exception {
    // The theory's bias is zero-mean noise of variance σ_b²; a constant one shifts z.
    assertEquals(0, TheoryTableRows.values(cell("bias: {scheme: constant, value: 1.0}", 8))
        .size());
    assertEquals(3, TheoryTableRows.values(cell("bias: {scheme: constant, value: 0.0}", 8))
        .size());
    assertEquals(3, TheoryTableRows.values(cell("bias: {scheme: normal, std: 0.1}", 8)).size());
  }

  @Test
  void batchNormAfterTheActivationNeedsABatchOfEight() throws Exception {
    String after = "norm: batch, norm_placement: after_activation";
    assertEquals(0, TheoryTableRows.values(cell(after, 6)).size());
    assertEquals(3, TheoryTableRows.values(cell(after, 8)).size());
    assertEquals(3, TheoryTableRows.values(cell("norm: batch", 6)).size(), "before: B ≥ 4");
  }
}

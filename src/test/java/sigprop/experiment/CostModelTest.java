package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CostModelTest {
  private static CellSpec cell(String sites) {
    return Configs.plan(String.join("\n",
        "sweep: one",
        "input: {batch: 5, width: 3}",
        "network: {widths: [4, 6], classes: 2}",
        "record: {sites: [" + sites + "], steps: [0, 2]}",
        "")).cells().get(0);
  }

  @Test
  void productsElementwiseWorkAndRecordsByHand() {
    // Layers 3→4, 4→6 and the head 6→2; recorded at steps 0 and 2, two training steps between:
    // four passes. The two recorded ones form no weight gradients (4·batch·Σ fanIn·fanOut),
    // the training ones do (6·); none forms ∂L/∂x at the first layer (2·batch·3·4 less).
    double weights = 3 * 4 + 4 * 6 + 6 * 2;
    double noInputGradient = 2.0 * 5 * 3 * 4;
    double products = 2 * (4.0 * 5 * weights - noInputGradient)
        + 2 * (6.0 * 5 * weights - noInputGradient);
    double elementwise = 1000.0 * 5 * (4 + 6 + 2);
    double records = 2 * 3 * 2; // steps × layers × sites
    CellSpec cell = cell("output, output_gradient");
    assertEquals(products, cell.flops(), 1e-6);
    // A batch of 5: the products cost 1 + 12/5 times their flops.
    assertEquals(products * (1 + 12.0 / 5) + 4 * elementwise + records * 1.1e6,
        CostModel.work(cell), 1e-6);
  }

  @Test
  void recordedWeightGradientsCostTheirProducts() {
    double weights = 3 * 4 + 4 * 6 + 6 * 2;
    assertEquals(4 * (6.0 * 5 * weights - 2.0 * 5 * 3 * 4), cell("output, weight_gradient").flops(),
        1e-6);
  }
}

package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CostModelTest {
  @Test
  void productsElementwiseWorkAndRecordsByHand() {
    CellSpec cell = Configs.plan(String.join("\n",
        "sweep: one",
        "input: {batch: 5, width: 3}",
        "network: {widths: [4, 6], classes: 2}",
        "record: {sites: [output, output_gradient], steps: [0, 2]}",
        "")).cells().get(0);
    // Layers 3→4, 4→6 and the head 6→2; recorded at steps 0 and 2, two training steps between:
    // four passes.
    double products = 6.0 * 5 * (3 * 4 + 4 * 6 + 6 * 2);
    double elementwise = 1000.0 * 5 * (4 + 6 + 2);
    double records = 2 * 3 * 2; // steps × layers × sites
    assertEquals(4 * (products + elementwise) + records * 1.1e6, CostModel.work(cell), 1e-6);
  }
}

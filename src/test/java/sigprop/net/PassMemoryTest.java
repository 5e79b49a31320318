package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The parts of a network's memory estimate, against hand-computed sizes and a built network. */
class PassMemoryTest {
  /** Input 3, hidden widths 4 and 5, 2 classes. */
  private static NetworkSpec small(Norm norm) {
    return new NetworkSpec(3, List.of(4, 5), StandardActivation.TANH, norm,
        NormPlacement.BEFORE_ACTIVATION, 1e-5, InitSpec.of(InitScheme.XAVIER_NORMAL),
        InitSpec.of(InitScheme.ZEROS), 2, StandardActivation.LINEAR);
  }

  @Test
  void parametersMomentumAndKeptTensorsByHand() {
    PassMemory m = PassMemory.of(small(Norm.BATCH), 6, WeightMode.KEPT, true, true, 0);
    // Weights 3·4, 4·5, 5·2 doubles and biases 4, 5, 2, each array with a 16-byte header.
    long weights = 8 * (12 + 20 + 10) + 3 * 16;
    long biases = 8 * (4 + 5 + 2) + 3 * 16;
    // Batch norm at the hidden layers: γ, β, mean, inverse std and three work rows per unit.
    long norms = 7 * (8 * 4 + 16) + 7 * (8 * 5 + 16);
    assertEquals(weights + biases + norms + 3 * PassMemory.OBJECTS_PER_LAYER, m.parameters());
    // A velocity for every parameter: weights, biases, γ and β.
    assertEquals(weights + biases + 2 * (8 * 4 + 16) + 2 * (8 * 5 + 16), m.momentum());
    // z of 6·4, 6·5 and 6·2 doubles end to end in one slab.
    assertEquals(8 * 66 + 16, m.kept());
    assertEquals(PassMemory.KERNEL_BYTES, m.kernel());
    assertEquals(m.parameters() + m.momentum() + m.kept() + m.scratch() + m.kernel(), m.total());
  }

  @Test
  void layerNormKeepsAMeanAndInverseStdPerExampleAndNoWorkRows() {
    PassMemory m = PassMemory.of(small(Norm.LAYER), 6, WeightMode.REDRAWN, false, false, 0);
    long biases = 8 * (4 + 5 + 2) + 3 * 16;
    long norms = 2 * (8 * 4 + 16) + 2 * (8 * 5 + 16) // γ, β
        + 2 * 2 * (8 * 6 + 16) // mean and inverse std per example, two layers
        + 2 * 3 * 16; // three empty work rows
    assertEquals(biases + norms + 3 * PassMemory.OBJECTS_PER_LAYER, m.parameters());
    assertEquals(0, m.momentum());
  }

  @Test
  void scratchByHandIncludingTheScaledInput() {
    // No norm, kept weights, ∂L/∂W formed. Per layer l of width n_l (batch 6): mid, out and φ′
    // in the slot of l's parity, z, ∂L/∂z (6 × n_l) and ∂L/∂b (1 × n_l); ∂L/∂W (n_{l-1} × n_l)
    // and the scaled input (6 × n_{l-1}); above layer 1 the gradient handed down (6 × n_{l-1},
    // slot by l's parity). And the loss's gradient rescaled (6 × 2 classes).
    long expected = array(6 * 2);
    int[] n = {3, 4, 5, 2};
    for (int l = 1; l <= 3; l++) {
      expected += 5 * array(6 * n[l]) + array(n[l]) + array(n[l - 1] * n[l])
          + array(6 * n[l - 1]);
      if (l > 1) {
        expected += array(6 * n[l - 1]);
      }
    }
    assertEquals(expected, PassMemory.scratch(small(Norm.NONE), 6, WeightMode.KEPT, true, 0));
  }

  private static long array(long doubles) {
    return 8 * doubles + 16;
  }

  @Test
  void scratchMatchesWhatABuiltNetworkAllocates() {
    NetworkSpec uneven = new NetworkSpec(7, List.of(9, 9, 6, 9), StandardActivation.TANH,
        Norm.BATCH, NormPlacement.AFTER_ACTIVATION, 1e-5, InitSpec.of(InitScheme.XAVIER_NORMAL),
        InitSpec.of(InitScheme.ZEROS), 3, StandardActivation.LINEAR);
    for (NetworkSpec spec : List.of(uneven, small(Norm.LAYER), small(Norm.NONE))) {
      for (WeightMode mode : WeightMode.values()) {
        for (boolean weightGradients : new boolean[] {false, true}) {
          Network net = Network.build(spec, 5, 1, MatMuls.best(), mode);
          Matrix x = new Matrix(5, spec.inputWidth());
          RandomStreams.standardNormals(new SplittableRandom(3), x.data);
          Matrix out = net.forward(x, Probe.NONE);
          Matrix g = new Matrix(out.rows, out.cols);
          g.fill(1.0);
          GradientSink sink = weightGradients
              ? (layer, parameter, gradient, scale) -> { } : GradientSink.NONE;
          if (mode == WeightMode.KEPT || !weightGradients) {
            net.backward(g, Probe.NONE, sink);
          } else {
            continue; // a redrawn network trains on nothing
          }
          Scratch s = net.scratch();
          // The scaled inputs are allocated only when ∂L/∂W leaves the normal range, the
          // rescaled loss gradient only when it is beyond 2^±64.
          long scaled = array(5L * spec.classes());
          for (int w : weightGradients ? distinctFanIns(spec) : new int[0]) {
            scaled += array(5L * w);
          }
          String what = spec.hiddenWidths() + " " + spec.norm() + " " + mode + " dW "
              + weightGradients;
          assertEquals(8 * s.doubles() + 16L * s.buffers() + scaled,
              PassMemory.scratch(spec, 5, mode, weightGradients, 0), what);
        }
      }
    }
  }

  private static int[] distinctFanIns(NetworkSpec spec) {
    return IntStream.rangeClosed(0, spec.depth()).map(spec::width).distinct()
        .toArray();
  }

  /**
   * An orthogonal init's QR holds six matrices' worth of rows while it draws a layer: a
   * 1024-wide cell estimated at 52 MiB needed 77 MiB (jobs/cell-heap), as no part counted them.
   */
  @Test
  void anOrthogonalDrawCountsItsFactorizationAtTheWidestLayer() {
    NetworkSpec xavier = small(Norm.NONE);
    NetworkSpec orthogonal = xavier.withWeightInit(InitSpec.of(InitScheme.ORTHOGONAL));
    assertEquals(0, PassMemory.of(xavier, 6, WeightMode.KEPT, false, false, 0).draw());
    // Layers 3×4, 4×5 (the largest: tall 5, thin 4) and 5×2. Rows of doubles: the Gaussian
    // matrix, R and its copy (5 rows of 4 each), the transposed copy (4 rows of 5), Qᵀ and Q
    // (5 rows of 5 each).
    long draw = 3 * 5 * array(4) + 4 * array(5) + 2 * 5 * array(5);
    PassMemory m = PassMemory.of(orthogonal, 6, WeightMode.KEPT, false, false, 0);
    assertEquals(draw, m.draw());
    assertEquals(m.parameters() + m.momentum() + m.kept() + m.scratch() + m.kernel() + draw,
        m.total());
  }

  @Test
  void theKernelAllowanceCoversItsPackingBuffers() {
    long packing = 8L * ((VectorMatMul.MC + VectorMatMul.NC) * VectorMatMul.KC
        + VectorMicroKernel.MR * VectorMicroKernel.NR) + 3 * 16;
    assertTrue(packing <= PassMemory.KERNEL_BYTES, packing + " bytes");
  }
}

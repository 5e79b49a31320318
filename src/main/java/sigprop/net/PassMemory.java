package sigprop.net;

import java.util.HashSet;
import java.util.Set;

/**
 * The heap a {@link Network}'s forward and backward passes hold, part by part, each array as G1
 * stores it ({@link HeapRegions}): what a cell's memory estimate is built from. Every part is
 * counted from the arrays the code allocates, so a test can hold it against a built network.
 *
 * @param parameters weights (unless redrawn), biases, the norms' γ, β, means, inverse stds and
 *     work rows, and {@value #OBJECTS_PER_LAYER} bytes of objects per layer
 * @param momentum one velocity array per parameter when SGD uses momentum
 * @param kept the slabs of kept z tensors ({@link KeptTensors})
 * @param scratch every buffer of {@link Scratch} the passes ask for, one per (shape, slot)
 * @param kernel the matrix kernel's per-thread packing buffers, at most {@link #KERNEL_BYTES}
 * @param draw the arrays an orthogonal init's QR factorization holds while it draws the largest
 *     weight matrix ({@link #orthogonalDraw}); 0 for the other inits, which fill in place
 */
public record PassMemory(long parameters, long momentum, long kept, long scratch, long kernel,
    long draw) {
  /** Bytes of objects per layer beside its arrays: Layer, Parameters, Matrices, NormLayer. */
  static final long OBJECTS_PER_LAYER = 1024;
  /**
   * The most {@link VectorMatMul}'s packing buffers of one thread hold: (MC + NC)·KC doubles
   * and a tile, 0.7 MB with AVX-512 (pinned by a test against the kernel's constants).
   */
  static final long KERNEL_BYTES = 1L << 20;

  /** The sum of the parts. */
  public long total() {
    return parameters + momentum + kept + scratch + kernel + draw;
  }

  /**
   * The passes of a network of this spec over {@code batch} examples in a G1 heap of this region
   * size (0: raw sizes).
   *
   * @param weightGradients whether backward forms ∂L/∂W (recorded, or trained on)
   * @param momentum whether SGD keeps a velocity per parameter
   */
  public static PassMemory of(NetworkSpec spec, int batch, WeightMode weights,
      boolean weightGradients, boolean momentum, long regionBytes) {
    long parameters = 0;
    long velocity = 0;
    int layers = spec.depth() + 1;
    int[] keptLengths = new int[layers];
    for (int l = 1; l <= layers; l++) {
      long fanIn = spec.width(l - 1);
      long fanOut = spec.width(l);
      long weight = weights == WeightMode.KEPT ? array(8 * fanIn * fanOut, regionBytes) : 0;
      long perUnit = array(8 * fanOut, regionBytes); // the bias, γ, β and their velocities
      long params = weight + perUnit;
      parameters += params + OBJECTS_PER_LAYER;
      velocity += params;
      if (l < layers && spec.norm() != Norm.NONE) {
        long groups = spec.norm() == Norm.BATCH ? fanOut : batch;
        long work = spec.norm() == Norm.BATCH ? fanOut : 0;
        parameters += 2 * perUnit + 2 * array(8 * groups, regionBytes)
            + 3 * array(8 * work, regionBytes);
        velocity += 2 * perUnit;
      }
      keptLengths[l - 1] = Math.multiplyExact(batch, spec.width(l));
    }
    long draw = 0;
    if (spec.weightInit().scheme() == InitScheme.ORTHOGONAL) {
      for (int l = 1; l <= layers; l++) {
        draw = Math.max(draw, orthogonalDraw(spec.width(l - 1), spec.width(l), regionBytes));
      }
    }
    long kept = 0;
    for (int slab : KeptTensors.slabLengths(keptLengths)) {
      kept += array(8L * slab, regionBytes);
    }
    return new PassMemory(parameters, momentum ? velocity : 0, kept,
        scratch(spec, batch, weights, weightGradients, regionBytes), KERNEL_BYTES, draw);
  }

  /**
   * What {@link InitScheme#ORTHOGONAL} holds at once while it draws one fanIn × fanOut matrix,
   * as rows of doubles (tall = the larger fan, thin = the smaller): the Gaussian matrix (tall
   * rows of thin) and commons-math's QR of it, its transposed copy (thin rows of tall), Qᵀ and Q
   * (tall × tall each, as the decomposition caches both), and R with the rows it is copied from
   * (tall × thin twice). A 1024-wide layer's draw holds 48 MiB: such a cell needed 77–82 MiB
   * of heap where the estimate without it admitted it at 53 (with it, at 101).
   */
  static long orthogonalDraw(long fanIn, long fanOut, long regionBytes) {
    long tall = Math.max(fanIn, fanOut);
    long thin = Math.min(fanIn, fanOut);
    return 3 * tall * array(8 * thin, regionBytes) + thin * array(8 * tall, regionBytes)
        + 2 * tall * array(8 * tall, regionBytes);
  }

  /**
   * The {@link Scratch} buffers of a forward and a backward pass, as {@link Network} and {@link
   * Layer} ask for them: per layer l its mid, out and φ′ (slot by parity), z, ∂L/∂z and ∂L/∂b,
   * with a norm ∂L/∂mid, ∂L/∂γ and ∂L/∂β, the weights when redrawn, with ∂L/∂W also the scaled
   * input it is formed again from when out of range, and below the head the gradient it hands
   * down; the loss's gradient rescaled (batch × classes) near double's range edges; one buffer
   * per distinct (rows, cols, slot).
   */
  static long scratch(NetworkSpec spec, int batch, WeightMode weights, boolean weightGradients,
      long regionBytes) {
    Set<Shape> shapes = new HashSet<>();
    int layers = spec.depth() + 1;
    shapes.add(new Shape(batch, spec.classes(), Scratch.SCALED_OUTPUT_GRADIENT));
    for (int l = 1; l <= layers; l++) {
      int fanIn = spec.width(l - 1);
      int fanOut = spec.width(l);
      boolean odd = (l & 1) == 1;
      shapes.add(new Shape(batch, fanOut, odd ? Scratch.MID_A : Scratch.MID_B));
      shapes.add(new Shape(batch, fanOut, odd ? Scratch.OUT_A : Scratch.OUT_B));
      shapes.add(new Shape(batch, fanOut, odd ? Scratch.DERIV_A : Scratch.DERIV_B));
      shapes.add(new Shape(batch, fanOut, Scratch.Z));
      shapes.add(new Shape(batch, fanOut, Scratch.GRAD_Z));
      shapes.add(new Shape(1, fanOut, Scratch.GRAD_BIAS));
      if (l < layers && spec.norm() != Norm.NONE) {
        shapes.add(new Shape(batch, fanOut, Scratch.GRAD_MID));
        shapes.add(new Shape(1, fanOut, Scratch.GRAD_GAMMA));
        shapes.add(new Shape(1, fanOut, Scratch.GRAD_BETA));
      }
      if (weights == WeightMode.REDRAWN) {
        shapes.add(new Shape(fanIn, fanOut, Scratch.WEIGHTS));
      }
      if (weightGradients) {
        shapes.add(new Shape(fanIn, fanOut, Scratch.GRAD_WEIGHT));
        shapes.add(new Shape(batch, fanIn, Scratch.SCALED_INPUT));
      }
      if (l > 1) {
        shapes.add(new Shape(batch, fanIn, odd ? Scratch.GRAD_A : Scratch.GRAD_B));
      }
    }
    long bytes = 0;
    for (Shape s : shapes) {
      bytes += array(8L * s.rows() * s.cols(), regionBytes);
    }
    return bytes;
  }

  /** An array of this many bytes of elements with its header, in whole regions if humongous. */
  private static long array(long elementBytes, long regionBytes) {
    long stored = HeapRegions.footprint(elementBytes, regionBytes);
    return stored == elementBytes ? elementBytes + HeapRegions.ARRAY_HEADER : stored;
  }

  /** One scratch buffer's key. */
  private record Shape(int rows, int cols, int slot) {}
}

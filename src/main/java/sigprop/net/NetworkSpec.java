package sigprop.net;

import java.util.Collections;
import java.util.List;

/**
 * The shape and parameters of one network: input width n₀, hidden widths n₁..n_L, the hidden
 * activation and norm, the init schemes, and the output head (a dense layer to {@code classes}
 * outputs followed by {@code outputActivation}, linear by default).
 */
public record NetworkSpec(
    int inputWidth,
    List<Integer> hiddenWidths,
    Activation activation,
    Norm norm,
    NormPlacement placement,
    double normEps,
    InitSpec weightInit,
    InitSpec biasInit,
    int classes,
    Activation outputActivation) {

  /** The default norm epsilon, as in PyTorch. */
  public static final double DEFAULT_EPS = 1e-5;

  public NetworkSpec {
    hiddenWidths = compact(hiddenWidths);
    if (inputWidth < 1) {
      throw new IllegalArgumentException("input width must be >= 1, got " + inputWidth);
    }
    for (int w : hiddenWidths) {
      if (w < 1) {
        throw new IllegalArgumentException("hidden widths must be >= 1, got " + hiddenWidths);
      }
    }
    if (classes < 1) {
      throw new IllegalArgumentException("output classes must be >= 1, got " + classes);
    }
    if (!(normEps > 0) || Double.isInfinite(normEps)) {
      throw new IllegalArgumentException("norm eps must be finite and > 0, got " + normEps);
    }
  }

  /** The widths, as one repeated value when they are all equal (a sweep plans many deep cells). */
  private static List<Integer> compact(List<Integer> widths) {
    List<Integer> copy = List.copyOf(widths);
    return !copy.isEmpty() && copy.stream().allMatch(copy.get(0)::equals)
        ? Collections.nCopies(copy.size(), copy.get(0)) : copy;
  }

  /** A uniform-width network with a linear head and zero biases. */
  public static NetworkSpec uniform(int inputWidth, int width, int depth, Activation activation,
      Norm norm, InitSpec weightInit, int classes) {
    return new NetworkSpec(inputWidth, Collections.nCopies(depth, width), activation,
        norm, NormPlacement.BEFORE_ACTIVATION, DEFAULT_EPS, weightInit,
        InitSpec.of(InitScheme.ZEROS), classes, StandardActivation.LINEAR);
  }

  /** The number of hidden layers L. */
  public int depth() {
    return hiddenWidths.size();
  }

  /** n_l for l = 0..L+1 (input, hidden layers, output head). */
  public int width(int l) {
    if (l == 0) {
      return inputWidth;
    }
    return l <= depth() ? hiddenWidths.get(l - 1) : classes;
  }

  /** Σ fanIn·fanOut over all dense layers, head included. */
  public long weightCount() {
    long n = 0;
    for (int l = 1; l <= depth() + 1; l++) {
      n += (long) width(l - 1) * width(l);
    }
    return n;
  }

  /**
   * Floating-point operations of one forward + backward pass: 6·batch·Σ fanIn·fanOut, or 4· for
   * a pass that forms no weight gradients (neither recorded nor trained on).
   */
  public double flopsPerPass(int batch, boolean weightGradients) {
    return (weightGradients ? 6.0 : 4.0) * batch * weightCount();
  }

  /**
   * Bytes a network of this spec holds for one pass over {@code batch} examples: weights and
   * biases (twice with a momentum buffer), the kept z of every layer, and the scratch tensors
   * (eleven batch × width tensors and two weight matrices of the widest layer).
   */
  public long estimatedBytes(int batch, boolean momentum) {
    return estimatedBytes(batch, momentum, WeightMode.KEPT);
  }

  /** As {@link #estimatedBytes(int, boolean)}, without the weights when they are redrawn. */
  public long estimatedBytes(int batch, boolean momentum, WeightMode weights) {
    return estimatedBytes(batch, momentum, weights, 0);
  }

  /**
   * As {@link #estimatedBytes(int, boolean, WeightMode)} in a G1 heap of this region size (0:
   * the raw sizes): each weight matrix and momentum buffer is an array of its own, which G1 may
   * round up to whole regions ({@link HeapRegions}); the kept tensors share slabs.
   */
  public long estimatedBytes(int batch, boolean momentum, WeightMode weights, long regionBytes) {
    long bytes = 0;
    long kept = 0;
    long widest = inputWidth;
    long largestWeight = 0;
    for (int l = 1; l <= depth() + 1; l++) {
      long w = (long) width(l - 1) * width(l);
      long parameters = (weights == WeightMode.KEPT ? HeapRegions.footprint(8 * w, regionBytes)
          : 0) + 8L * width(l);
      bytes += momentum ? 2 * parameters : parameters;
      kept += (long) batch * width(l);
      widest = Math.max(widest, width(l));
      largestWeight = Math.max(largestWeight, w);
    }
    long fullSlabs = kept / KeptTensors.SLAB_DOUBLES;
    bytes += fullSlabs * HeapRegions.footprint(8L * KeptTensors.SLAB_DOUBLES, regionBytes)
        + HeapRegions.footprint(8 * (kept % KeptTensors.SLAB_DOUBLES), regionBytes);
    // Scratch: about eleven batch × widest tensors, two weight-sized ones, the input batch.
    return bytes + 11 * HeapRegions.footprint(8L * batch * widest, regionBytes)
        + 2 * HeapRegions.footprint(8 * largestWeight, regionBytes)
        + HeapRegions.footprint(8L * batch * inputWidth, regionBytes);
  }

  /** A copy with another weight init. */
  public NetworkSpec withWeightInit(InitSpec init) {
    return new NetworkSpec(inputWidth, hiddenWidths, activation, norm, placement, normEps, init,
        biasInit, classes, outputActivation);
  }

  /** A copy with another norm. */
  public NetworkSpec withNorm(Norm n) {
    return new NetworkSpec(inputWidth, hiddenWidths, activation, n, placement, normEps,
        weightInit, biasInit, classes, outputActivation);
  }

  /** A copy with another norm placement. */
  public NetworkSpec withPlacement(NormPlacement p) {
    return new NetworkSpec(inputWidth, hiddenWidths, activation, norm, p, normEps,
        weightInit, biasInit, classes, outputActivation);
  }
}

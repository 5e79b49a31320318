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
   * Floating-point operations of one forward + backward pass's products: 2·batch·fanIn·fanOut a
   * layer for the forward product, for ∂L/∂in except at the first layer (nothing takes ∂L/∂x),
   * and for ∂L/∂W unless the pass forms no weight gradients (neither recorded nor trained on).
   */
  public double flopsPerPass(int batch, boolean weightGradients) {
    long firstLayer = (long) width(0) * width(1);
    return (weightGradients ? 6.0 : 4.0) * batch * weightCount() - 2.0 * batch * firstLayer;
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

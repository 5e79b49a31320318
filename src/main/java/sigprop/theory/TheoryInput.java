package sigprop.theory;

import java.util.Collections;
import java.util.List;
import sigprop.net.Activation;
import sigprop.net.InitSpec;
import sigprop.net.NetworkSpec;
import sigprop.net.Norm;
import sigprop.net.NormPlacement;

/**
 * What the predictions need: the activation, the weight init of every layer, Var[b], the widths
 * n_0 (input) .. n_L (top hidden layer), Var[x] = q0 (zero-mean entries), the norm, its
 * placement, the batch size (used by batch norm only; at least 4 then) and the norm's ε.
 *
 * @param activation φ
 * @param init the weight init of every hidden layer
 * @param biasVariance σ_b² = Var[b]
 * @param widths n_0..n_L, at least two entries
 * @param inputVariance q0 = Var[x]
 * @param norm the normalization of every hidden layer
 * @param placement where the norm sits (ignored without a norm)
 * @param batch the batch size B
 * @param normEps the ε the norm adds to the variance it divides by
 */
public record TheoryInput(
    Activation activation, InitSpec init, double biasVariance, List<Integer> widths,
    double inputVariance, Norm norm, NormPlacement placement, int batch, double normEps) {

  /** Validates every field, naming the bad value. */
  public TheoryInput {
    if (activation == null || init == null || norm == null || placement == null) {
      throw new IllegalArgumentException("activation, init, norm and placement are required");
    }
    widths = List.copyOf(widths);
    if (widths.size() < 2) {
      throw new IllegalArgumentException(
          "widths must list n_0..n_L with depth L >= 1, got " + widths);
    }
    for (int n : widths) {
      if (n < 1) {
        throw new IllegalArgumentException("every width must be >= 1, got " + widths);
      }
    }
    if (!(biasVariance >= 0) || Double.isInfinite(biasVariance)) {
      throw new IllegalArgumentException("bias variance must be finite and >= 0, got "
          + biasVariance);
    }
    if (!(inputVariance > 0) || Double.isInfinite(inputVariance)) {
      throw new IllegalArgumentException("input variance must be finite and > 0, got "
          + inputVariance);
    }
    if (!(normEps >= 0) || Double.isInfinite(normEps)) {
      throw new IllegalArgumentException("norm eps must be finite and >= 0, got " + normEps);
    }
    if (batch < 1 || (norm == Norm.BATCH && batch < 4)) {
      throw new IllegalArgumentException("batch must be >= 1 (>= 4 with batch norm), got "
          + batch);
    }
  }

  /** A plain net: σ_b = 0, q0 = 1, no norm, batch 256. */
  public static TheoryInput plain(Activation activation, InitSpec init, List<Integer> widths) {
    return new TheoryInput(activation, init, 0.0, widths, 1.0, Norm.NONE,
        NormPlacement.BEFORE_ACTIVATION, 256, NetworkSpec.DEFAULT_EPS);
  }

  /** n_0 = .. = n_L = width. */
  public static List<Integer> uniformWidths(int depth, int width) {
    if (depth < 1 || width < 1) {
      throw new IllegalArgumentException(
          "depth and width must be >= 1, got depth " + depth + ", width " + width);
    }
    return List.copyOf(Collections.nCopies(depth + 1, width));
  }

  /** The same input with another norm, placement and batch. */
  public TheoryInput withNorm(Norm newNorm, NormPlacement newPlacement, int newBatch) {
    return new TheoryInput(activation, init, biasVariance, widths, inputVariance, newNorm,
        newPlacement, newBatch, normEps);
  }

  /** L, the number of hidden layers. */
  public int depth() {
    return widths.size() - 1;
  }
}

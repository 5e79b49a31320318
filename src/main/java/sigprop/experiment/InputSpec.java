package sigprop.experiment;

import java.util.Locale;
import java.util.SplittableRandom;
import sigprop.net.Matrix;
import sigprop.net.Purpose;
import sigprop.net.RandomStreams;

/**
 * The input batch x: batch × width entries from {@code distribution} (normal = N(0, 1),
 * uniform = U[−1, 1)), drawn from {@code seed}; fixed for the whole sweep unless
 * {@code redrawPerSeed}, in which case each cell draws it from its own seed.
 */
public record InputSpec(int batch, int width, String distribution, long seed,
    boolean redrawPerSeed) {

  /** The distributions an input can be drawn from. */
  public static final java.util.List<String> DISTRIBUTIONS = java.util.List.of("normal", "uniform");

  public InputSpec {
    distribution = distribution.toLowerCase(Locale.ROOT);
    if (batch < 1 || width < 1) {
      throw new IllegalArgumentException("input batch and width must be >= 1, got " + batch
          + " x " + width);
    }
    if (!DISTRIBUTIONS.contains(distribution)) {
      throw new IllegalArgumentException("input distribution must be one of " + DISTRIBUTIONS
          + ", got " + distribution);
    }
  }

  /** The batch for a cell with the given seed. */
  public Matrix draw(long cellSeed) {
    Matrix x = new Matrix(batch, width);
    SplittableRandom rng = RandomStreams.of(redrawPerSeed ? cellSeed : seed, 0, Purpose.INPUT);
    if (distribution.equals("uniform")) {
      RandomStreams.symmetricUniforms(rng, x.data);
    } else {
      RandomStreams.standardNormals(rng, x.data);
    }
    return x;
  }

  /** Var of one entry: 1 for normal, 1/3 for uniform. */
  public double variance() {
    return distribution.equals("uniform") ? 1.0 / 3.0 : 1.0;
  }
}

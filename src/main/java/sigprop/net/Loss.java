package sigprop.net;

/** A scalar loss of the network's output batch, with its gradient. */
public interface Loss {
  /** L(output). */
  double value(Matrix output);

  /**
   * Writes ∂L/∂output·2^-s into {@code gradient} (same shape as output) and returns s: 0 unless
   * the gradient itself would pass double's range (backprop carries it from there).
   */
  int gradient(Matrix output, Matrix gradient);
}

package sigprop.net;

/** A scalar loss of the network's output batch, with its gradient. */
public interface Loss {
  /** L(output). */
  double value(Matrix output);

  /** Writes ∂L/∂output into {@code gradient} (same shape as output). */
  void gradient(Matrix output, Matrix gradient);
}

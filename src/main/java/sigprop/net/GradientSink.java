package sigprop.net;

/**
 * Receives each parameter's gradient as backprop produces it, top layer first. The true gradient
 * is {@code gradient · 2^log2Scale}. The matrix is scratch: valid only during the call. An
 * optimizer can update the parameter right away, since backprop no longer needs it.
 */
public interface GradientSink {
  /** Discards gradients: a backward pass run only to record statistics. */
  GradientSink NONE = (layer, parameter, gradient, log2Scale) -> { };

  /** One parameter's gradient; layers are numbered as in {@link Probe}. */
  void accept(int layer, Parameter parameter, Matrix gradient, int log2Scale);
}

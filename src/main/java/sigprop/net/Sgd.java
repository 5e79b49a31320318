package sigprop.net;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, as torch.optim.SGD:
 * v ← μ·v + (g + λ·w), w ← w − η·v, with v = 0 before the first step; the decay applies to every
 * parameter it is handed (weights, biases, γ, β), as torch's does to model.parameters(). Used as
 * the backward pass's gradient sink, so each parameter is updated as soon as its gradient exists.
 */
public final class Sgd implements GradientSink {
  private final double learningRate;
  private final double momentum;
  private final double weightDecay;
  private final Map<Parameter, Matrix> velocity = new IdentityHashMap<>();
  private boolean nonFinite;

  /** η, μ and λ, each finite and ≥ 0. */
  public Sgd(double learningRate, double momentum, double weightDecay) {
    if (!(learningRate >= 0) || !(momentum >= 0) || !(weightDecay >= 0)
        || Double.isInfinite(learningRate + momentum + weightDecay)) {
      throw new IllegalArgumentException("SGD needs finite lr, momentum, weight decay >= 0, got "
          + learningRate + ", " + momentum + ", " + weightDecay);
    }
    this.learningRate = learningRate;
    this.momentum = momentum;
    this.weightDecay = weightDecay;
  }

  @Override
  public void accept(int layer, Parameter parameter, Matrix gradient, int log2Scale) {
    double[] w = parameter.value().data;
    double[] g = gradient.data;
    double[] v = momentum > 0
        ? velocity.computeIfAbsent(parameter, p -> new Matrix(p.value().rows, p.value().cols)).data
        : null;
    for (int i = 0; i < w.length; i++) {
      double step = Math.scalb(g[i], log2Scale) + weightDecay * w[i];
      if (v != null) {
        v[i] = momentum * v[i] + step;
        step = v[i];
      }
      w[i] -= learningRate * step;
      if (!Double.isFinite(w[i])) {
        nonFinite = true;
      }
    }
  }

  /** True once any updated parameter became NaN or infinite. */
  public boolean sawNonFinite() {
    return nonFinite;
  }

  @Override
  public String toString() {
    return "sgd(lr=" + learningRate + ", momentum=" + momentum + ", weight_decay=" + weightDecay
        + ")";
  }
}

package sigprop.net;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum and L2 weight decay, as torch.optim.SGD:
 * v ← μ·v + (g + λ·w), w ← w − η·v, with v = 0 before the first step; the decay applies to every
 * parameter it is handed (weights, biases, γ, β), as torch's does to model.parameters(). Used as
 * the backward pass's gradient sink, so each parameter is updated as soon as its gradient exists.
 *
 * <p>The gradient arrives as g̃·2^s, and its true value may be beyond double's range while the
 * step η·(g + λ·w) is not (a small η): such a step is formed as η·g̃·2^s, the scale applied last,
 * and a velocity that would pass the range is kept as η·v from then on (v ← μ·v + η·(g + λ·w),
 * w ← w − v: the same step). Steps within the range take torch's formula, bit for bit; a step
 * truly beyond the range writes ±∞, which {@link #sawNonFinite} reports.
 */
public final class Sgd implements GradientSink {
  private final double learningRate;
  private final double momentum;
  private final double weightDecay;
  private final Map<Parameter, Velocity> velocity = new IdentityHashMap<>();
  private boolean nonFinite;

  /** One parameter's velocity: v, or η·v once v would have passed double's range. */
  private static final class Velocity {
    final double[] values;
    boolean timesLearningRate;

    Velocity(int size) {
      values = new double[size];
    }
  }

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
    Velocity v = momentum > 0
        ? velocity.computeIfAbsent(parameter, p -> new Velocity(w.length)) : null;
    for (int i = 0; i < w.length; i++) {
      double d = Math.scalb(g[i], log2Scale) + weightDecay * w[i];
      double next = v == null || v.timesLearningRate ? 0 : momentum * v.values[i] + d;
      if (v == null) {
        w[i] -= Double.isFinite(d) ? learningRate * d : step(g[i], log2Scale, w[i]);
      } else if (!v.timesLearningRate && Double.isFinite(next)) {
        v.values[i] = next;
        w[i] -= learningRate * next;
      } else {
        if (!v.timesLearningRate) {
          // v passes the range here: from now on this parameter keeps η·v, the entries
          // updated in this call included.
          for (int j = 0; j < v.values.length; j++) {
            v.values[j] *= learningRate;
          }
          v.timesLearningRate = true;
        }
        double u = momentum * v.values[i]
            + (Double.isFinite(d) ? learningRate * d : step(g[i], log2Scale, w[i]));
        v.values[i] = u;
        w[i] -= u;
      }
      if (!Double.isFinite(w[i])) {
        nonFinite = true;
      }
    }
  }

  /** η·(g̃·2^s + λ·w), whose terms may be ordinary doubles though g̃·2^s or λ·w are not. */
  private double step(double scaledGradient, int log2Scale, double w) {
    double decay = weightDecay * w;
    // λ·w past the range is at least 2^1024, so λ·w·2^-1100 is a normal double.
    double decayStep = Double.isFinite(decay) ? learningRate * decay
        : product(learningRate, product(weightDecay, w, -1100), 1100);
    return product(learningRate, scaledGradient, log2Scale) + decayStep;
  }

  /**
   * a·b·2^s, with no overflow or underflow on the way: the significands' product rounds once,
   * and the power of two is exact unless the result is subnormal. ±∞ and NaN stay so.
   */
  private static double product(double a, double b, int s) {
    int ea = Math.getExponent(a);
    int eb = Math.getExponent(b);
    return Math.scalb(Math.scalb(a, -ea) * Math.scalb(b, -eb), s + ea + eb);
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

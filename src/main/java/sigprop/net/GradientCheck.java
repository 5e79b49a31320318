package sigprop.net;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Compares backprop's parameter gradients with numerical ones on small networks, with relative
 * error |ga − gn| / max(1e-10, |ga| + |gn|). The numerical gradient is the fourth-order central
 * difference (−L(w+2h) + 8L(w+h) − 8L(w−h) + L(w−2h)) / 12h with h = 5e-4: its truncation error
 * (~h⁴) and its rounding error (~1e-16·|L|/h) are near 1e-13 absolute, so the relative errors it
 * reports, 4e-11 to 1e-8 at worst over the cases, are those of the numerical side on small
 * gradient entries (backprop itself agrees with an independent numpy implementation in extended
 * precision to ~5e-15, NumpyReferenceTest); the two-point formula cannot get below ~1e-8
 * relative on them. Over 2 values a norm's gradient is ε/(v+ε)-scaled (README, "The network"),
 * and a central difference cannot resolve it to 1e-7: such nets are not checked here.
 *
 * <p>A bias feeding a batch norm has gradient exactly 0 (the norm subtracts it again); backprop
 * gives rounding noise there (~1e-17), so such entries are checked to be below 1e-12 in absolute
 * value instead of by relative error.
 */
public final class GradientCheck {
  /** The error every case must stay below in double precision. */
  public static final double THRESHOLD = 1e-7;
  private static final double STEP = 5e-4;
  private static final double ZERO_GRADIENT = 1e-12;

  private GradientCheck() {}

  /** The worst relative error of one case and the parameter entry where it occurred. */
  public record Result(String name, double maxRelativeError, int entriesChecked, String worst) {
    /** Whether the case passes {@link #THRESHOLD}. */
    public boolean passed() {
      return maxRelativeError < THRESHOLD;
    }
  }

  /**
   * Checks every parameter entry of the network built from (spec, batch, seed) under the loss,
   * with an N(0, 1) input drawn from the same seed.
   */
  public static Result check(String name, NetworkSpec spec, int batch, long seed, LossType type) {
    return check(name, spec, batch, seed, type, false);
  }

  /**
   * As {@link #check(String, NetworkSpec, int, long, LossType)}; with {@code randomNorms} every
   * norm's γ is first drawn from U[0.5, 1.5] and β from N(0, 0.1²), so the check exercises γ and
   * β where they enter backprop (at their initial γ = 1, β = 0 a missing factor γ goes unseen).
   */
  public static Result check(String name, NetworkSpec spec, int batch, long seed, LossType type,
      boolean randomNorms) {
    Network net = Network.build(spec, batch, seed, PlainMatMul.INSTANCE);
    if (randomNorms) {
      randomizeNorms(net, seed);
    }
    Matrix x = new Matrix(batch, spec.inputWidth());
    RandomStreams.standardNormals(RandomStreams.of(seed, 0, Purpose.INPUT), x.data);
    Loss loss = type.create(batch, spec.classes(), RandomStreams.of(seed, 0, Purpose.TARGETS));

    Map<Parameter, Matrix> analytic = new IdentityHashMap<>();
    Matrix out = net.forward(x, Probe.NONE);
    Matrix g = new Matrix(out.rows, out.cols);
    int outputScale = loss.gradient(out, g);
    net.backward(g, outputScale, Probe.NONE, (layer, p, grad, scale) -> {
      Matrix copy = grad.copy();
      for (int i = 0; i < copy.data.length; i++) {
        copy.data[i] = Math.scalb(copy.data[i], scale);
      }
      analytic.put(p, copy);
    });

    Set<Parameter> invariantBias = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Layer layer : net.layers()) {
      if (layer.norm() != null && spec.norm() == Norm.BATCH
          && spec.placement() == NormPlacement.BEFORE_ACTIVATION) {
        invariantBias.add(layer.bias());
      }
    }
    double worst = 0;
    String where = "";
    int checked = 0;
    List<Parameter> params = net.parameters();
    for (int pi = 0; pi < params.size(); pi++) {
      Parameter p = params.get(pi);
      double[] w = p.value().data;
      for (int i = 0; i < w.length; i++) {
        double saved = w[i];
        double numeric = (-lossAt(net, x, loss, w, i, saved + 2 * STEP)
            + 8 * lossAt(net, x, loss, w, i, saved + STEP)
            - 8 * lossAt(net, x, loss, w, i, saved - STEP)
            + lossAt(net, x, loss, w, i, saved - 2 * STEP)) / (12 * STEP);
        w[i] = saved;
        double exact = analytic.get(p).data[i];
        double err = invariantBias.contains(p)
            ? (Math.abs(exact) < ZERO_GRADIENT && Math.abs(numeric) < ZERO_GRADIENT ? 0 : 1)
            : relativeError(exact, numeric);
        checked++;
        if (err > worst || Double.isNaN(err)) {
          worst = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err;
          where = "parameter #" + pi + " (" + p.name() + ") entry " + i + ": analytic " + exact
              + ", numeric " + numeric;
        }
      }
    }
    return new Result(name, worst, checked, where);
  }

  /** γ ~ U[0.5, 1.5], β ~ N(0, 0.1²) from a stream split off layer l's bias stream. */
  private static void randomizeNorms(Network net, long seed) {
    for (Layer layer : net.layers()) {
      if (layer.norm() != null) {
        SplittableRandom rng = RandomStreams.of(seed, layer.index(), Purpose.BIASES).split();
        double[] gamma = layer.norm().gamma().value().data;
        double[] beta = layer.norm().beta().value().data;
        for (int j = 0; j < gamma.length; j++) {
          gamma[j] = 0.5 + rng.nextDouble();
          beta[j] = 0.1 * rng.nextGaussian();
        }
      }
    }
  }

  private static double lossAt(Network net, Matrix x, Loss loss, double[] w, int i, double v) {
    w[i] = v;
    return loss.value(net.forward(x, Probe.NONE));
  }

  /** |a − n| / max(1e-10, |a| + |n|). */
  public static double relativeError(double analytic, double numeric) {
    return Math.abs(analytic - numeric) / Math.max(1e-10, Math.abs(analytic) + Math.abs(numeric));
  }

  /**
   * The standard suite: each activation, batch norm and layer norm in both placements (with
   * random γ and β), each loss, an explicit-width net and a deeper net; what {@code sigprop check}
   * runs.
   */
  public static List<Result> standardSuite() {
    List<Result> results = new ArrayList<>();
    InitSpec init = InitSpec.of(InitScheme.XAVIER_NORMAL);
    InitSpec bias = InitSpec.of(InitScheme.NORMAL, Map.of("std", 0.1));
    for (String name : Activations.names()) {
      Activation a = Activations.named(name, Map.of());
      NetworkSpec spec = new NetworkSpec(4, List.of(5, 4), a, Norm.NONE,
          NormPlacement.BEFORE_ACTIVATION, NetworkSpec.DEFAULT_EPS, init, bias, 3,
          StandardActivation.LINEAR);
      results.add(check("dense+" + name, spec, 4, 11, LossType.CROSS_ENTROPY));
    }
    for (Norm norm : Set.of(Norm.BATCH, Norm.LAYER).stream().sorted().toList()) {
      for (NormPlacement placement : NormPlacement.values()) {
        NetworkSpec spec = new NetworkSpec(4, List.of(5, 4), StandardActivation.TANH, norm,
            placement, NetworkSpec.DEFAULT_EPS, init, bias, 3, StandardActivation.LINEAR);
        results.add(check(norm.key() + "_norm " + placement.key(), spec, 6, 12,
            LossType.CROSS_ENTROPY, true));
      }
    }
    for (LossType type : LossType.values()) {
      NetworkSpec spec = new NetworkSpec(4, List.of(5), StandardActivation.TANH, Norm.NONE,
          NormPlacement.BEFORE_ACTIVATION, NetworkSpec.DEFAULT_EPS, init, bias, 3,
          StandardActivation.SIGMOID);
      results.add(check("loss " + type.key(), spec, 4, 13, type));
    }
    NetworkSpec widths = new NetworkSpec(6, List.of(5, 3, 2, 2), StandardActivation.TANH,
        Norm.BATCH, NormPlacement.BEFORE_ACTIVATION, NetworkSpec.DEFAULT_EPS, init, bias, 3,
        StandardActivation.LINEAR);
    results.add(check("widths [5,3,2,2] batch_norm", widths, 5, 14, LossType.CROSS_ENTROPY,
        true));
    NetworkSpec deep = NetworkSpec.uniform(4, 4, 12, StandardActivation.TANH, Norm.NONE,
        InitSpec.of(InitScheme.NORMAL), 3);
    results.add(check("deep tanh N(0,1) x12", deep, 4, 15, LossType.CROSS_ENTROPY));
    return results;
  }
}

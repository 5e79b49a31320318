package sigprop.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A fully-connected network: hidden layers 1..L and an output head L+1, built from a
 * {@link NetworkSpec} and a seed. Forward keeps one batch × width tensor per layer (z, packed in
 * {@link KeptTensors}); backward recomputes everything else from it, one layer at a time. The
 * weights are kept, or with {@link WeightMode#REDRAWN} drawn again from their seeded streams at
 * each use, which halves the memory of a pass at initialization and gives the same bits.
 *
 * <p>Backward carries the gradient as g̃·2^scale: whenever |g̃|'s largest exponent leaves
 * ±{@value #DEFAULT_RESCALE_EXPONENT}, g̃ is rescaled by an exact power of two, so gradients that
 * grow or shrink by hundreds of decades through depth never overflow or flush to zero, and the
 * arithmetic is otherwise unchanged.
 */
public final class Network {
  /** The binary exponent beyond which backprop rescales its gradient. */
  public static final int DEFAULT_RESCALE_EXPONENT = 64;

  private final NetworkSpec spec;
  private final int batch;
  private final MatMul mm;
  private final List<Layer> layers;
  private final WeightMode weightMode;
  private final KeptTensors kept;
  private final Scratch scratch = new Scratch();
  private int rescaleExponent = DEFAULT_RESCALE_EXPONENT;
  private Matrix input;

  private Network(NetworkSpec spec, int batch, MatMul mm, WeightMode weightMode,
      KeptTensors kept, List<Layer> layers) {
    this.spec = spec;
    this.batch = batch;
    this.mm = mm;
    this.weightMode = weightMode;
    this.kept = kept;
    this.layers = layers;
  }

  /**
   * Builds the network for batches of {@code batch} examples; layer l's weights come from the
   * stream (seed, l, WEIGHTS) and its biases from (seed, l, BIASES). With {@link
   * WeightMode#REDRAWN} the weights are not kept but drawn from that stream at each use.
   */
  public static Network build(NetworkSpec spec, int batch, long seed, MatMul mm,
      WeightMode weightMode) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    int depth = spec.depth();
    int[] keptLengths = new int[depth + 1];
    for (int l = 1; l <= depth + 1; l++) {
      keptLengths[l - 1] = Math.multiplyExact(batch, spec.width(l));
    }
    KeptTensors kept = new KeptTensors(keptLengths);
    List<Layer> layers = new ArrayList<>();
    for (int l = 1; l <= depth + 1; l++) {
      int fanIn = spec.width(l - 1);
      int fanOut = spec.width(l);
      Matrix w = null;
      if (weightMode == WeightMode.KEPT) {
        w = new Matrix(fanIn, fanOut);
        spec.weightInit().fill(w, RandomStreams.of(seed, l, Purpose.WEIGHTS));
      }
      Matrix b = new Matrix(1, fanOut);
      spec.biasInit().fill(b, RandomStreams.of(seed, l, Purpose.BIASES));
      boolean hidden = l <= depth;
      NormLayer norm = hidden && spec.norm() != Norm.NONE
          ? new NormLayer(spec.norm(), batch, fanOut, spec.normEps()) : null;
      Activation act = hidden ? spec.activation() : spec.outputActivation();
      layers.add(new Layer(l, batch, fanIn, fanOut, w, spec.weightInit(), seed, b, act, norm,
          spec.placement(), kept));
    }
    return new Network(spec, batch, mm, weightMode, kept,
        Collections.unmodifiableList(layers));
  }

  /** Builds with kept weights. */
  public static Network build(NetworkSpec spec, int batch, long seed, MatMul mm) {
    return build(spec, batch, seed, mm, WeightMode.KEPT);
  }

  /** Builds with kept weights and the fastest available kernel. */
  public static Network build(NetworkSpec spec, int batch, long seed) {
    return build(spec, batch, seed, MatMuls.best());
  }

  /** The spec the network was built from. */
  public NetworkSpec spec() {
    return spec;
  }

  /** Examples per forward and backward pass. */
  public int batch() {
    return batch;
  }

  /** Whether the weights are kept or redrawn at each use. */
  public WeightMode weightMode() {
    return weightMode;
  }

  /** Hidden layers then the output head, index l at position l − 1. */
  public List<Layer> layers() {
    return layers;
  }

  /** Every learnable parameter with its layer, in a fixed order; only with kept weights. */
  public List<Parameter> parameters() {
    requireKeptWeights("parameters()");
    List<Parameter> ps = new ArrayList<>();
    for (Layer layer : layers) {
      ps.add(layer.weight());
      ps.add(layer.bias());
      if (layer.norm() != null) {
        ps.add(layer.norm().gamma());
        ps.add(layer.norm().beta());
      }
    }
    return ps;
  }

  /** For tests: the exponent beyond which backprop rescales (0 = rescale at every layer). */
  void setRescaleExponent(int exponent) {
    this.rescaleExponent = exponent;
  }

  /**
   * Forward pass of a batch × n₀ input; returns the head's output (batch × classes), a buffer
   * owned by the network and valid until the next pass. The probe sees every site in order.
   */
  public Matrix forward(Matrix x, Probe probe) {
    if (x.rows != batch || x.cols != spec.inputWidth()) {
      throw new IllegalArgumentException("input is " + x.rows + "x" + x.cols + ", network expects "
          + batch + "x" + spec.inputWidth());
    }
    requireUnreleased();
    input = x;
    Matrix in = x;
    for (Layer layer : layers) {
      int l = layer.index();
      int n = layer.fanOut();
      Matrix mid = scratch.get(batch, n, slot(l, Scratch.MID_A, Scratch.MID_B));
      Matrix out = scratch.get(batch, n, slot(l, Scratch.OUT_A, Scratch.OUT_B));
      Matrix deriv = scratch.get(batch, n, slot(l, Scratch.DERIV_A, Scratch.DERIV_B));
      layer.forward(in, mid, out, deriv, scratch, mm, probe);
      in = out;
    }
    return in;
  }

  /** Backward with {@code gradOutput} = ∂L/∂output at its true size (scale 0). */
  public int backward(Matrix gradOutput, Probe probe, GradientSink sink) {
    return backward(gradOutput, 0, probe, sink);
  }

  /**
   * Backward pass after {@link #forward}: {@code gradOutput}·2^{@code log2Scale} = ∂L/∂output
   * (the scale {@link Loss#gradient} returns; gradOutput is not changed). Parameter gradients go
   * to the sink top layer first; returns the binary scale of the last gradient handed out. A
   * network that redraws its weights takes only {@link GradientSink#NONE}: its weights cannot be
   * updated.
   */
  public int backward(Matrix gradOutput, int log2Scale, Probe probe, GradientSink sink) {
    requireUnreleased();
    if (input == null) {
      throw new IllegalStateException("backward before forward");
    }
    if (sink != GradientSink.NONE) {
      requireKeptWeights("backward with a gradient sink");
    }
    int top = layers.size();
    Matrix g = gradOutput;
    int scale = log2Scale;
    // The head takes the loss's gradient as it is (rescaled like a layer's output gradient it
    // moved the powers of two carried below, and with them the subnormal tails of ordinary
    // deep MSE cells' gradient records), unless it lies within 2^64 of double's range edges
    // (an MSE gradient handed over in units of 4, near 1e308). A product of the head that
    // leaves the range (2(o − t) near 1e154 times weights near 1e154) is formed again by Layer.
    int e = edgeExponent(gradOutput);
    if (e != 0) {
      g = scratch.get(gradOutput.rows, gradOutput.cols, Scratch.SCALED_OUTPUT_GRADIENT);
      scaleInto(gradOutput, e, g);
      scale += e;
    }
    Buffers current = recompute(top);
    for (int l = top; l >= 1; l--) {
      Layer layer = layers.get(l - 1);
      Matrix in = input;
      Buffers below = null;
      Matrix gIn = null;
      if (l > 1) {
        below = recompute(l - 1);
        in = below.out;
        gIn = scratch.get(batch, layers.get(l - 2).fanOut(),
            slot(l, Scratch.GRAD_A, Scratch.GRAD_B));
      }
      int inputScale =
          layer.backward(in, current.mid, current.deriv, g, scale, gIn, scratch, mm, probe, sink);
      if (gIn != null) {
        int gInExponent = exponentToRescale(gIn);
        scaleInto(gIn, gInExponent, gIn);
        scale += inputScale + gInExponent;
        g = gIn;
        current = below;
      }
    }
    return scale;
  }

  /**
   * Gives the kept tensors' memory to the next network built in this JVM (a sweep's cells
   * would otherwise each allocate it afresh, see {@link SlabPool}); this network's passes fail
   * afterwards. Idempotent.
   */
  public void release() {
    kept.release();
  }

  /** For tests: the scratch buffers. */
  Scratch scratch() {
    return scratch;
  }

  /** For tests: the kept tensors. */
  KeptTensors kept() {
    return kept;
  }

  private void requireUnreleased() {
    if (kept.released()) {
      throw new IllegalStateException("this network was released");
    }
  }

  /** The recomputed intermediate, output and φ′ of one layer. */
  private record Buffers(Matrix mid, Matrix out, Matrix deriv) {}

  private Buffers recompute(int l) {
    int n = layers.get(l - 1).fanOut();
    Buffers b = new Buffers(scratch.get(batch, n, slot(l, Scratch.MID_A, Scratch.MID_B)),
        scratch.get(batch, n, slot(l, Scratch.OUT_A, Scratch.OUT_B)),
        scratch.get(batch, n, slot(l, Scratch.DERIV_A, Scratch.DERIV_B)));
    layers.get(l - 1).recompute(b.mid, b.out, b.deriv);
    return b;
  }

  /** Odd layers use slot a, even ones slot b, so a layer and the one below never share. */
  private static int slot(int layer, int a, int b) {
    return (layer & 1) == 1 ? a : b;
  }

  private void requireKeptWeights(String what) {
    if (weightMode != WeightMode.KEPT) {
      throw new IllegalStateException(what + " needs kept weights, but this network redraws"
          + " them at each use (WeightMode." + weightMode + ")");
    }
  }

  /** The largest exponent e of g's values when it is beyond the threshold, else 0. */
  private int exponentToRescale(Matrix g) {
    int e = Layer.largestExponent(g);
    // zero or non-finite: nothing a power of two can fix
    return e == Integer.MIN_VALUE || Math.abs(e) <= rescaleExponent ? 0 : e;
  }

  /**
   * The largest exponent e of g's values when it lies within 2^{@value #DEFAULT_RESCALE_EXPONENT}
   * of double's range edges (beyond about 1e289 or below 1e-288), else 0.
   */
  private static int edgeExponent(Matrix g) {
    int e = Layer.largestExponent(g);
    return e != Integer.MIN_VALUE && (e > Double.MAX_EXPONENT - DEFAULT_RESCALE_EXPONENT
        || e < Double.MIN_EXPONENT + DEFAULT_RESCALE_EXPONENT) ? e : 0;
  }

  /** to = from·2^-e (the same matrix or one of its shape); nothing to do for e = 0. */
  private static void scaleInto(Matrix from, int e, Matrix to) {
    if (e == 0) {
      return;
    }
    // 2^-e is exactly a double for every exponent e of a nonzero double (−1023..1023), and
    // v·2^-e rounds once, to the bits of Math.scalb(v, -e), in a loop that vectorizes.
    double factor = Math.scalb(1.0, -e);
    double[] s = from.data;
    double[] d = to.data;
    for (int i = 0; i < d.length; i++) {
      d[i] = s[i] * factor;
    }
  }

  /** Doubles held by kept tensors, weights and biases, and scratch, for memory reports. */
  public long doublesHeld() {
    long n = scratch.doubles() + kept.doubles();
    for (Layer layer : layers) {
      n += layer.fanOut();
      if (layer.weightsKept()) {
        n += (long) layer.fanIn() * layer.fanOut();
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "Network(depth=" + spec.depth() + ", batch=" + batch + ", kernel=" + mm.name()
        + ", weights " + weightMode.name().toLowerCase(Locale.ROOT) + ")";
  }
}

package sigprop.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A fully-connected network: hidden layers 1..L and an output head L+1, built from a
 * {@link NetworkSpec} and a seed. Forward keeps one batch × width tensor per layer (z); backward
 * recomputes everything else from it, one layer at a time.
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
  private final Scratch scratch = new Scratch();
  private int rescaleExponent = DEFAULT_RESCALE_EXPONENT;
  private Matrix input;

  private Network(NetworkSpec spec, int batch, MatMul mm, List<Layer> layers) {
    this.spec = spec;
    this.batch = batch;
    this.mm = mm;
    this.layers = layers;
  }

  /**
   * Builds the network for batches of {@code batch} examples; layer l's weights come from the
   * stream (seed, l, WEIGHTS) and its biases from (seed, l, BIASES).
   */
  public static Network build(NetworkSpec spec, int batch, long seed, MatMul mm) {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + batch);
    }
    List<Layer> layers = new ArrayList<>();
    int depth = spec.depth();
    for (int l = 1; l <= depth + 1; l++) {
      Matrix w = new Matrix(spec.width(l - 1), spec.width(l));
      spec.weightInit().fill(w, RandomStreams.of(seed, l, Purpose.WEIGHTS));
      Matrix b = new Matrix(1, spec.width(l));
      spec.biasInit().fill(b, RandomStreams.of(seed, l, Purpose.BIASES));
      boolean hidden = l <= depth;
      NormLayer norm = hidden && spec.norm() != Norm.NONE
          ? new NormLayer(spec.norm(), batch, spec.width(l), spec.normEps()) : null;
      Activation act = hidden ? spec.activation() : spec.outputActivation();
      layers.add(new Layer(l, batch, w, b, act, norm, spec.placement()));
    }
    return new Network(spec, batch, mm, Collections.unmodifiableList(layers));
  }

  /** Builds with the fastest available kernel. */
  public static Network build(NetworkSpec spec, int batch, long seed) {
    return build(spec, batch, seed, MatMuls.best());
  }

  public NetworkSpec spec() {
    return spec;
  }

  public int batch() {
    return batch;
  }

  /** Hidden layers then the output head, index l at position l − 1. */
  public List<Layer> layers() {
    return layers;
  }

  /** Every learnable parameter with its layer, in a fixed order. */
  public List<Parameter> parameters() {
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
    input = x;
    Matrix in = x;
    for (Layer layer : layers) {
      boolean odd = (layer.index() & 1) == 1;
      Matrix mid = scratch.get(batch, layer.fanOut(), odd ? Scratch.MID_A : Scratch.MID_B);
      Matrix out = scratch.get(batch, layer.fanOut(), odd ? Scratch.OUT_A : Scratch.OUT_B);
      layer.forward(in, mid, out, mm, probe);
      in = out;
    }
    return in;
  }

  /**
   * Backward pass after {@link #forward}: {@code gradOutput} = ∂L/∂output. Parameter gradients go
   * to the sink top layer first; returns the binary scale of the last gradient handed out.
   */
  public int backward(Matrix gradOutput, Probe probe, GradientSink sink) {
    if (input == null) {
      throw new IllegalStateException("backward before forward");
    }
    int top = layers.size();
    Matrix g = gradOutput;
    int scale = 0;
    Matrix mid = scratch.get(batch, layers.get(top - 1).fanOut(), recomputeSlot(top, true));
    Matrix out = scratch.get(batch, layers.get(top - 1).fanOut(), recomputeSlot(top, false));
    layers.get(top - 1).recompute(mid, out);
    for (int l = top; l >= 1; l--) {
      Layer layer = layers.get(l - 1);
      Matrix in = input;
      Matrix prevMid = null;
      Matrix gIn = null;
      if (l > 1) {
        Layer below = layers.get(l - 2);
        prevMid = scratch.get(batch, below.fanOut(), recomputeSlot(l - 1, true));
        in = scratch.get(batch, below.fanOut(), recomputeSlot(l - 1, false));
        below.recompute(prevMid, in);
        gIn = scratch.get(batch, below.fanOut(), (l & 1) == 1 ? Scratch.GRAD_A : Scratch.GRAD_B);
      }
      layer.backward(in, mid, out, g, scale, gIn, scratch, mm, probe, sink);
      if (gIn != null) {
        scale += rescale(gIn);
        g = gIn;
        mid = prevMid;
        out = in;
      }
    }
    return scale;
  }

  private static int recomputeSlot(int layer, boolean mid) {
    boolean odd = (layer & 1) == 1;
    if (mid) {
      return odd ? Scratch.MID_A : Scratch.MID_B;
    }
    return odd ? Scratch.OUT_A : Scratch.OUT_B;
  }

  /** Divides g by 2^e when its largest exponent e is beyond the threshold; returns e or 0. */
  private int rescale(Matrix g) {
    double max = 0;
    for (double v : g.data) {
      max = Math.max(max, Math.abs(v));
    }
    if (!(max > 0) || Double.isInfinite(max)) {
      return 0; // zero or non-finite: nothing a power of two can fix
    }
    int e = Math.getExponent(max);
    if (Math.abs(e) <= rescaleExponent) {
      return 0;
    }
    for (int i = 0; i < g.data.length; i++) {
      g.data[i] = Math.scalb(g.data[i], -e);
    }
    return e;
  }

  /** Doubles held by kept activations and weights and scratch, for memory reports. */
  public long doublesHeld() {
    long n = scratch.doubles();
    for (Layer layer : layers) {
      n += (long) batch * layer.fanOut() + (long) layer.fanIn() * layer.fanOut() + layer.fanOut();
    }
    return n;
  }

  @Override
  public String toString() {
    return "Network(depth=" + spec.depth() + ", batch=" + batch + ", kernel=" + mm.name() + ")";
  }
}

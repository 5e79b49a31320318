package sigprop.report;

import java.util.Arrays;
import java.util.Objects;

/**
 * One labelled line of y against x (usually layer), with an optional band lo..hi at each point,
 * e.g. mean ± sd over seeds or a 95% confidence interval. NaN marks a point with no value.
 */
public final class Curve {
  private final String label;
  private final double[] x;
  private final double[] y;
  private final double[] lo;
  private final double[] hi;

  private Curve(String label, double[] x, double[] y, double[] lo, double[] hi) {
    this.label = Objects.requireNonNull(label, "label");
    if (label.isBlank()) {
      throw new IllegalArgumentException("a curve needs a label for its legend entry");
    }
    this.x = x.clone();
    this.y = y.clone();
    this.lo = lo == null ? null : lo.clone();
    this.hi = hi == null ? null : hi.clone();
    checkLength("y", y);
    if (x.length == 0) {
      throw new IllegalArgumentException("curve '" + label + "' has no points");
    }
    if (lo != null) {
      checkLength("lo", lo);
      checkLength("hi", hi);
    }
    for (double value : x) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("curve '" + label + "': x values must be finite, got "
            + Arrays.toString(x));
      }
    }
  }

  /** A curve through (x[i], y[i]). */
  public static Curve of(String label, double[] x, double[] y) {
    return new Curve(label, x, y, null, null);
  }

  /** A curve through (layer[i], y[i]). */
  public static Curve of(String label, long[] layers, double[] y) {
    return of(label, Arrays.stream(layers).asDoubleStream().toArray(), y);
  }

  /** This curve with a band from lo[i] to hi[i] drawn behind it in its colour. */
  public Curve withBand(double[] lo, double[] hi) {
    Objects.requireNonNull(lo, "lo");
    Objects.requireNonNull(hi, "hi");
    return new Curve(label, x, y, lo, hi);
  }

  /** The legend entry. */
  public String label() {
    return label;
  }

  /** The number of points. */
  public int size() {
    return x.length;
  }

  /** A copy of the x values. */
  public double[] x() {
    return x.clone();
  }

  /** A copy of the y values. */
  public double[] y() {
    return y.clone();
  }

  /** Whether a band was given. */
  public boolean hasBand() {
    return lo != null;
  }

  /** A copy of the band's lower edge; throws if there is no band. */
  public double[] lo() {
    return band(lo);
  }

  /** A copy of the band's upper edge; throws if there is no band. */
  public double[] hi() {
    return band(hi);
  }

  private double[] band(double[] edge) {
    if (edge == null) {
      throw new IllegalStateException("curve '" + label + "' has no band");
    }
    return edge.clone();
  }

  private void checkLength(String name, double[] values) {
    Objects.requireNonNull(values, name);
    if (values.length != x.length) {
      throw new IllegalArgumentException("curve '" + label + "': " + name + " has "
          + values.length + " values for " + x.length + " x values");
    }
  }

  @Override
  public String toString() {
    return "Curve[" + label + ", " + x.length + " points" + (hasBand() ? ", band]" : "]");
  }
}

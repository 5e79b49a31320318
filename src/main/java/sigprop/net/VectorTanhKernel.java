package sigprop.net;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Tanh} on Vector API lanes: the same operations in the same order, so the same bits as
 * the scalar functions (both branches are computed and blended, where the scalar code picks one).
 * Elementwise only, so the vector width cannot change a result. Needs the
 * {@code jdk.incubator.vector} module; use {@link TanhKernels#best()}.
 */
final class VectorTanhKernel implements TanhKernel {
  private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
  private static final int VL = SPECIES.length();

  /** A kernel; stateless. */
  VectorTanhKernel() {}

  @Override
  public void tanh(double[] x, int xOff, double[] y, int yOff, int n) {
    int i = 0;
    for (; i <= n - VL; i += VL) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, x, xOff + i);
      DoubleVector ax = v.abs();
      DoubleVector e = exp(ax.mul(-2.0));
      tanh(v, ax, e).intoArray(y, yOff + i);
    }
    ScalarTanhKernel.INSTANCE.tanh(x, xOff + i, y, yOff + i, n - i);
  }

  @Override
  public void tanhWithDerivative(double[] x, int xOff, double[] y, int yOff, double[] d,
      int dOff, int n) {
    int i = 0;
    for (; i <= n - VL; i += VL) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, x, xOff + i);
      DoubleVector ax = v.abs();
      DoubleVector e = exp(ax.mul(-2.0));
      DoubleVector t = tanh(v, ax, e);
      t.intoArray(y, yOff + i);
      // Tanh.derivative: 1 − y² where |y| < 1/2, else 4e/(1 + e)² with the same e.
      DoubleVector near = one().sub(t.mul(t));
      DoubleVector e1 = e.add(1.0);
      DoubleVector far = e.mul(4.0).div(e1.mul(e1));
      far.blend(near, t.abs().lt(0.5)).intoArray(d, dOff + i);
    }
    ScalarTanhKernel.INSTANCE.tanhWithDerivative(x, xOff + i, y, yOff + i, d, dOff + i, n - i);
  }

  @Override
  public String name() {
    return "vector";
  }

  /** Tanh.tanh given |x| and e = exp(−2|x|). */
  private static DoubleVector tanh(DoubleVector x, DoubleVector ax, DoubleVector e) {
    DoubleVector far = one().sub(e.mul(2.0).div(e.add(1.0)));
    DoubleVector near = rational(ax);
    DoubleVector v = far.blend(near, ax.lt(Tanh.RATIONAL_LIMIT));
    LongVector sign = x.reinterpretAsLongs().and(Tanh.SIGN_BIT);
    return v.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
  }

  private static DoubleVector one() {
    return broadcast(1.0);
  }

  private static DoubleVector broadcast(double v) {
    return DoubleVector.broadcast(SPECIES, v);
  }

  /** Tanh.rational. */
  private static DoubleVector rational(DoubleVector x) {
    DoubleVector z = x.mul(x);
    DoubleVector p = z.fma(Tanh.P0, Tanh.P1).fma(z, broadcast(Tanh.P2));
    DoubleVector q = z.add(Tanh.Q0).fma(z, broadcast(Tanh.Q1)).fma(z, broadcast(Tanh.Q2));
    return x.mul(z).fma(p.div(q), x);
  }

  /** Tanh.expOfNonPositive. */
  private static DoubleVector exp(DoubleVector a) {
    VectorMask<Double> low = a.lt(Tanh.EXP_FLOOR);
    DoubleVector c = a.blend(Tanh.EXP_FLOOR, low);
    DoubleVector t = c.fma(Tanh.INV_LN2, Tanh.SHIFTER);
    DoubleVector kd = t.sub(Tanh.SHIFTER);
    LongVector k = t.reinterpretAsLongs().sub(Tanh.SHIFTER_BITS);
    DoubleVector r = kd.fma(broadcast(-Tanh.LN2_HI), c);
    r = kd.fma(broadcast(-Tanh.LN2_LO), r);
    double[] coefficients = Tanh.EXP_TAYLOR;
    DoubleVector p = broadcast(coefficients[13]);
    for (int n = 12; n >= 0; n--) {
      p = p.fma(r, broadcast(coefficients[n]));
    }
    LongVector k1 = k.lanewise(VectorOperators.ASHR, 1);
    LongVector k2 = k.sub(k1);
    DoubleVector s1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    DoubleVector s2 = k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    return p.mul(s1).mul(s2);
  }
}

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
  // Constants as vectors once (C2 keeps static final vectors in registers across the loop).
  private static final DoubleVector ONE = broadcast(1.0);
  private static final DoubleVector FLOOR = broadcast(Tanh.EXP_FLOOR);
  private static final DoubleVector INV_LN2 = broadcast(Tanh.INV_LN2);
  private static final DoubleVector SHIFTER = broadcast(Tanh.SHIFTER);
  private static final DoubleVector MINUS_LN2_HI = broadcast(-Tanh.LN2_HI);
  private static final DoubleVector MINUS_LN2_LO = broadcast(-Tanh.LN2_LO);
  private static final DoubleVector P0 = broadcast(Tanh.P0);
  private static final DoubleVector P1 = broadcast(Tanh.P1);
  private static final DoubleVector P2 = broadcast(Tanh.P2);
  private static final DoubleVector Q0 = broadcast(Tanh.Q0);
  private static final DoubleVector Q1 = broadcast(Tanh.Q1);
  private static final DoubleVector Q2 = broadcast(Tanh.Q2);
  private static final DoubleVector C0 = taylor(0);
  private static final DoubleVector C1 = taylor(1);
  private static final DoubleVector C2 = taylor(2);
  private static final DoubleVector C3 = taylor(3);
  private static final DoubleVector C4 = taylor(4);
  private static final DoubleVector C5 = taylor(5);
  private static final DoubleVector C6 = taylor(6);
  private static final DoubleVector C7 = taylor(7);
  private static final DoubleVector C8 = taylor(8);
  private static final DoubleVector C9 = taylor(9);
  private static final DoubleVector C10 = taylor(10);
  private static final DoubleVector C11 = taylor(11);
  private static final DoubleVector C12 = taylor(12);
  private static final DoubleVector C13 = taylor(13);

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
      DoubleVector near = ONE.sub(t.mul(t));
      DoubleVector e1 = e.add(ONE);
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
    DoubleVector far = ONE.sub(e.mul(2.0).div(e.add(ONE)));
    DoubleVector near = rational(ax);
    DoubleVector v = far.blend(near, ax.lt(Tanh.RATIONAL_LIMIT));
    LongVector sign = x.reinterpretAsLongs().and(Tanh.SIGN_BIT);
    return v.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
  }

  /** Tanh.rational. */
  private static DoubleVector rational(DoubleVector x) {
    DoubleVector z = x.mul(x);
    DoubleVector p = z.fma(P0, P1).fma(z, P2);
    DoubleVector q = z.add(Q0).fma(z, Q1).fma(z, Q2);
    return x.mul(z).fma(p.div(q), x);
  }

  /** Tanh.expOfNonPositive, the Taylor polynomial unrolled. */
  private static DoubleVector exp(DoubleVector a) {
    DoubleVector c = a.blend(FLOOR, a.lt(Tanh.EXP_FLOOR));
    DoubleVector t = c.fma(INV_LN2, SHIFTER);
    DoubleVector kd = t.sub(SHIFTER);
    LongVector k = t.reinterpretAsLongs().sub(Tanh.SHIFTER_BITS);
    DoubleVector r = kd.fma(MINUS_LN2_HI, c);
    r = kd.fma(MINUS_LN2_LO, r);
    DoubleVector p = C13.fma(r, C12).fma(r, C11).fma(r, C10).fma(r, C9).fma(r, C8).fma(r, C7)
        .fma(r, C6).fma(r, C5).fma(r, C4).fma(r, C3).fma(r, C2).fma(r, C1).fma(r, C0);
    LongVector k1 = k.lanewise(VectorOperators.ASHR, 1);
    LongVector k2 = k.sub(k1);
    DoubleVector s1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    DoubleVector s2 = k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    return p.mul(s1).mul(s2);
  }

  private static DoubleVector broadcast(double v) {
    return DoubleVector.broadcast(SPECIES, v);
  }

  private static DoubleVector taylor(int n) {
    return broadcast(Tanh.EXP_TAYLOR[n]);
  }
}

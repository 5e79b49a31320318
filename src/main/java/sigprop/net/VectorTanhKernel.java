package sigprop.net;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
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
    int done = lanes(x, xOff, y, yOff, null, 0, n);
    ScalarTanhKernel.INSTANCE.tanh(x, xOff + done, y, yOff + done, n - done);
  }

  @Override
  public void tanhWithDerivative(double[] x, int xOff, double[] y, int yOff, double[] d,
      int dOff, int n) {
    int done = lanes(x, xOff, y, yOff, d, dOff, n);
    ScalarTanhKernel.INSTANCE.tanhWithDerivative(x, xOff + done, y, yOff + done, d, dOff + done,
        n - done);
  }

  @Override
  public String name() {
    return "vector";
  }

  /**
   * Tanh.tanh (and Tanh.derivative into d unless d is null) of the whole vectors of x; returns
   * how many values it did. One loop body with no calls but the Vector API's own (all force-
   * inlined): C2 declines to inline a helper of ours from a call site it deems cold, and then
   * every vector crossing that call is boxed and every operation on it runs the slow Java
   * fallback (measured here inside Spark executors: 3x slower than this loop).
   */
  private static int lanes(double[] x, int xOff, double[] y, int yOff, double[] d, int dOff,
      int n) {
    int i = 0;
    for (; i <= n - VL; i += VL) {
      DoubleVector v = DoubleVector.fromArray(SPECIES, x, xOff + i);
      DoubleVector ax = v.abs();
      // e = Tanh.expOfNonPositive(−2|x|): Cody–Waite reduction, the Taylor polynomial unrolled,
      // and the scale 2^k applied as two factors so neither overflows.
      DoubleVector a = ax.mul(-2.0);
      DoubleVector c = a.blend(FLOOR, a.lt(Tanh.EXP_FLOOR));
      DoubleVector s = c.fma(INV_LN2, SHIFTER);
      DoubleVector kd = s.sub(SHIFTER);
      LongVector k = s.reinterpretAsLongs().sub(Tanh.SHIFTER_BITS);
      DoubleVector r = kd.fma(MINUS_LN2_HI, c);
      r = kd.fma(MINUS_LN2_LO, r);
      DoubleVector p = C13.fma(r, C12).fma(r, C11).fma(r, C10).fma(r, C9).fma(r, C8)
          .fma(r, C7).fma(r, C6).fma(r, C5).fma(r, C4).fma(r, C3).fma(r, C2).fma(r, C1)
          .fma(r, C0);
      LongVector k1 = k.lanewise(VectorOperators.ASHR, 1);
      LongVector k2 = k.sub(k1);
      DoubleVector s1 = k1.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
      DoubleVector s2 = k2.add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
      DoubleVector e = p.mul(s1).mul(s2);
      // Tanh.tanh: Tanh.saturating(e) far from 0, Tanh.rational(|x|) near it, x's sign.
      DoubleVector far = ONE.sub(e.mul(2.0).div(e.add(ONE)));
      DoubleVector z = ax.mul(ax);
      DoubleVector pz = z.fma(P0, P1).fma(z, P2);
      DoubleVector qz = z.add(Q0).fma(z, Q1).fma(z, Q2);
      DoubleVector near = ax.mul(z).fma(pz.div(qz), ax);
      LongVector sign = v.reinterpretAsLongs().and(Tanh.SIGN_BIT);
      DoubleVector t = far.blend(near, ax.lt(Tanh.RATIONAL_LIMIT)).reinterpretAsLongs().or(sign)
          .reinterpretAsDoubles();
      t.intoArray(y, yOff + i);
      if (d != null) {
        // Tanh.derivative: 1 − y² where |y| < 1/2, else 4e/(1 + e)² with the same e.
        DoubleVector nearD = ONE.sub(t.mul(t));
        DoubleVector e1 = e.add(ONE);
        DoubleVector farD = e.mul(4.0).div(e1.mul(e1));
        farD.blend(nearD, t.abs().lt(0.5)).intoArray(d, dOff + i);
      }
    }
    return i;
  }

  private static DoubleVector broadcast(double v) {
    return DoubleVector.broadcast(SPECIES, v);
  }

  private static DoubleVector taylor(int n) {
    return broadcast(Tanh.EXP_TAYLOR[n]);
  }
}

package sigprop.summary;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.commons.math3.distribution.TDistribution;

/** Two-sided 95 % critical values of Student's t distribution, t(0.975; df), memoized. */
public final class StudentT {
  private static final ConcurrentMap<Integer, Double> CRITICAL95 = new ConcurrentHashMap<>();
  /** Absolute accuracy of the inverse CDF's solver: the critical values are 2 to 13. */
  private static final double INVERSE_ACCURACY = 1e-15;

  private StudentT() {}

  /** t(0.975; df) for df ≥ 1: 12.706 at df 1, 4.303 at df 2, 1.960 as df → ∞. */
  public static double critical95(int degreesOfFreedom) {
    if (degreesOfFreedom < 1) {
      throw new IllegalArgumentException("degrees of freedom must be >= 1, got "
          + degreesOfFreedom);
    }
    // The inverse CDF iterates; a summary asks for the same few df thousands of times. Its
    // default accuracy (1e-9 absolute) put t(0.975; 3) 1.3e-10 relative off R's qt and scipy's
    // t.ppf, which a reader checking a bound sees in the CSV's full-precision doubles.
    return CRITICAL95.computeIfAbsent(degreesOfFreedom,
        df -> new TDistribution(null, df, INVERSE_ACCURACY).inverseCumulativeProbability(0.975));
  }
}

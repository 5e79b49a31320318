package sigprop.report;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * The shortest decimal that reads back as the same double, laid out as {@link Double#toString}
 * lays it out ({@code 0.001}..{@code 9999999.0} plain, else {@code 1.0E-5}). JDK 19 and later
 * print exactly this (JDK-4511638); JDK 17 sometimes prints more digits than needed, e.g.
 * {@code 1.9999999999999998E23} for {@code 2e23}. Jackson's port of the Schubfach algorithm,
 * the one JDK 19 adopted, gives the JDK 19 text on every JDK, about 0.1 µs a value (jackson-core
 * comes with Spark). The earlier hand-written shortening over BigDecimal gave the same text for
 * two million random doubles but took 1.1 µs, three quarters of a large summary's CSV time.
 */
final class ShortestDouble {
  private ShortestDouble() {}

  /** The text of a finite double; throws for NaN and infinities. */
  static String format(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("not finite: " + x);
    }
    return NumberOutput.toString(x, true);
  }
}

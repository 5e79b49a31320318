package sigprop.stats;

/**
 * One slot of a histogram as an output row: its kind ("bin", "underflow", "overflow", "tiny",
 * "huge", "zero"), side (−1/0/+1 for log bins, 0 for linear), edges on the spec's axis (value, or
 * log10|value| for log bins), count, and density = count/(total·(upper − lower)): per unit value
 * for linear bins, per decade for log bins; NaN for slots without a finite width.
 */
public record HistogramBin(
    int slot, String kind, int sign, double lower, double upper, long count, double density) {}

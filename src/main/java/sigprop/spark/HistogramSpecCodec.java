package sigprop.spark;

import sigprop.stats.HistogramSpec;
import sigprop.stats.LinearBins;
import sigprop.stats.LogBins;

/**
 * Writes a histogram's bin layout as one text column and reads it back: {@code linear:lo:hi:bins}
 * or {@code log:minDecade:maxDecade:binsPerDecade}; equal text means equal, mergeable bins.
 */
public final class HistogramSpecCodec {
  private HistogramSpecCodec() {}

  /** The text form. */
  public static String encode(HistogramSpec spec) {
    if (spec instanceof LinearBins l) {
      return "linear:" + l.lo() + ":" + l.hi() + ":" + l.bins();
    }
    LogBins g = (LogBins) spec;
    return "log:" + g.minDecade() + ":" + g.maxDecade() + ":" + g.binsPerDecade();
  }

  /** Parses the text form. */
  public static HistogramSpec decode(String text) {
    String[] p = text.split(":");
    if (p.length != 4) {
      throw new IllegalArgumentException("not a histogram spec: " + text);
    }
    if (p[0].equals("linear")) {
      return new LinearBins(Double.parseDouble(p[1]), Double.parseDouble(p[2]),
          Integer.parseInt(p[3]));
    }
    if (p[0].equals("log")) {
      return new LogBins(Integer.parseInt(p[1]), Integer.parseInt(p[2]), Integer.parseInt(p[3]));
    }
    throw new IllegalArgumentException("not a histogram spec: " + text);
  }
}

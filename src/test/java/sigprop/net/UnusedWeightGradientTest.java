package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A pass forms ∂L/∂W only when a probe records it or a sink takes it. */
class UnusedWeightGradientTest {
  /** The plain kernel, counting its weight-gradient products. */
  private static final class Counting implements MatMul {
    int aTb;

    @Override
    public void ab(Matrix a, Matrix b, Matrix c) {
      PlainMatMul.INSTANCE.ab(a, b, c);
    }

    @Override
    public void abT(Matrix a, Matrix b, Matrix c) {
      PlainMatMul.INSTANCE.abT(a, b, c);
    }

    @Override
    public void aTb(Matrix a, Matrix b, Matrix c) {
      aTb++;
      PlainMatMul.INSTANCE.aTb(a, b, c);
    }

    @Override
    public String name() {
      return "counting";
    }
  }

  /** Keeps a copy (at true scale) of every tensor at the sites it wants, but weight gradients. */
  private record Copies(Set<Site> sites, List<double[]> tensors) implements Probe {
    @Override
    public boolean wants(int layer, Site site) {
      return sites.contains(site);
    }

    @Override
    public void record(int layer, Site site, Matrix values, int log2Scale) {
      double[] d = values.data.clone();
      for (int i = 0; i < d.length; i++) {
        d[i] = Math.scalb(d[i], log2Scale);
      }
      if (site != Site.WEIGHT_GRADIENT) {
        tensors.add(d);
      }
    }
  }

  private static final NetworkSpec SPEC = NetworkSpec.uniform(8, 12, 5,
      StandardActivation.TANH, Norm.BATCH, InitSpec.of(InitScheme.XAVIER_NORMAL), 4);

  /** One forward and backward pass; returns how many weight gradients were formed. */
  private static int pass(Probe probe, GradientSink sink) {
    Counting mm = new Counting();
    Network net = Network.build(SPEC, 10, 7, mm);
    Matrix x = new Matrix(10, 8);
    RandomStreams.standardNormals(RandomStreams.of(7, 0, Purpose.INPUT), x.data);
    Matrix out = net.forward(x, probe);
    Matrix g = new Matrix(out.rows, out.cols);
    LossType.CROSS_ENTROPY.create(10, 4, RandomStreams.of(7, 0, Purpose.TARGETS))
        .gradient(out, g);
    net.backward(g, probe, sink);
    return mm.aTb;
  }

  @Test
  void aPassThatNeitherRecordsNorTrainsFormsNoWeightGradientAndTheSameRecords() {
    Set<Site> allButWeightGradient = EnumSet.complementOf(EnumSet.of(Site.WEIGHT_GRADIENT));
    Copies without = new Copies(allButWeightGradient, new ArrayList<>());
    Copies with = new Copies(EnumSet.allOf(Site.class), new ArrayList<>());

    assertEquals(0, pass(without, GradientSink.NONE));
    assertEquals(6, pass(with, GradientSink.NONE)); // five hidden layers and the head

    // Every other site reads the same bits either way.
    assertEquals(with.tensors().size(), without.tensors().size());
    for (int i = 0; i < with.tensors().size(); i++) {
      assertArrayEquals(with.tensors().get(i), without.tensors().get(i), 0.0);
    }
  }

  @Test
  void aSinkGetsEveryWeightGradientWithoutAProbe() {
    List<Integer> layers = new ArrayList<>();
    GradientSink sink = (layer, parameter, gradient, scale) -> {
      if (gradient.rows > 1) { // weights; biases, γ and β are one row
        layers.add(layer);
      }
    };
    assertEquals(6, pass(Probe.NONE, sink));
    assertEquals(List.of(6, 5, 4, 3, 2, 1), layers);
  }
}

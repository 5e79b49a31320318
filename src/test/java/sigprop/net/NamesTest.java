package sigprop.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": only for names that look like a typo of a valid one. */
class NamesTest {
  private static final List<String> KEYS = List.of("loss", "network", "input", "momentum",
      "learning_rate", "before_activation", "after_activation");

  @Test
  void typosGetTheClosestName() {
    assertEquals("network", Names.closest("netwrok", KEYS));
    assertEquals("loss", Names.closest("Los", KEYS));
    assertEquals("momentum", Names.closest("momentun", KEYS));
    assertEquals("learning_rate", Names.closest("learningrate", KEYS));
  }

  @Test
  void aBeginningOfThreeLettersOrMoreGetsTheShortestNameItBegins() {
    assertEquals("before_activation", Names.closest("before", KEYS));
    assertEquals("learning_rate", Names.closest("learn", KEYS));
  }

  @Test
  void aNameThatBeginsWithAValidOneGetsTheLongestSuch() {
    List<String> norms = List.of("none", "batch", "layer");
    assertEquals("batch", Names.closest("batchnorm", norms));
    assertEquals("layer", Names.closest("Layer_Norm", norms));
    assertEquals("unknown norm 'batchnorm'; did you mean 'batch'? (valid: none, batch, layer)",
        Names.unknown("norm", "batchnorm", norms));
    assertEquals("learning_rate", Names.closest("learning_rate_schedule", KEYS));
    assertNull(Names.closest("nonexistent", List.of("no", "on")), "two letters are no stem");
  }

  /** Other tools' names for a valid one, where it is valid: no edit distance finds them. */
  @Test
  void anotherToolsNameGetsTheNameUsedHere() {
    assertEquals("learning_rate", Names.closest("lr", KEYS));
    assertEquals("learning_rate", Names.closest("LR", KEYS));
    assertEquals("xavier_normal", Names.closest("glorot_normal", List.of("glorot_standard",
        "xavier_normal", "xavier_uniform")));
    assertEquals("depth", Names.closest("num_layers", List.of("depth", "width")));
    // PyTorch's LeakyReLU(negative_slope) and kaiming_normal_(a), Keras 2's LeakyReLU(alpha).
    for (String slope : new String[] {"negative_slope", "a", "alpha"}) {
      assertEquals("slope", Names.closest(slope, List.of("mode", "nonlinearity", "slope")));
    }
    assertEquals("alpha", Names.closest("alpha", List.of("alpha")), "valid where it is valid");
    assertEquals("he_normal", Names.closest("he", List.of("kaiming_normal", "he_normal",
        "he_uniform")));
    assertNull(Names.closest("batch_size", KEYS), "only where the name used here is valid");
  }

  @Test
  void farNamesGetNoSuggestion() {
    for (String far : new String[] {"ln", "on", "~", "ключ", "xyzzy", "activation_after"}) {
      assertNull(Names.closest(far, KEYS), far);
    }
    assertNull(Names.closest("zz", java.util.List.of("t")), "a complete rewrite is no typo");
    assertEquals("t", Names.closest("T", java.util.List.of("t")));
    assertEquals("unknown key 'lr' (valid: loss, network)",
        Names.unknown("key", "lr", List.of("loss", "network")));
    assertEquals("unknown key 'netwrk'; did you mean 'network'? (valid: loss, network)",
        Names.unknown("key", "netwrk", List.of("loss", "network")));
    assertEquals("unknown experiment 'foo' (there are none)",
        Names.unknown("experiment", "foo", List.of()));
  }
}

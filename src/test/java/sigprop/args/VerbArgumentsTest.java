package sigprop.args;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One parsing rule for every verb; the verbs' own tests (sigprop.cli.MainTest) run it whole. */
class VerbArgumentsTest {
  private static final VerbArguments.Spec SPEC = new VerbArguments.Spec(List.of("--out"),
      List.of("--set"), List.of("--cells"));

  @Test
  void spaceAndEqualsSignReadAlikeAndRepeatableOptionsKeepTheirOrder() {
    VerbArguments a = SPEC.parse("c.yaml", "--out", "o", "--set=a=1", "--cells", "--set", "b=2");
    VerbArguments b = SPEC.parse("--out=o", "c.yaml", "--set", "a=1", "--set=b=2", "--cells");
    for (VerbArguments v : List.of(a, b)) {
      assertEquals("o", v.value("--out", "output"));
      assertEquals(List.of("a=1", "b=2"), v.values("--set"));
      assertTrue(v.has("--cells") && !v.help());
      assertEquals("c.yaml", v.single("CONFIG"));
    }
    assertEquals("output", SPEC.parse("c.yaml").value("--out", "output"));
    assertEquals("", SPEC.parse("--out=").value("--out", "output"), "an empty value is a value");
    assertEquals(List.of("-"), SPEC.parse("-").positionals());
  }

  @Test
  void mistakesAreNamed() {
    assertMistake("unknown option '--outt'; did you mean '--out'? (valid: --out, --set, --cells,"
        + " --help)", "--outt", "o");
    assertMistake("--out needs a value", "c.yaml", "--out");
    assertMistake("--out needs a value, got the option '--cells'", "--out", "--cells");
    assertMistake("--cells takes no value, got '--cells=1'", "--cells=1");
    assertMistake("--out given twice ('a', then 'b'): give it once", "--out=a", "--out", "b");
    assertThrows(IllegalArgumentException.class, () -> SPEC.parse("a", "b").single("CONFIG"));
    assertThrows(IllegalArgumentException.class, () -> SPEC.parse("a").noPositionals());
    assertTrue(SPEC.parse("--cells", "--cells").has("--cells"), "a flag twice is no mistake");
    assertTrue(SPEC.parse("--outt", "-h").help(), "help wins");
    assertFalse(SPEC.parse("--cells").help());
  }

  @Test
  void numbersAreReadWithTheirRangeInTheMessage() {
    assertEquals(60, SPEC.parse("--out", "60").count("--out", "layers", 1, 100));
    assertEquals(7, SPEC.parse().count("--out", "layers", 7, 100), "not given: the fallback");
    assertEquals("--out needs a whole number of layers from 1 to 100, got '101'",
        assertThrows(IllegalArgumentException.class, () -> SPEC.parse("--out", "101")
            .count("--out", "layers", 1, 100)).getMessage());
    assertEquals("--out needs a whole number ≥ 1, got '0'", assertThrows(
        IllegalArgumentException.class, () -> SPEC.parse("--out", "0").count("--out", "", 1))
        .getMessage());
    assertEquals("--out needs a positive number, got '0'", assertThrows(
        IllegalArgumentException.class, () -> SPEC.parse("--out", "0").positive("--out", 1.0))
        .getMessage());
    assertEquals(0.0, SPEC.parse("--out", "0").nonNegative("--out", 1.0));
    assertEquals(0.25, SPEC.parse("--out", " 0.25 ").nonNegative("--out", 1.0));
    for (String bad : new String[] {"-1e-9", "x", "NaN", "Infinity"}) {
      assertEquals("--out needs a number ≥ 0, got '" + bad + "'", assertThrows(
          IllegalArgumentException.class, () -> SPEC.parse("--out=" + bad)
              .nonNegative("--out", 1.0)).getMessage());
    }
  }

  private static void assertMistake(String message, String... args) {
    assertEquals(message, assertThrows(IllegalArgumentException.class,
        () -> SPEC.parse(args)).getMessage());
  }

  @Test
  void helpListsWrapWithinTheWidthAtTheDescriptionColumn() {
    List<String> items = List.of("pre_activation", "normalized", "output", "output_gradient",
        "pre_activation_gradient", "weight", "weight_gradient");
    String text = VerbArguments.helpList("  --site S[,S…]         only these sites: ", ", ",
        items, 24);
    assertEquals("  --site S[,S…]         only these sites: pre_activation, normalized, output,\n"
        + "                        output_gradient, pre_activation_gradient, weight,"
        + " weight_gradient", text);
    assertEquals("  --a   x|y", VerbArguments.helpList("  --a   ", "|", List.of("x", "y"), 8));
  }
}

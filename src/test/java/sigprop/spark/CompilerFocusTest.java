package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CompilerFocusTest {
  @Test
  void addsItsDirectivesOnceAndTheyKeepC2ForSigpropOnly() throws Exception {
    CompilerFocus.once();
    CompilerFocus.once();
    String installed = CompilerFocus.installed();
    // Ours (three) and the JVM's default, each listed once.
    assertEquals(4, count(installed, "Directive:"), installed);
    assertEquals(1, count(installed, "sigprop/\\*\\.\\*"), installed);
    String[] directives = installed.split("Directive:");
    // First the per-row methods C2 leaves alone although they are sigprop's.
    assertTrue(directives[1].contains("sigprop/spark/LayerTable.values"), directives[1]);
    assertTrue(c2Options(directives[1]).contains("Exclude:true"), directives[1]);
    // Then the per-value code C2 keeps.
    assertTrue(directives[2].contains("sigprop/*.*"), directives[2]);
    assertTrue(directives[2].contains("jdk/incubator/vector/*.*"), directives[2]);
    assertTrue(directives[2].contains("org/apache/parquet/*.*"), directives[2]);
    assertFalse(directives[2].contains("LayerTable"), directives[2]);
    assertTrue(c2Options(directives[2]).contains("Exclude:false"), directives[2]);
    // The catch-all excludes C2 from the rest.
    assertTrue(directives[3].contains("matching: *.*"), directives[3]);
    assertTrue(c2Options(directives[3]).contains("Exclude:true"), directives[3]);
  }

  private static String c2Options(String directive) {
    return directive.substring(directive.indexOf("c2 directives:"));
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}

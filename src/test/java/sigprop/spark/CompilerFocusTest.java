package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    // Ours (two) and the JVM's default, each listed once.
    assertEquals(3, count(installed, "Directive:"), installed);
    assertEquals(1, count(installed, "sigprop/\\*\\.\\*"), installed);
    // The first directive keeps C2 for the listed code; the catch-all excludes it.
    String[] directives = installed.split("Directive:");
    assertTrue(directives[1].contains("jdk/incubator/vector/*.*"), directives[1]);
    assertTrue(c2Options(directives[1]).contains("Exclude:false"), directives[1]);
    assertTrue(directives[2].contains("matching: *.*"), directives[2]);
    assertTrue(c2Options(directives[2]).contains("Exclude:true"), directives[2]);
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

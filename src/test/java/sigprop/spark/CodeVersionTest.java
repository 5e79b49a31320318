package sigprop.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeVersionTest {
  @Test
  void theReleaseAndADigestOfThisBuildsOwnCode() {
    assertTrue(CodeVersion.get().matches("\\d+\\.\\d+\\.\\d+\\+[0-9a-f]{12}"), CodeVersion.get());
  }

  @Test
  void theDigestFollowsSigpropsFilesAndNothingElse(@TempDir Path dir) throws IOException {
    Path classes = dir.resolve("classes");
    write(classes.resolve("sigprop/a/A.class"), "alpha");
    write(classes.resolve("sigprop/B.class"), "beta");
    write(classes.resolve("org/other/C.class"), "gamma");
    String digest = CodeVersion.digest(classes);
    assertTrue(digest.matches("[0-9a-f]{12}"), digest);

    // The same files in a jar, in another order and with another library's: the same digest.
    Path jar = dir.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, "org/shaded/D.class", "delta");
      put(out, "sigprop/B.class", "beta");
      put(out, "sigprop/a/A.class", "alpha");
    }
    assertEquals(digest, CodeVersion.digest(jar));

    write(classes.resolve("org/other/C.class"), "changed");
    assertEquals(digest, CodeVersion.digest(classes));
    write(classes.resolve("sigprop/B.class"), "betA");
    assertNotEquals(digest, CodeVersion.digest(classes));
    assertEquals("unknown", CodeVersion.digest(Files.createDirectories(dir.resolve("empty"))));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static void put(JarOutputStream jar, String name, String text) throws IOException {
    jar.putNextEntry(new JarEntry(name));
    OutputStream out = jar;
    out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    jar.closeEntry();
  }
}

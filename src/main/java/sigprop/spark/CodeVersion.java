package sigprop.spark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The build's version, recorded with every sweep's data: the release and a digest of sigprop's
 * own classes and resources ({@code 0.1.0+3f2a9c41d07b}), so that two builds of one release
 * that could compute different numbers are told apart (a sweep resumed with another build says
 * so, and {@code cells.code_version} shows which cells each computed). The digest covers every
 * file under {@code sigprop/} in the jar or folder this class was loaded from, by name and
 * content, whatever their order; the app jar, the classes jar and target/classes of one build
 * give the same digest.
 */
public final class CodeVersion {
  private static final String VERSION = release() + "+" + digestOfOwnCode();

  private CodeVersion() {}

  /** E.g. {@code 0.1.0+3f2a9c41d07b}; either part is "unknown" when it cannot be read. */
  public static String get() {
    return VERSION;
  }

  private static String release() {
    try (InputStream in = CodeVersion.class.getResourceAsStream("/sigprop-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String digestOfOwnCode() {
    try {
      return digest(Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()));
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "unknown";
    }
  }

  /**
   * The first 12 hex digits of SHA-256 over the names and contents of the files under
   * {@code sigprop/} in a jar or a classes folder, in name order.
   */
  static String digest(Path codeSource) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (Files.isDirectory(codeSource)) {
      Path own = codeSource.resolve("sigprop");
      if (Files.isDirectory(own)) {
        try (Stream<Path> walk = Files.walk(own)) {
          for (Path p : walk.filter(Files::isRegularFile).toList()) {
            files.put(codeSource.relativize(p).toString().replace('\\', '/'),
                Files.readAllBytes(p));
          }
        }
      }
    } else {
      try (JarFile jar = new JarFile(codeSource.toFile())) {
        for (JarEntry e : Collections.list(jar.entries())) {
          if (!e.isDirectory() && e.getName().startsWith("sigprop/")) {
            try (InputStream in = jar.getInputStream(e)) {
              files.put(e.getName(), in.readAllBytes());
            }
          }
        }
      }
    }
    if (files.isEmpty()) {
      return "unknown";
    }
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      sha.update(f.getKey().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(Long.toString(f.getValue().length).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(f.getValue());
    }
    return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
  }
}

package sigprop.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an experiment's settings are looked up: its own mapping first, then the file's
 * {@code defaults:}. Each key is resolved on its own, so an experiment that sets only
 * {@code network.depth} still inherits every other network key from the defaults.
 */
final class Scope {
  private final List<YamlNode.Mapping> layers;

  /** Layers in order of precedence; null layers (no defaults) are skipped. */
  Scope(YamlNode.Mapping... layers) {
    List<YamlNode.Mapping> present = new ArrayList<>();
    for (YamlNode.Mapping m : layers) {
      if (m != null) {
        present.add(m);
      }
    }
    this.layers = List.copyOf(present);
  }

  /** The value at a key path such as {@code record, histogram, range}, or null when unset. */
  YamlNode find(String... keys) {
    for (YamlNode.Mapping layer : layers) {
      YamlNode node = layer;
      for (String key : keys) {
        node = node instanceof YamlNode.Mapping m ? m.get(key) : null;
      }
      if (node != null) {
        return node;
      }
    }
    return null;
  }

  /**
   * The value written in the experiment's own mapping (or set with --set), or null: unset, or
   * taken in by a {@code <<} merge key at some level of the path, which makes it a default that
   * the experiment's explicit settings override.
   */
  YamlNode explicit(String... keys) {
    YamlNode node = layers.isEmpty() ? null : layers.get(0);
    for (String key : keys) {
      if (!(node instanceof YamlNode.Mapping m) || m.isMerged(key)) {
        return null;
      }
      node = m.get(key);
    }
    return node;
  }

  /** The value in the layers after the experiment's own (the file's defaults:), or null. */
  YamlNode inherited(String... keys) {
    return layers.size() < 2 ? null
        : new Scope(layers.subList(1, layers.size()).toArray(YamlNode.Mapping[]::new))
            .find(keys);
  }

  /** The value in the first (the experiment's own) layer only, or null. */
  YamlNode own(String... keys) {
    return layers.isEmpty() ? null : new Scope(layers.get(0)).find(keys);
  }
}

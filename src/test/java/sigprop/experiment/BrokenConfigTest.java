package sigprop.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken configs, each with the message fragment (key path and suggestion) it must produce. */
class BrokenConfigTest {
  static Stream<Arguments> broken() {
    return Stream.of(
        row("network: {activaton: tanh}",
            "line 2: network.activaton: unknown key 'activaton'; did you mean 'activation'?"),
        row("network: {activation: tanhh}",
            "network.activation: unknown activation 'tanhh'; did you mean 'tanh'?"),
        row("network: {init: xavier_norml}",
            "network.init: unknown init scheme 'xavier_norml'; did you mean 'xavier_normal'?"),
        row("grid: {init: [normal, xavier_norml]}",
            "grid.init[1]: unknown init scheme 'xavier_norml'; did you mean 'xavier_normal'?"),
        row("network: {init: {scheme: normal, sdt: 0.1}}",
            "network.init.sdt: unknown parameter of init normal 'sdt'; did you mean 'std'?"),
        row("network: {init: {std: 0.1}}", "network.init: an init mapping needs 'scheme'"),
        row("network: {bias: {schem: normal}}", "network.bias: a bias mapping needs 'scheme'"
            + " ('schem' is not a key; did you mean 'scheme'?)"),
        row("network: {activation: {nam: tanh}}", "network.activation: an activation mapping"
            + " needs 'name' ('nam' is not a key; did you mean 'name'?)"),
        row("network: {activation: [tanh]}", "line 2: network.activation: expected one value, got"
            + " a list [tanh]; to run each value, make it an axis: grid: {activation: [tanh]}"),
        row("training: {lr: 0.1}", "training.lr: unknown key 'lr'; did you mean"
            + " 'learning_rate'? (valid: learning_rate,"),
        row("width: 64", "width: unknown key 'width' here; it belongs in input: (input.width) or"
            + " network: (network.width)"),
        row("network: {activation: {name: leaky_relu, slop: 0.2}}",
            "network.activation.slop: unknown parameter of leaky_relu 'slop'; did you mean "
                + "'slope'?"),
        row("network: {norm: btach}", "network.norm: unknown norm 'btach'; did you mean 'batch'?"),
        row("network: {norm_placement: before}",
            "network.norm_placement: unknown norm placement 'before'; did you mean "
                + "'before_activation'?"),
        row("loss: mse", "line 2: loss: expected a mapping (key: value, …), got 'mse'; write"
            + " loss: {type: mse}"),
        row("loss: {type: msee}", "loss.type: unknown loss 'msee'; did you mean 'mse'?"),
        row("record: {sites: [output, outptu]}",
            "record.sites[1]: unknown site 'outptu'; did you mean 'output'?"),
        row("record: {sites: [output, pre_activation_gradiant]}",
            "record.sites[1]: unknown site 'pre_activation_gradiant'; did you mean"
                + " 'pre_activation_gradient'?"),
        row("input: {distribution: unifrom}",
            "input.distribution: unknown input distribution 'unifrom'; did you mean 'uniform'?"),
        row("network: {bias: {scheme: constant, valeu: 0.1}}", "network.bias.valeu: unknown"
            + " parameter of bias constant 'valeu'; did you mean 'value'?"),
        row("network: {bias: {scheme: normal, std: -1}}",
            "network.bias.std: bias normal.std must be >= 0, got -1.0"),
        row("network: {bias: {scheme: orthogonal}}",
            "network.bias.scheme: unknown bias scheme 'orthogonal'"),
        row("network: {depth: abc}",
            "line 2: network.depth: expected an integer, got 'abc'"),
        row("seeds: [99999999999999999999]",
            "seeds[0]: must be <= 9223372036854775807, got 99999999999999999999"),
        row("network: {width: -99999999999999999999}",
            "network.width: must be >= 1, got -99999999999999999999"),
        row("network: {depth: 4.5}", "network.depth: expected an integer, got '4.5'"),
        row("input: {batch: 4}\n---\nsweep: other", "line 3: a config is one YAML document, and"
            + " another begins here ('---'); several experiments go under 'experiments:'"),
        row("training: {learning_rate: 1e400}", "training.learning_rate: '1e400' is beyond"
            + " double's range (±1.8e308); write .inf or -.inf for an infinity"),
        row("network: {init: {scheme: normal, std: 1e-400}}", "network.init.std: '1e-400'"
            + " rounds to 0 in double (the smallest is 4.9e-324); write 0 for zero"),
        row("network: {depth: 0}", "network.depth: must be >= 1, got 0"),
        row("network: {width: -3}", "network.width: must be >= 1, got -3"),
        row("input: {batch: 0}", "input.batch: must be >= 1, got 0"),
        row("network: {classes: 0}", "network.classes: must be >= 1, got 0"),
        row("network: {widths: [50, 0]}", "network.widths[1]: must be >= 1, got 0"),
        row("network: {norm_eps: 0}", "network.norm_eps: must be a finite number > 0, got 0.0"),
        row("training: {learning_rate: -0.1}",
            "training.learning_rate: must be a finite number >= 0, got -0.1"),
        row("training: {momentum: .nan}", "training.momentum: must be a finite number >= 0"),
        row("network: {init: {scheme: normal, std: .nan}}",
            "network.init.std: init normal.std must be finite, got NaN"),
        row("network: {init: {scheme: normal, std: -1}}",
            "network.init.std: init normal.std must be >= 0, got -1.0"),
        row("network: {init: {scheme: kaiming_normal, mode: fan_inn}}",
            "did you mean 'fan_in'?"),
        row("input: {redraw_per_seed: maybe}",
            "input.redraw_per_seed: expected true or false, got 'maybe'"),
        row("grid: {depth: []}", "grid.depth: empty axis"),
        row("grid: {dept: [4]}", "grid.dept: unknown grid axis 'dept'; did you mean 'depth'?"),
        row("grid: {input.width: [4]}", "unknown grid axis 'input.width'; did you mean "
            + "'input_width'?"),
        row("grid: {depth: [4, 4]}", "grid.depth[1]: value 4 appears twice in this axis"),
        row("grid: {learning_rate: [0.0, -0.0]}",
            "grid.learning_rate[1]: value 0.0 appears twice in this axis"),
        row("record: {steps: [0, 2147483647]}",
            "record.steps[1]: must be <= 1000000, got 2147483647"),
        row("record: {histogram: {linear_bins: 1000000000}}",
            "record.histogram.linear_bins: must be <= 1000000, got 1000000000"),
        row("record: {histogram: {log_bins_per_decade: 1001}}",
            "record.histogram.log_bins_per_decade: must be <= 1000, got 1001"),
        row("record: {histogram: {min_decade: -1073741824}}",
            "record.histogram.min_decade: must be >= -10000, got -1073741824"),
        row("grid: {widths: [50, 30]}", "grid.widths: a widths axis is a list of width lists, e.g."
            + " widths: [[50, 30], [20, 20]] (one network: widths: [[50, 30]])"),
        row("network: {widths: [8, 8]}\ngrid: {depth: [2, 3]}",
            "line 3: grid.depth: varies depth, but network.widths (line 2) gives every hidden"
                + " layer's width and the depth, so its values make the same cells"),
        row("grid: {widths: [[8, 8], [4]], width: [2, 3]}",
            "line 2: grid.width: varies width, but grid.widths (line 2) gives every hidden"),
        row("input: {batch: 1}\nnetwork: {norm: batch}",
            "line 3: network.norm: batch norm needs a batch of at least 2, but input.batch "
                + "(line 2) is 1"),
        row("input: {batch: 1}\ngrid: {norm: [none, batch]}",
            "grid.norm[1]: batch norm needs a batch of at least 2, but input.batch (line 2) is 1"),
        row("network: {width: 1, norm: layer}",
            "line 2: network.norm: layer norm needs layers at least 2 wide, but network.width"
                + " (line 2) is 1"),
        row("network: {widths: [4, 1]}\ngrid: {norm: [none, layer]}",
            "grid.norm[1]: layer norm needs layers at least 2 wide, but network.widths (line 2)"
                + " has a width of 1"),
        // Accepted before, and every recorded gradient was 0.
        row("network: {classes: 1}", "line 2: network.classes: cross_entropy over 1 class has"
            + " loss 0 and every gradient 0 (the softmax of one output is 1), but loss.type"
            + " (default) is cross_entropy; use classes >= 2, or loss mse or sum_of_outputs"),
        row("grid: {classes: [1, 2], loss: [mse, cross_entropy]}", "line 2: grid.classes[0]:"
            + " cross_entropy over 1 class has loss 0 and every gradient 0 (the softmax of one"
            + " output is 1), but grid.loss[1] (line 2) is cross_entropy"),
        // Accepted before, and every hidden layer recorded rounding noise as its gradient.
        row("network: {norm: batch, norm_placement: after_activation}\n"
            + "loss: {type: sum_of_outputs}", "line 2: network.norm_placement: batch norm after"
            + " the activation gives every hidden layer a gradient of exactly 0 under"
            + " sum_of_outputs with a linear head (∂L/∂y is the same for every example, and batch"
            + " norm maps a constant to 0), but loss.type (line 3) is sum_of_outputs and"
            + " network.output_activation (default) is linear"),
        row("network: {norm: batch}\nloss: {type: sum_of_outputs}\n"
            + "grid: {norm_placement: [before_activation, after_activation]}",
            "line 4: grid.norm_placement[1]: batch norm after the activation gives every hidden"),
        row("record: {sites: [output, output]}", "record.sites[1]: site 'output' appears twice"),
        // Both written in one experiment: the fixed value never ran, and nothing said so.
        row("network: {depth: 3}\ngrid: {depth: [4, 5]}", "line 2: network.depth: has no effect:"
            + " grid.depth (line 3) varies depth in this experiment; drop one"),
        row("network: {widths: [8, 4], width: 8}", "line 2: network.width: has no effect:"
            + " network.widths (line 2) gives every hidden layer's width and the depth; drop one"),
        row("network: {depth: 3}\ngrid: {widths: [[8], [4, 4]]}", "line 2: network.depth: has no"
            + " effect: grid.widths (line 3) gives every hidden layer's width and the depth"),
        row("input: {batch: 8}\ngrid: {batch: [2]}", "line 2: input.batch: has no effect:"
            + " grid.batch (line 3) varies batch in this experiment; drop one"),
        row("grid: {learning_rate: [0.1, 0.01]}", "line 2: grid.learning_rate: varies"
            + " learning_rate, but no cell of experiment 't' trains (record.steps ends at 0), so"
            + " its values make cells with the same numbers; drop the axis or record later"
            + " steps"),
        row("grid: {norm_eps: [1e-5, 1e-3]}", "grid.norm_eps: varies norm_eps, but no cell of"
            + " experiment 't' has a norm (network.norm (default) is none)"),
        // Settings no cell uses: accepted before, and the cells differed in id only.
        row("network: {norm_eps: 1e-3}", "line 2: network.norm_eps: has no effect: no cell of"
            + " experiment 't' has a norm (network.norm (default) is none); drop it or add a"
            + " norm"),
        row("network: {norm: none, norm_placement: after_activation}", "line 2:"
            + " network.norm_placement: has no effect: no cell of experiment 't' has a norm"
            + " (network.norm (line 2) is none); drop it or add a norm"),
        row("grid: {norm: [none], norm_eps: [1e-3]}", "line 2: grid.norm_eps: has no effect: no"
            + " cell of experiment 't' has a norm (grid.norm (line 2) is none); drop the axis or"
            + " add a norm"),
        row("training: {learning_rate: 0.1}", "line 2: training.learning_rate: has no effect: no"
            + " cell of experiment 't' trains (record.steps ends at 0); drop it or record later"
            + " steps"),
        row("training: {weight_decay: 1e-4}\nrecord: {steps: 0}", "line 2:"
            + " training.weight_decay: has no effect: no cell of experiment 't' trains"),
        row("training: {momentum: 0.9}\nrecord: {steps: [0, 1]}", "line 2: training.momentum: has"
            + " no effect: no cell of experiment 't' takes more than one SGD step (record.steps"
            + " ends at 1), and the first step is η·(g + λ·p) whatever the momentum; drop it or"
            + " record later steps"),
        row("grid: {momentum: [0, 0.9]}\nrecord: {steps: [0, 1]}", "line 2: grid.momentum: varies"
            + " momentum, but no cell of experiment 't' takes more than one SGD step"),
        // w ← w − η·v: with η = 0 nothing the momentum or the decay adds to v reaches w.
        row("training: {learning_rate: 0, momentum: 0.9}\nrecord: {steps: [0, 5]}", "line 2:"
            + " training.momentum: has no effect: no cell of experiment 't' moves its weights"
            + " (training.learning_rate (line 2) is 0); drop it or give a learning rate above 0"),
        row("training: {weight_decay: 1e-4}\ngrid: {learning_rate: [0]}\nrecord: {steps: [0, 5]}",
            "line 2: training.weight_decay: has no effect: no cell of experiment 't' moves its"
            + " weights (grid.learning_rate (line 3) is 0)"),
        row("input: {seed: 3, redraw_per_seed: true}", "line 2: input.seed: has no effect: every"
            + " cell of experiment 't' draws x from its own seed (input.redraw_per_seed (line 2)"
            + " is true); drop it or set redraw_per_seed to false"),
        row("input: {redraw_per_seed: true}\nseeds: 1", "line 2: input.redraw_per_seed: has no"
            + " effect: every cell of experiment 't' runs seed 0, and input.seed (default) is 0"
            + " too, so x is the same either way; drop it or run more seeds"),
        row("input: {redraw_per_seed: true}\ngrid: {input_seed: [1, 2]}", "line 3:"
            + " grid.input_seed: varies input_seed, but every cell of experiment 't' draws x from"
            + " its own seed"),
        row("record: {sites: [output, normalized]}", "line 2: record.sites[1]: has no effect: no"
            + " cell of experiment 't' has a norm (network.norm (default) is none), so no layer"
            + " has normalized values; drop it or add a norm"),
        row("record: {histogram: {sites: {normalized: {bins: log}}}}", "line 2:"
            + " record.histogram.sites.normalized: has no effect: no cell of experiment 't' has a"
            + " norm (network.norm (default) is none), so there are no normalized values to bin"),
        row("network: {activation: relu}\nrecord: {histogram: {range: [-5, 5]}}", "line 3:"
            + " record.histogram.range: has no effect: no site that experiment 't' records gets"
            + " linear bins from it (by default only a bounded activation's outputs get them:"
            + " tanh, sigmoid, softsign, not followed by a norm); drop it or give a site linear"
            + " bins of its own (record.histogram.sites)"),
        row("network: {norm: batch, norm_placement: after_activation}\n"
            + "record: {histogram: {linear_bins: 50}}", "line 3: record.histogram.linear_bins:"
            + " has no effect: no site that experiment 't' records gets linear bins from it"),
        row("record: {sites: [pre_activation_gradient], histogram: {linear_bins: 500}}",
            "line 2: record.histogram.linear_bins: has no effect: no site that experiment 't'"
                + " records gets linear bins from it"),
        row("record: {histogram: {sites: {pre_activation_gradient: {linear_bins: 1000}}}}",
            "line 2: record.histogram.sites.pre_activation_gradient.linear_bins: has no effect:"
                + " site 'pre_activation_gradient' gets log bins in every cell of experiment 't'"
                + " (bins: auto gives linear bins to a bounded activation's outputs only); drop"
                + " it or give the site range: [lo, hi] for linear bins"),
        // With bins: auto written, the site has its range already: linear bins are one word away.
        row("record: {histogram: {sites: {output_gradient: {bins: auto, range: [-1, 1]}}}}",
            "line 2: record.histogram.sites.output_gradient.range: has no effect: site"
                + " 'output_gradient' gets log bins in every cell of experiment 't' (bins: auto"
                + " gives linear bins to a bounded activation's outputs only); drop it or set"
                + " bins: linear"),
        row("network: {output_activation: tanh}\n"
            + "record: {sites: [output], histogram: {log_bins_per_decade: 20}}", "line 3:"
            + " record.histogram.log_bins_per_decade: has no effect: no site that experiment 't'"
            + " records gets log bins from it; drop it"),
        row("network: {output_activation: sigmoid}\n"
            + "record: {histogram: {sites: {output: {min_decade: -50}}}}", "line 3:"
            + " record.histogram.sites.output.min_decade: has no effect: site 'output' gets"
            + " linear bins in every cell of experiment 't'"),
        row("network: {init: {scheme: kaiming_normal, slope: 0.2}}", "line 2:"
            + " network.init.slope: has no effect: kaiming_normal takes slope only with"
            + " nonlinearity: leaky_relu, and its nonlinearity is relu (the default); drop slope"
            + " or add nonlinearity: leaky_relu"),
        row("grid: {init: [{scheme: he_uniform, nonlinearity: tanh, slope: 0.2}]}", "line 2:"
            + " grid.init[0].slope: has no effect: he_uniform takes slope only with"
            + " nonlinearity: leaky_relu, and its nonlinearity is tanh;"),
        row("record: {steps: [0, 10, 5]}",
            "record.steps: steps must be increasing, got [0, 10, 5]"),
        row("record: {steps: [-1]}", "record.steps[0]: must be >= 0, got -1"),
        row("record: {histogram: {min_decade: 5, max_decade: 5}}",
            "record.histogram.max_decade: min_decade must be below max_decade"),
        row("record: {histogram: {range: [1, -1]}}",
            "record.histogram.range: needs finite lo < hi"),
        row("record: {histogram: {range: [-1e308, 1e308]}}",
            "record.histogram.range: needs finite lo < hi with hi − lo finite"),
        row("seeds: 0", "seeds: must be >= 1, got 0 (a count of seeds; seed 0 alone is "
            + "seeds: [0])"),
        row("seeds: [1, 2, 1]", "seeds[2]: seed 1 appears twice"),
        row("seeds: 2\ngrid: {seeds: 3}", "grid.seeds: seeds are given twice"),
        row("network: {batch: 4}", "network.batch: unknown key 'batch' here; it belongs in "
            + "input: (input.batch)"),
        row("netwrok: {depth: 4}", "netwrok: unknown key 'netwrok'; did you mean 'network'?"),
        row("net\u200bwork: {depth: 4}",
            "line 2: net\\u200bwork: unknown key 'net\\u200bwork'; did you mean 'network'?"),
        row("network: {activation: \"tanh\u00a0\"}",
            "network.activation: unknown activation 'tanh\\u00a0'; did you mean 'tanh'?"),
        row("network: 5", "network: expected a mapping (key: value, …), got '5'"),
        row("network: {depth: 4, depth: 5}", "network.depth: duplicate key 'depth'"),
        row("network: [depth", "YAML syntax"),
        // What a user plausibly writes, from another tool's habits or a slip of the keyboard.
        row("network: {init: {scheme: normal, std: 0.1}}\nrecord: {histogram: {linear_binz:"
            + " 10}}", "line 3: record.histogram.linear_binz: unknown key 'linear_binz'; did you"
            + " mean 'linear_bins'?"),
        row("input: {batch: 1e3}", "line 2: input.batch: expected an integer, got '1e3'; write"
            + " 1000"),
        row("network: {depth: 6e1}", "network.depth: expected an integer, got '6e1'; write 60"),
        row("grid: {depth: [4, 4.0]}", "grid.depth[1]: expected an integer, got '4.0'; write 4"),
        row("record: {steps: \"0, 10\"}", "record.steps: expected an integer, got '0, 10'; a list"
            + " is written in brackets: [0, 10]"),
        row("seeds: [-1, 2]", "line 2: seeds[0]: must be >= 0, got -1"),
        row("seeds: ten", "line 2: seeds: expected an integer, got 'ten'"),
        row("seeds: 1000000", "line 2: seeds: 1000000 seeds = 1000000 cells at least, more than"
            + " the 100000 one experiment may have; run fewer seeds"),
        row("grid: {seeds: [1, 1]}", "grid.seeds[1]: seed 1 appears twice"),
        row("input: {seed: 1.5}", "input.seed: expected an integer, got '1.5'"),
        row("input:\n\tbatch: 4", "line 3: YAML syntax: a tab character: YAML indents with"
            + " spaces only; replace the tabs with spaces"),
        row("input:\n  batch: 4\n   width: 4", "line 4: YAML syntax: mapping values are not"
            + " allowed here; a key indented more than the keys beside it, or an unquoted value"
            + " holding ': '? Align the keys, or quote the value"),
        row("network: {depth: 2}\nnetwork: {width: 8}",
            "line 3: network: duplicate key 'network' (first at line 2)"),
        row("defaults:\n  network: &net {width: 4, depth: 2}\nexperiments:\n  a:\n    <<: *net",
            "line 3: experiments.a.depth: unknown key 'depth' here; it belongs in network:"
                + " (network.depth)"),
        row("experiments:\n  - task1: {network: {depth: 2}}", "line 2: experiments: expected a"
            + " mapping of experiment name to its settings, e.g. experiments: {task1: {grid:"
            + " {depth: [4, 20]}}}, got a list; write each name as a key, without '- '"),
        row("grid: {activation: [tanh, Tanh]}",
            "grid.activation[1]: value tanh appears twice in this axis (also grid.activation[0])"),
        row("grid: {init: [{scheme: xavier_normal, std: 0.1}]}", "grid.init[0].std: unknown"
            + " parameter of init xavier_normal 'std' (valid: gain)"),
        row("grid: {activation: [{name: elu, slope: 1}]}",
            "grid.activation[0].slope: unknown parameter of elu 'slope' (valid: alpha)"),
        row("grid: {lr: [0.1, 0.01]}",
            "grid.lr: unknown grid axis 'lr'; did you mean 'learning_rate'?"),
        row("grid: {depth: [2, 3], dept: [4]}",
            "grid.dept: unknown grid axis 'dept'; did you mean 'depth'?"),
        row("grid: {norm: [none, true]}", "grid.norm[1]: unknown norm 'true' (valid: none,"
            + " batch, layer)"),
        row("grid: {width: [0, 4]}", "grid.width[0]: must be >= 1, got 0"),
        row("network: {layers: 4}",
            "network.layers: unknown key 'layers'; did you mean 'depth'?"),
        row("input: {batch: 64, batch_size: 32}",
            "input.batch_size: unknown key 'batch_size'; did you mean 'batch'?"),
        row("network: {init: glorot_normal}",
            "network.init: unknown init scheme 'glorot_normal'; did you mean 'xavier_normal'?"),
        row("network: {norm: BatchNorm}",
            "network.norm: unknown norm 'BatchNorm'; did you mean 'batch'?"),
        row("input: {distribution: gaussian}",
            "input.distribution: unknown input distribution 'gaussian'; did you mean 'normal'?"),
        row("loss: {type: cross-entropy}",
            "loss.type: unknown loss 'cross-entropy'; did you mean 'cross_entropy'?"),
        row("record: {sites: output_grad}",
            "record.sites: unknown site 'output_grad'; did you mean 'output_gradient'?"),
        row("network: {widths: \"50,30\"}", "network.widths: expected a list of hidden widths"
            + " such as [50, 30, 20] or null, got '50,30'"),
        row("record: {histogram: {range: \"-1, 1\"}}",
            "record.histogram.range: expected [lo, hi] or null, got -1, 1"),
        row("training: {learning_rate: 1e-3}\nrecord: {steps: [0, 100]}\n"
            + "grid: {learning_rate: [1e-3, 1e-2]}", "line 2: training.learning_rate: has no"
            + " effect: grid.learning_rate (line 4) varies learning_rate in this experiment;"
            + " drop one"),
        row("grid: {depth: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], width: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],"
            + " batch: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], classes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],"
            + " input_width: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], input_seed: [1, 2, 3, 4, 5, 6, 7, 8,"
            + " 9, 10]}",
            "line 2: grid: 10 depths × 10 widths × 10 batches × 10 class counts × 10"
                + " input_widths × 10 input_seed values × 10 seeds = 10000000 cells, more than"
                + " the 100000 one experiment may have"));
  }

  /**
   * A key with nothing after its colon (YAML's null): said to have no value, with what dropping
   * the key gives (its default) and what to write, for each kind of value.
   */
  static Stream<Arguments> noValue() {
    String drop = ": has no value; drop the key for ";
    return Stream.of(
        row("network:\n  depth:", "line 3: network.depth" + drop + "the default 4, or give an"
            + " integer >= 1"),
        row("training: {momentum: }", "line 2: training.momentum" + drop + "the default 0.0, or"
            + " give a number >= 0"),
        row("network: {norm: }", "network.norm" + drop + "the default none, or give a norm name"
            + " (none, batch, layer)"),
        row("network: {activation: }", "network.activation" + drop + "the default tanh, or give"
            + " an activation name (or {name: …, …})"),
        row("network: {init: }", "network.init" + drop + "the default xavier_normal"),
        row("input: {redraw_per_seed: }", "input.redraw_per_seed" + drop + "the default false,"
            + " or give true or false"),
        row("network: {init: {scheme: normal, std: }}", "network.init.std" + drop
            + "the default 1.0, or give a number"),
        row("seeds:", "line 2: seeds" + drop + "the default 10 seeds (0 to 9), or give a count"
            + " (seeds: 3 runs 0, 1, 2) or a list of seeds ([0, 7])"),
        row("grid: {seeds: }", "grid.seeds" + drop + "the default 10 seeds"),
        row("record: {steps: }", "record.steps" + drop + "the default [0] (at initialization),"
            + " or give a list of steps, e.g. [0, 100]"),
        row("record: {sites: }", "record.sites" + drop + "every site, or give a list of sites"),
        row("record: {histogram: {linear_bins: }}", "record.histogram.linear_bins" + drop
            + "the default 200, or give an integer"),
        row("grid: {depth: }", "line 2: grid.depth: has no value; give the values to run, e.g."
            + " grid: {depth: [4, 20]}, or drop the axis"),
        row("grid: {init: [normal, ~]}", "grid.init[1]: has no value; give an init scheme name"),
        row("defaults: {seeds: 2, network: {depth: 3}}\nexperiments:\n"
            + "  a: {seeds: , network: {depth: }}", "line 4: experiments.a.network.depth" + drop
            + "the value in defaults: (line 2), or give an integer >= 1"),
        row("defaults: {seeds: 2}\nexperiments:\n  a: {seeds: }",
            "experiments.a.seeds" + drop + "the seeds in defaults: (line 2)"),
        row("experiments:", "line 2: experiments: has no value; give each experiment's name and"
            + " settings, e.g. experiments: {task1: {grid: {depth: [4, 20]}}}"),
        // An override with no value: leaving it out gives the default, as dropping a key does,
        // or the config's own value where it replaced one.
        override("network: {width: 3}", "network.depth=null", "--set: network.depth: has no"
            + " value; leave out the --set for the default 4, or give an integer >= 1"),
        override("record: {sites: [output]}", "record.steps=~", "--set: record.steps: has no"
            + " value; leave out the --set for the default [0] (at initialization), or give a"
            + " list of steps"),
        override("network: {depth: 3}", "network.depth=null", "--set: network.depth: has no"
            + " value; leave out the --set for the config's value (line 2), or give an integer"
            + " >= 1; for the default 4, also drop the key from the config"),
        override("grid: {seeds: 3}", "seeds=null", "--set: seeds: has no value; leave out the"
            + " --set for the config's value (line 2), or give a count (seeds: 3 runs 0, 1, 2)"
            + " or a list of seeds ([0, 7]); for the default 10 seeds (0 to 9), also drop the"
            + " key from the config"),
        override("defaults: {network: {depth: 3}}\nexperiments:\n  a: {seeds: 1}",
            "network.depth=null", "--set: network.depth: has no value; leave out the --set for"
            + " the value in defaults: (line 2), or give an integer >= 1"),
        override("grid: {depth: [2, 3]}", "grid.depth=null", "--set: grid.depth: has no value;"
            + " leave out the --set for the config's value (line 2), or give the values to run,"
            + " e.g. grid: {depth: [4, 20]}, or drop the axis"));
  }

  /** A null value in an experiment is its own problem, not one of the default it leaves. */
  @Test
  void aKeyWithNoValueDoesNotReplaceTheDefault() {
    ConfigException e = Configs.failure("sweep: s\ndefaults: {seeds: 2, network: {depth: 3}}\n"
        + "experiments:\n  a: {seeds: , network: {depth: }}\n");
    assertEquals(2, e.problems().size(), e.getMessage());
  }

  @Test
  void aSweepWithNoNameSaysWhatToWrite() {
    String message = Configs.failure("sweep:\n").getMessage();
    assertTrue(message.contains("line 1: sweep: has no value; give a sweep name (its output"
        + " folder), e.g. sweep: hw7"), message);
  }

  /** Defaults no experiment takes: refused at the default's line, naming what replaces it. */
  static Stream<Arguments> untakenDefaults() {
    String head = "defaults: {input: {batch: 4, width: 4}, network: {width: 4, depth: 10}}\n"
        + "experiments:\n";
    return Stream.of(
        row(head + "  a: {grid: {depth: [2, 3]}, seeds: 1}\n  b: {network: {depth: 2}, seeds: 1}",
            "line 2: defaults.network.depth: has no effect: no experiment takes this default:"
                + " experiment 'a' varies depth (line 4); experiment 'b' sets its own"
                + " network.depth (line 5); drop it from defaults:"),
        row("defaults: {seeds: 3, network: {width: 4, depth: 2}, input: {batch: 4, width: 4}}\n"
            + "experiments:\n  a: {seeds: 1}\n  b: {grid: {seeds: [5]}}",
            "line 2: defaults.seeds: has no effect: no experiment takes this default: experiment"
                + " 'a' writes its own seeds (line 4); experiment 'b' writes its own seeds"
                + " (line 5); drop it from defaults:"),
        row("defaults: {record: {steps: [0, 5]}, input: {batch: 4, width: 4}}\nexperiments:\n"
            + "  a: {record: {steps: [0]}, network: {width: 4, depth: 2}, seeds: 1}",
            "line 2: defaults.record.steps: has no effect: no experiment takes this default:"
                + " experiment 'a' sets its own record.steps (line 4)"),
        row(head + "  a: {network: {widths: [4, 4]}, seeds: 1}",
            "line 2: defaults.network.depth: has no effect: no experiment takes this default:"
                + " experiment 'a' has widths (line 4), which give the depth and every hidden"
                + " layer's width"),
        // an anchor in defaults: each experiment merging it replaces the merged depth
        row("defaults:\n  network: &net {width: 4, depth: 10}\n  input: {batch: 4, width: 4}\n"
            + "experiments:\n  a: {network: {<<: *net, depth: 2}, seeds: 1}\n"
            + "  b: {network: {<<: *net}, grid: {depth: [3]}, seeds: 1}",
            "line 3: defaults.network.depth: has no effect: no experiment takes this default:"
                + " experiment 'a' sets its own network.depth (line 6); experiment 'b' varies"
                + " depth (line 7)"));
  }

  /** Defaults some experiment takes (merged too), or replaced only by an override, still load. */
  @ParameterizedTest
  @ValueSource(strings = {
      "a: {grid: {depth: [2, 3]}}\n  b: {}|",
      "a: {network: {depth: 2}}\n  b: {network: {width: 8}}|",
      "a: {network: {<<: *net}}\n  b: {network: {depth: 2}}|",
      "a: {grid: {depth: [2, 3]}}\n  b: {}|experiments.b.network.depth=3",
      "a: {grid: {depth: [2, 3]}}\n  b: {}|grid.depth=2,3",
      "a: {}\n  b: {}|network.depth=3",
      "a: {}\n  b: {}|seeds=2"})
  void loadsADefaultSomeExperimentTakesOrOnlyAnOverrideReplaces(String row) {
    String[] parts = row.split("\\|", -1);
    String yaml = "sweep: t\ndefaults:\n  network: &net {width: 4, depth: 10}\n"
        + "  input: {batch: 4, width: 4}\n  seeds: 1\nexperiments:\n  " + parts[0] + "\n";
    Configs.plan(yaml, parts[1].isEmpty() ? new String[0] : new String[] {parts[1]});
  }

  private static Arguments row(String body, String fragment) {
    return Arguments.of("sweep: t\n" + body + "\n", fragment, List.of());
  }

  /** A config and an override of it ({@code key=value}), and a fragment of their problem. */
  private static Arguments override(String body, String set, String fragment) {
    return Arguments.of("sweep: t\n" + body + "\n", fragment, List.of(set));
  }

  @ParameterizedTest
  @MethodSource({"broken", "noValue", "untakenDefaults"})
  void reportsTheProblemWithItsKeyPath(String yaml, String fragment, List<String> overrides) {
    String message = Configs.failure(yaml, overrides.toArray(String[]::new)).getMessage();
    assertTrue(message.contains(fragment), () -> "expected\n  " + fragment + "\nin\n" + message);
  }

  @ParameterizedTest
  @ValueSource(strings = {".git", "..", "-rf", "a/b", ".hidden"})
  void sweepNamesAreFolderNamesThatNeitherHideNorLookLikeOptions(String name) {
    String message = Configs.failure("sweep: '" + name + "'\n").getMessage();
    assertTrue(message.contains("line 1: sweep: a sweep name is a folder name of letters, digits,"
        + " '.', '_' and '-', not starting with '.' or '-', got '" + name + "'"), message);
  }

  /** Names go into folder and figure file names, which file systems cap at 255 bytes. */
  /**
   * Only batch norm after the activation under sum_of_outputs with a linear head zeroes every
   * hidden gradient: the norm before it, layer norm, or a nonlinear head each pass one through.
   */
  @Test
  void sumOfOutputsIsRefusedOnlyWhereNoGradientReachesTheHiddenLayers() {
    for (String network : List.of("{norm: batch, norm_placement: before_activation}",
        "{norm: layer, norm_placement: after_activation}",
        "{norm: batch, norm_placement: after_activation, output_activation: sigmoid}")) {
      Configs.plan("sweep: t\nnetwork: " + network + "\nloss: {type: sum_of_outputs}\n");
    }
  }

  @Test
  void sweepAndExperimentNamesHaveAtMost64Characters() {
    String ok = "a".repeat(64);
    Configs.plan("sweep: " + ok + "\nexperiments: {" + ok + ": {}}\n");
    String message = Configs.failure("sweep: " + "s".repeat(300) + "\nexperiments: {"
        + "e".repeat(65) + ": {}}\n").getMessage();
    assertTrue(message.contains("line 1: sweep: a sweep name is at most 64 characters (it names"
        + " its folder and figure files), got 300: 'ssssssssssssssssssss…'"), message);
    assertTrue(message.contains("an experiment name is at most 64 characters (it names its"
        + " figure files), got 65"), message);
  }

  @Test
  void aTooLargeCellWithoutAGridPointsAtTheLineOfItsSize() {
    String message = Configs.failure("sweep: t\ninput: {batch: 4}\nnetwork: {depth: 100000,"
        + " width: 100000}\n", 1L << 30).getMessage();
    assertTrue(message.contains("line 3: network: the cell {depth: 100000, width: 100000, batch:"
        + " 4, input_width: 256} needs about"), message);
  }

  @Test
  void logBinsBeyondWhatALayoutHoldsAreRefusedAtTheirKeys() {
    // Each key within its range, but 20,000 decades at 1000 a decade is 2·10^7 bins a sign:
    // every cell failed when its statistics built the bins.
    String message = Configs.failure("""
        sweep: t
        record:
          histogram:
            log_bins_per_decade: 1000
            min_decade: -10000
            max_decade: 10000
        """).getMessage();
    assertTrue(message.contains("line 4: record.histogram.log_bins_per_decade: log bins:"
        + " (max_decade − min_decade) × log_bins_per_decade is at most 4194304 per sign, got"
        + " (10000 − -10000) × 1000 = 20000000: fewer decades or bins per decade"), message);
    String site = Configs.failure("""
        sweep: t
        record:
          histogram:
            sites:
              output_gradient:
                min_decade: -10000
                max_decade: 10000
                log_bins_per_decade: 500
        """).getMessage();
    assertTrue(site.contains("line 8: record.histogram.sites.output_gradient"
        + ".log_bins_per_decade: log bins: (max_decade − min_decade) × log_bins_per_decade is at"
        + " most 4194304 per sign, got (10000 − -10000) × 500 = 10000000"), site);
  }

  @Test
  void aCellWhoseRecordsOverflowTheHeapSaysSoWithAFiniteSize() {
    String message = Configs.failure("""
        sweep: t
        input: {batch: 2, width: 2}
        network: {width: 2, depth: 2}
        record: {histogram: {linear_bins: 1000000, log_bins_per_decade: 200,
                             min_decade: -10000, max_decade: 10000}}
        """, 1L << 26).getMessage();
    // 8 × 8,000,005 log and 8 × 1,000,002 linear counters (68.7 MiB), the allowance (32 MiB),
    // the kernel's buffers (1 MiB) and 18 records of 4 KiB and their slots.
    assertTrue(message.contains("needs about 101.") && message.contains("MiB, more than the 64"
        + ".0 MiB heap a cell gets") && message.contains("; most of it for the records: fewer"
        + " histogram bins"), message);
    assertFalse(java.util.regex.Pattern.compile("-\\d").matcher(message).find(),
        "no wrapped negative size: " + message);
  }

  @Test
  void reportsEveryProblemAtOnce() {
    ConfigException e = Configs.failure("""
        sweep: many problems
        network:
          activaton: tanh
          depth: abc
          init: xavier_norml
        grid: {norm: [none, btach]}
        """);
    assertEquals(5, e.problems().size(), e.getMessage());
    assertEquals(java.util.List.of(1, 3, 4, 5, 6),
        e.problems().stream().map(Problem::line).toList());
    String[] lines = e.getMessage().split("\n");
    assertEquals("test.yaml: 5 problems", lines[0]);
    assertEquals(6, lines.length);
    assertTrue(e.getMessage().contains("line 1: sweep: a sweep name"));
    assertTrue(e.getMessage().contains("line 3: network.activaton: unknown key"));
    assertTrue(e.getMessage().contains("line 4: network.depth: expected an integer, got 'abc'"));
    assertTrue(e.getMessage().contains("line 5: network.init: unknown init scheme"));
    assertTrue(e.getMessage().contains("line 6: grid.norm[1]: unknown norm 'btach'"));
  }

  @Test
  void anIdleDepthAxisIsSaidOnceAndNamesTheOverrideThatMadeItIdle() {
    ConfigException e = Configs.failure(
        "sweep: s\ngrid: {depth: [2, 3], init: [normal, xavier_normal]}\n", "network.widths=[8,4]");
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains(
        "grid.depth: varies depth, but network.widths (--set) gives"), e.getMessage());
  }

  @Test
  void everyBadStepIsReportedNotOnlyTheFirst() {
    ConfigException e = Configs.failure("sweep: s\nrecord: {steps: [-1, x, 5, 3]}\n");
    String message = e.getMessage();
    for (String fragment : new String[] {"record.steps[0]: must be >= 0, got -1",
        "record.steps[1]: expected an integer, got 'x'",
        "record.steps: steps must be increasing, got [-1, x, 5, 3]"}) {
      assertTrue(message.contains(fragment), () -> "expected " + fragment + " in\n" + message);
    }
    assertEquals(3, e.problems().size(), message);
  }

  @Test
  void multiExperimentProblems() {
    String message = Configs.failure("""
        sweep: m
        network: {depth: 4}
        defaults:
          network: {activation: tanhh}
          grid: {depth: [1]}
        experiments:
          task1: {input: {batch: 8}}
          task1: {input: {batch: 9}}
          task.2: {}
        """).getMessage();
    for (String fragment : new String[] {
        "line 2: network: with 'experiments:', shared settings go under 'defaults:'",
        "line 4: defaults.network.activation: unknown activation 'tanhh'",
        "line 5: defaults.grid: grid axes belong to each experiment",
        "line 8: experiments.task1: duplicate experiment name 'task1' (first at line 7)",
        "experiments.task.2: an experiment name is letters"}) {
      assertTrue(message.contains(fragment), () -> fragment + "\nnot in\n" + message);
    }
    // A bad default is reported once, not once per experiment.
    assertEquals(1, message.split("tanhh", -1).length - 1, message);
  }

  @Test
  void badOverrides() {
    String yaml = "sweep: o\nexperiments: {task1: {grid: {depth: [4, 8]}}}\n";
    String message = Configs.failure(yaml, "experiments.task9.network.depth=3", "input.batch",
        "network.depth=100", "input.batch=abc").getMessage();
    for (String fragment : new String[] {
        "--set: experiments.task9.network.depth: unknown experiment 'task9'; did you mean "
            + "'task1'?",
        "expected --set key.path=value, got 'input.batch'",
        "--set: network.depth: has no effect: experiment 'task1' varies depth"
            + " (experiments.task1.grid.depth (line 2)); use --set grid.depth=… to replace the"
            + " axes, or drop it",
        "--set: input.batch: expected an integer, got 'abc'"}) {
      assertTrue(message.contains(fragment), () -> fragment + "\nnot in\n" + message);
    }
    String single = Configs.failure("sweep: o\ninput: {batch: 4, width: 4}\nseeds: 1\n",
        "netwrk.depth=3", "grid.dept=2,3", "grid.depth=2,3", "network.depth=5", "seeds=-1",
        "input.batch=1e3").getMessage();
    for (String fragment : new String[] {
        "--set: netwrk: unknown key 'netwrk'; did you mean 'network'?",
        "--set: grid.dept: unknown grid axis 'dept'; did you mean 'depth'?",
        "--set: network.depth: has no effect: the grid varies depth (grid.depth); use --set"
            + " grid.depth=…",
        "--set: seeds: must be >= 1, got -1",
        "--set: input.batch: expected an integer, got '1e3'; write 1000"}) {
      assertTrue(single.contains(fragment), () -> fragment + "\nnot in\n" + single);
    }
    // Listed in the order of the flags, as the file's problems are in the order of its lines.
    ConfigException ordered = Configs.failure("sweep: o\ninput: {batch: 4, width: 4}\n",
        "seeds=-1", "netwrk.depth=3", "input.batch=1e3", "network.init.sdt=2");
    assertEquals(List.of("seeds", "netwrk", "input.batch", "network.init"), ordered.problems()
        .stream().map(Problem::path).toList(), ordered.getMessage());
    String brackets = Configs.failure(yaml, "grid.depth=4] # x", "grid.init=[normal")
        .getMessage();
    for (String fragment : new String[] {
        "--set: grid.depth: cannot read value '4] # x': unbalanced brackets",
        "--set: grid.init: cannot read value '[normal': unbalanced brackets"}) {
      assertTrue(brackets.contains(fragment), () -> fragment + "\nnot in\n" + brackets);
    }
  }

  @Test
  void aCommaWithNoValueBesideItIsRefusedNotDropped() {
    String yaml = "sweep: c\ninput: {batch: 4, width: 4}\nnetwork: {width: 4}\nseeds: 1\n";
    String message = Configs.failure(yaml, "grid.depth=4,", "grid.width=4,,8", "seeds=,3")
        .getMessage();
    for (String fragment : new String[] {
        "--set: grid.depth: cannot read value '4,': a comma with no value after it",
        "--set: grid.width: cannot read value '4,,8': a comma with no value before it",
        "--set: seeds: cannot read value ',3': a comma with no value before it"}) {
      assertTrue(message.contains(fragment), () -> fragment + "\nnot in\n" + message);
    }
    // Commas inside brackets and quotes are YAML's own.
    assertEquals(2, Configs.plan(yaml, "grid.widths=[4, 4,], [8]").cells().size());
  }

  @Test
  void experimentPathsOnASingleExperimentFileSaySo() {
    ConfigException e = Configs.failure("sweep: one\nnetwork: {depth: 4}\n",
        "experiments.task1.network.depth=3", "defaults.network.width=8");
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("--set: experiments.task1.network.depth: this config has"
        + " one experiment (no experiments: section); set network.depth directly (--set"
        + " network.depth=…)"), e.getMessage());
    assertTrue(e.getMessage().contains("--set: defaults.network.width: this config has one"
        + " experiment (no experiments: section); set network.width directly"), e.getMessage());
  }

  @Test
  void manyCombinationsMakingTheSameCellAreListedFiveAndCounted() {
    ConfigException e = Configs.failure(
        "sweep: t\ngrid: {widths: [null, [8, 8]], depth: [1, 2, 3, 4, 5, 6, 7, 8, 9]}\n");
    assertEquals(6, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("grid: … and 3 more pairs of grid values that make the"
        + " same cell"), e.getMessage());
  }

  @Test
  void aSeedsOverrideReplacesSeedsWrittenEitherWay() {
    String yaml = "sweep: s\ninput: {batch: 4, width: 4}\nnetwork: {width: 4}\n"
        + "grid: {depth: [1, 2], seeds: 2}\n";
    assertEquals(6, Configs.plan(yaml, "seeds=3").cells().size());
    assertEquals(2, Configs.plan(yaml.replace(", seeds: 2", "") + "seeds: 5\n", "grid.seeds=1")
        .cells().size());
    assertTrue(Configs.failure(yaml, "seeds=0").getMessage().contains("--set: seeds: must be >="
        + " 1, got 0"));
  }

  @Test
  void anAxisSetWithSetOverAFixedValueInTheFileIsHowToVaryIt() {
    String yaml = "sweep: s\ninput: {batch: 4, width: 4}\nnetwork: {width: 4, depth: 1}\n"
        + "seeds: 1\n";
    assertEquals(2, Configs.plan(yaml, "grid.depth=2,3").cells().size());
    String multi = "sweep: m\ndefaults: {network: {width: 4, depth: 1}, input: {batch: 4,"
        + " width: 4}, seeds: 1}\nexperiments:\n  a: {network: {depth: 2}}\n"
        + "  b: {grid: {depth: [2, 3]}}\n";
    assertEquals(5, Configs.plan(multi, "experiments.a.grid.depth=3,4,5").cells().size());
    assertEquals(1, Configs.plan(yaml, "network.widths=[4, 2]").cells().size());
  }

  @Test
  void aSharedDefaultOverrideThatNoExperimentUsesIsReported() {
    String yaml = """
        sweep: t
        defaults: {network: {width: 4, depth: 3}, input: {batch: 4, width: 4}, seeds: 1}
        experiments:
          a: {grid: {depth: [2, 3]}}
          b: {grid: {depth: [5, 6]}}
        """;
    String message = Configs.failure(yaml, "defaults.network.depth=100").getMessage();
    assertTrue(message.contains("--set: defaults.network.depth: has no effect: every"
        + " experiment sets its own network.depth or varies depth in its grid; use --set"
        + " network.depth=… (every experiment) or --set grid.depth=…"), message);
    // Each experiment setting its own value leaves the shared default unused just the same.
    String own = yaml.replace("a: {grid: {depth: [2, 3]}}", "a: {network: {depth: 2}}");
    assertTrue(Configs.failure(own, "defaults.network.depth=100").getMessage()
        .contains("defaults.network.depth: has no effect"));
    // Taken by one experiment that does not vary it: it does something, nothing to report.
    Configs.plan(yaml.replace("b: {grid: {depth: [5, 6]}}", "b: {grid: {init: [normal]}}"),
        "defaults.network.depth=100");
  }

  @Test
  void sharedSeedsAndRecordOverridesThatNoExperimentUsesAreReported() {
    String yaml = """
        sweep: t
        defaults: {network: {width: 4, depth: 3}, input: {batch: 4, width: 4}, seeds: 3}
        experiments:
          a: {seeds: 1, record: {steps: [0, 1]}, network: {init: {scheme: normal, std: 1}}}
          b: {grid: {seeds: [4]}, record: {steps: [0, 2]}, network: {init: normal}}
        """;
    String message = Configs.failure(yaml, "defaults.seeds=5", "defaults.record.steps=0,3",
        "defaults.network.init.std=2", "defaults.seeds=6").getMessage();
    for (String fragment : new String[] {
        "--set: defaults.seeds: has no effect: every experiment sets its own seeds; use --set"
            + " seeds=… (every experiment)",
        "--set: defaults.record.steps: has no effect: every experiment sets its own"
            + " record.steps; use --set record.steps=… (every experiment)",
        "--set: defaults.network.init.std: has no effect: every experiment sets its own"
            + " network.init or varies init"}) {
      assertTrue(message.contains(fragment), () -> fragment + "\nnot in\n" + message);
    }
    assertEquals(1, message.split("defaults.seeds:", -1).length - 1, message);
    // An experiment without seeds or steps of its own takes the shared ones.
    SweepPlan plan = Configs.plan(yaml.replace("seeds: 1, record: {steps: [0, 1]}, ", ""),
        "defaults.seeds=5", "defaults.record.steps=0,3");
    assertEquals(5, plan.experiment("a").seeds().size());
    assertEquals(List.of(0, 3), plan.experiment("a").cells().get(0).record().steps());
  }

  @Test
  void cellLargerThanTheHeap() {
    ConfigException e = Configs.failure("""
        sweep: big
        network: {width: 4096}
        input: {batch: 512}
        grid: {depth: [2, 100]}
        """, 1L << 30);
    assertEquals(1, e.problems().size(), e.getMessage());
    String message = e.problems().get(0).toString();
    assertTrue(message.startsWith("line 4: grid: the cell {depth: 100, width: 4096, batch: 512,"
        + " input_width: 256} needs about "), message);
    assertTrue(message.contains("GiB, more than the 1.00 GiB heap a cell gets (an executor's heap"
        + " less the 300 MiB Spark keeps, over its task slots; in local mode this JVM's heap,"
        + " SIGPROP_HEAP, less the same, over the local threads);"
        + " lower batch, width or depth, or give each cell more heap: in local mode a larger"
        + " SIGPROP_HEAP (jobs/sigprop's -Xmx, 4g unless set; spark-submit's --driver-memory) or"
        + " fewer threads (--master local[1]); on a cluster a larger spark.executor.memory or"
        + " fewer spark.executor.cores"), message);
  }

  @Test
  void aSeedListLongerThanTheCellLimitIsReportedWithItsSize() {
    StringBuilder seeds = new StringBuilder("sweep: t\nseeds: [0");
    for (int s = 1; s <= ExperimentReader.MAX_CELLS; s++) {
      seeds.append(", ").append(s);
    }
    ConfigException e = Configs.failure(seeds.append("]\n").toString());
    assertEquals("line 2: seeds: 100001 seeds = 100001 cells, more than the 100000 one experiment"
        + " may have; shrink an axis or split the grid into experiments",
        e.problems().get(0).toString(), e.getMessage());
  }

  @Test
  void recursiveAndExplodingAliasesAreReportedPromptly() {
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      assertTrue(Configs.failure("sweep: t\nnetwork: {widths: &a [*a, *a]}\n").getMessage()
          .contains("line 2: network.widths[1]: a recursive alias: this value contains itself"));
      assertTrue(Configs.failure("sweep: t\nnetwork: &a {depth: 3, <<: *a}\n").getMessage()
          .contains("line 2: network: '<<' merges a mapping that contains it"));
      StringBuilder laughs = new StringBuilder("sweep: t\nx:\n  l0: &l0 [1, 1]\n");
      for (int i = 1; i < 25; i++) {
        laughs.append("  l").append(i).append(": &l").append(i).append(" [*l").append(i - 1)
            .append(", *l").append(i - 1).append("]\n");
      }
      assertEquals("test.yaml: 1 problem\n  the YAML expands to more than 1000000 values"
          + " (aliases of aliases?)", Configs.failure(laughs.toString()).getMessage());
    });
  }

  @Test
  void missingSweepAndEmptyFile() {
    assertTrue(Configs.failure("network: {depth: 4}\n").getMessage()
        .contains("sweep: missing"));
    assertTrue(Configs.failure("# nothing\n").getMessage().contains("the config is empty"));
  }
}

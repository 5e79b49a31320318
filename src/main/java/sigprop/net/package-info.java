/** The network core, pure Java: matrices and the matrix-product kernel, activations, init schemes, dense and norm layers, networks, losses, SGD, and the gradient check; beside them the helpers every package's messages share (Names for "did you mean", VerbArguments for a verb's command line). No Spark. */
package sigprop.net;

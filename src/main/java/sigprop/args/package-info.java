/**
 * A verb's command line, parsed by one rule for every verb ({@link sigprop.args.VerbArguments}).
 * Imports only the JDK and {@code sigprop.net.Names}.
 */
package sigprop.args;

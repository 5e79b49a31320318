/**
 * The command line: {@code Main} dispatches a verb (check, grid, theory, sweep, summarize) to its
 * command.
 */
package sigprop.cli;

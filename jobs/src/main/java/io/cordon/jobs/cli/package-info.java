/** The {@code cordon} command and its subcommands. */
package io.cordon.jobs.cli;

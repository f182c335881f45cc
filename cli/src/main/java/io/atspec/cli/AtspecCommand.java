package io.atspec.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "atspec",
        mixinStandardHelpOptions = true,
        version = "atspec 0.1.0",
        description = {"Typed AT-command bindings from declarative chapter specs, and tools around them.", ""},
        subcommands = {
            CheckCommand.class,
            GenerateCommand.class,
            DocCommand.class,
            DecodeCommand.class,
            HttpCommand.class,
            TcpCommand.class,
            DemoCommand.class
        },
        footer = {
            "",
            "Exit status: 0 success, 1 failure (spec errors, modem or I/O failure), 2 usage error.",
            "Run 'atspec <command> --help' for a command's options."
        })
final class AtspecCommand implements Runnable {

    final Io io;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--verbose",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "On failure, print the stack trace too.")
    boolean verbose;

    AtspecCommand(Io io) {
        this.io = io;
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "missing command: check, generate, doc, decode, http, tcp or demo");
    }
}

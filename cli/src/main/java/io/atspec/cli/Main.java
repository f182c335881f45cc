package io.atspec.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Entry point of {@code atspec.jar}. Exit status: 0 success, 1 failure (spec errors, modem or
 * I/O failures), 2 usage. Failures are one line on stderr; {@code --verbose} adds the stack trace.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        configureLogging(Arrays.asList(args).contains("--trace"));
        int status = run(args, System.in, System.out, System.err, System.console() != null);
        System.exit(status);
    }

    /**
     * Runs one command line with the given streams; what tests call.
     *
     * @param console whether stderr is a terminal (progress indications are printed only then)
     */
    public static int run(String[] args, OutputStream out, OutputStream err, boolean console) {
        return run(args, InputStream.nullInputStream(), out, err, console);
    }

    /**
     * Runs one command line with the given streams, {@code in} as its standard input.
     *
     * @param console whether stderr is a terminal (progress indications are printed only then)
     */
    public static int run(String[] args, InputStream in, OutputStream out, OutputStream err, boolean console) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        Io io = new Io(out, outWriter, errWriter, console, in);
        CommandLine cli = commandLine(io);
        List<String> argList = Arrays.asList(args);
        boolean verbose = argList.contains("--verbose");
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            errWriter.println("atspec: error: " + Errors.oneLine(e));
            if (verbose) {
                e.printStackTrace(errWriter);
            }
            errWriter.flush();
            return e instanceof CliException c ? c.exitCode() : 1;
        });
        cli.setParameterExceptionHandler(new UsageErrors(errWriter));
        try {
            return cli.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    static CommandLine commandLine(Io io) {
        CommandLine cli = new CommandLine(new AtspecCommand(io));
        cli.setOut(io.out());
        cli.setErr(io.err());
        HelpLayout.apply(cli);
        return cli;
    }

    /**
     * SLF4J simple: warnings only, on stderr; with {@code --trace} the runtime's wire logger
     * ({@code io.atspec.runtime.wire}) at debug. Must run before the first logger is created.
     */
    static void configureLogging(boolean trace) {
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showLogName", "false");
        if (trace) {
            setIfAbsent("org.slf4j.simpleLogger.log.io.atspec.runtime.wire", "debug");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}

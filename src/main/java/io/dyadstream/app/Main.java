package io.dyadstream.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code dyadstream} command line: run, demo, enrich, produce, topics, bench. */
@Command(name = "dyadstream", mixinStandardHelpOptions = true, version = "dyadstream 0.1.0",
        description = "Turns news wire stories into relations between pairs of countries, on Kafka Streams.",
        subcommands = {RunCommand.class, DemoCommand.class, EnrichCommand.class, ProduceCommand.class, TopicsCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            // a bad setting or an unreachable cluster is a message for a person, not a stack trace
            commandLine.getErr().println("dyadstream " + commandLine.getCommandName() + ": " + message(e));
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cli;
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        while (e.getCause() != null && (message == null || message.isBlank())) {
            e = e.getCause();
            message = e.getMessage();
        }
        return message != null ? message : e.getClass().getSimpleName();
    }
}

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

    /**
     * The exception's message with those of its causes that add something (Kafka wraps the reason:
     * "Failed to create new KafkaAdminClient: ..."), secrets masked.
     */
    static String message(Throwable e) {
        String message = null;
        int depth = 0;
        for (Throwable t = e; t != null && depth < 4; t = t.getCause(), depth++) {
            String m = t.getMessage();
            if (m != null && !m.isBlank() && (message == null || !message.contains(m))) {
                message = message == null ? m : message + ": " + m;
            }
        }
        return AppConfig.redact(message != null ? message : e.getClass().getSimpleName());
    }
}

package org.quanze;

import org.quanze.cli.BenchCommand;
import org.quanze.cli.EvalCommand;
import org.quanze.cli.ExportCommand;
import org.quanze.cli.IngestCommand;
import org.quanze.cli.SearchCommand;
import org.quanze.cli.ServeCommand;
import org.quanze.cli.ShowCommand;
import org.quanze.cli.SoakCommand;
import org.quanze.cli.StatsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The command line: {@code java -jar quanze.jar COMMAND …}. */
@Command(name = "quanze", mixinStandardHelpOptions = true, version = "quanze 0.1.0",
        description = "Search China's power-and-responsibility lists (权责清单).",
        subcommands = {ServeCommand.class, IngestCommand.class, SearchCommand.class, ShowCommand.class, ExportCommand.class,
                StatsCommand.class, EvalCommand.class, SoakCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Lucene says once per run, through java.util.logging, whether it found the Vector API: a
     * warning when the JVM was started without {@code --add-modules jdk.incubator.vector} (as
     * {@code java -jar} is, unless told), a notice when it was (as {@code ./quanze} does). Neither
     * is news to a user of a command; an error there still shows. Held here, since the logging
     * framework keeps only a weak reference to a logger and would forget its level.
     */
    static final Logger VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

    public static void main(String[] args) {
        VECTORIZATION.setLevel(Level.SEVERE);
        System.exit(run(args));
    }

    /** Runs a command line and returns its exit status; failures print one line, not a stack trace. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("quanze " + cmd.getCommandName() + ": " + oneLine(e));
            if (System.getenv("QUANZE_DEBUG") != null) e.printStackTrace(cmd.getErr());
            return 1;
        });
        return cl.execute(args);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replaceAll("\\s*\\n\\s*", "; ");
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed: serve, ingest, search, show, export, stats, eval, soak or bench");
    }
}

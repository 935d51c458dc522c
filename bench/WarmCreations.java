import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jvirtualenv.cli.Main;

/**
 * The lower bound a resident process would have: COUNT creations, one after the other, inside one
 * JVM, timed around the CLI's own entry point. Prints each one's wall time in milliseconds, a
 * line each. Run by `bench/benchmark.sh --warm`, with the tool's jar on the class path.
 *
 * <p>usage: java -cp target/virtualenv bench/WarmCreations.java WORKDIR COUNT [OPTION ...]
 */
public final class WarmCreations {
    private WarmCreations() {
    }

    public static void main(String[] args) {
        Path work = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        List<String> options = List.of(args).subList(2, args.length);
        for (int i = 0; i < count; i++) {
            List<String> command = new ArrayList<>(options);
            command.add(work.resolve("env-" + i).toString());
            StringWriter output = new StringWriter();
            PrintWriter sink = new PrintWriter(output);
            long start = System.nanoTime();
            int exitCode = Main.run(command.toArray(new String[0]), sink, sink);
            long nanos = System.nanoTime() - start;
            if (exitCode != 0) {
                sink.flush();
                System.err.println("creation " + (i + 1) + " failed (exit " + exitCode + "): " + output);
                System.exit(1);
            }
            System.out.printf("%.1f%n", nanos / 1e6);
        }
    }
}

package io.quickstep.cli;

import io.quickstep.log.LogSink;
import io.quickstep.log.LogSinks;
import io.quickstep.task.TaskHandlerProvider;
import io.quickstep.task.TaskHandlers;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * {@code serve --handlers DIR}: the task handlers of the jars in DIR, each found through the
 * {@link TaskHandlerProvider} service file in its {@code META-INF/services} (that interface's
 * Javadoc shows a minimal handler jar), and the execution log sinks they list
 * ({@link LogSink}). The jars share one class loader, below the server's.
 */
final class HandlerJars {
    private HandlerJars() {
    }

    /**
     * Registers every provider's handlers in {@code handlers}, and returns the log sinks the jars
     * list ({@code META-INF/services/io.quickstep.log.LogSink}); a folder with neither is refused.
     */
    static List<LogSink> register(Path dir, TaskHandlers handlers) throws BadInputException {
        List<URL> jars = jars(dir);
        if (jars.isEmpty()) {
            throw new BadInputException("--handlers " + dir + ": no .jar file in it");
        }
        ClassLoader loader = new URLClassLoader(jars.toArray(URL[]::new), HandlerJars.class.getClassLoader());
        int providers = 0;
        List<LogSink> sinks;
        try {
            for (TaskHandlerProvider provider : ServiceLoader.load(TaskHandlerProvider.class, loader)) {
                provider.register(handlers);
                providers++;
            }
            sinks = LogSinks.discover(loader);
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new BadInputException("--handlers " + dir + ": a handler jar cannot be loaded: " + e.getMessage());
        }
        if (providers == 0 && sinks.isEmpty()) {
            throw new BadInputException("--handlers " + dir + ": no jar in it names a provider in META-INF/services/"
                    + TaskHandlerProvider.class.getName() + " or a sink in META-INF/services/" + LogSink.class.getName());
        }
        return sinks;
    }

    private static List<URL> jars(Path dir) throws BadInputException {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException("--handlers " + dir + ": not a folder");
        }
        List<URL> urls = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                urls.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new BadInputException("--handlers " + dir + ": " + e.getMessage());
        } catch (IOException e) {
            throw new BadInputException("--handlers " + dir + ": cannot list it (" + e.getMessage() + ")");
        }
        return urls;
    }
}

package io.quickstep.log;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds users' {@link LogSink}s listed in {@code META-INF/services/io.quickstep.log.LogSink}. */
public final class LogSinks {
    private LogSinks() {
    }

    /**
     * A new instance of every sink listed by the jars {@code loader} sees.
     *
     * @throws java.util.ServiceConfigurationError when a listed class cannot be made
     */
    public static List<LogSink> discover(ClassLoader loader) {
        List<LogSink> sinks = new ArrayList<>();
        ServiceLoader.load(LogSink.class, loader).forEach(sinks::add);
        return sinks;
    }
}

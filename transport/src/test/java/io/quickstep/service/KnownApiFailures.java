package io.quickstep.service;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Set;

/**
 * The cases expected to fail, read by core's {@code io.quickstep.testing.KnownFailures} (the same
 * file format and rules as core's conformance list): the API cases' list here, and core's list
 * for the client suites that run core's cases through the HTTP API. That class is package-private in core's
 * test jar, so it is reached reflectively here rather than copied; were it public, this class would
 * be a plain call.
 */
public final class KnownApiFailures {
    private final Object knownFailures;
    private final Method reason;
    private final Method ids;

    private KnownApiFailures(Object knownFailures) throws ReflectiveOperationException {
        this.knownFailures = knownFailures;
        this.reason = accessible(knownFailures.getClass().getDeclaredMethod("reason", String.class));
        this.ids = accessible(knownFailures.getClass().getDeclaredMethod("ids"));
    }

    public static KnownApiFailures load(Path file) throws Exception {
        Class<?> type = Class.forName("io.quickstep.testing.KnownFailures");
        return new KnownApiFailures(accessible(type.getDeclaredMethod("load", Path.class)).invoke(null, file));
    }

    /** Why the case is expected to fail, or null when it is expected to pass. */
    public String reason(String caseId) throws ReflectiveOperationException {
        return (String) reason.invoke(knownFailures, caseId);
    }

    @SuppressWarnings("unchecked")
    public Set<String> ids() throws ReflectiveOperationException {
        return (Set<String>) ids.invoke(knownFailures);
    }

    private static Method accessible(Method method) {
        method.setAccessible(true);
        return method;
    }
}

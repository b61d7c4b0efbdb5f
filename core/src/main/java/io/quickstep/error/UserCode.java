package io.quickstep.error;

/** Names a user's object (a task handler, a listener) in messages. */
public final class UserCode {
    private UserCode() {
    }

    /** Its class, or for a lambda "a lambda in" the class it was written in. */
    public static String describe(Object code) {
        String name = code.getClass().getName();
        int lambda = name.indexOf("$$Lambda");
        return lambda < 0 ? name : "a lambda in " + name.substring(0, lambda);
    }
}

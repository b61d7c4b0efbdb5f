package io.quickstep.service;

import java.util.regex.Pattern;

/**
 * AWS's rules for the names of state machines, executions, activities and aliases: 1 to 80
 * characters, none of them whitespace, brackets, wildcards, {@code " # % \ ^ | ~ ` $ & , ; : /} or
 * control characters.
 */
final class Names {
    static final int MAX_LENGTH = 80;
    private static final Pattern FORBIDDEN = Pattern.compile("[\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\x00-\\x1f\\x7f-\\x9f]");
    /** Alias names also may not be all digits, which would read as a version number. */
    private static final Pattern ALIAS = Pattern.compile("(?=.*[a-zA-Z_.-])[a-zA-Z0-9_.-]+");

    private Names() {
    }

    static boolean isValid(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_LENGTH && !FORBIDDEN.matcher(name).find();
    }

    /** The name, when valid; else AWS's InvalidName. */
    static String check(String name) {
        if (!isValid(name)) {
            throw AwsErrors.invalidName(name);
        }
        return name;
    }

    static String checkAlias(String name) {
        if (!isValid(name) || !ALIAS.matcher(name).matches()) {
            throw AwsErrors.invalidName(name);
        }
        return name;
    }
}

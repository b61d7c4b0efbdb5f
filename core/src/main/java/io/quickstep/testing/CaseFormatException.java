package io.quickstep.testing;

import java.io.IOException;

/** A case file (or a mocks file) that is valid JSON but not in the corpus format. */
public final class CaseFormatException extends IOException {
    public CaseFormatException(String message) {
        super(message);
    }
}

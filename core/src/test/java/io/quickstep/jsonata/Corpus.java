package io.quickstep.jsonata;

import io.quickstep.testing.CaseFiles;
import io.quickstep.testing.TestCase;

import java.nio.file.Path;
import java.util.List;

/** The conformance corpus recorded from AWS, as the test resources hold it. */
final class Corpus {
    private Corpus() {
    }

    static List<TestCase> cases() throws Exception {
        return CaseFiles.load(List.of(Path.of(Corpus.class.getResource("/conformance/cases").toURI())));
    }
}

package io.quickstep.asl.validation;

import io.quickstep.asl.Diagnostic;
import org.junit.jupiter.api.Test;

import static io.quickstep.asl.validation.Validation.assertDiagnostics;
import static io.quickstep.asl.validation.Validation.assertValid;
import static io.quickstep.asl.validation.Validation.error;
import static io.quickstep.asl.validation.Validation.express;
import static io.quickstep.asl.validation.Validation.oneJsonataState;
import static io.quickstep.asl.validation.Validation.oneState;
import static io.quickstep.asl.validation.Validation.schema;
import static io.quickstep.asl.validation.Validation.standard;

class MapParallelRulesTest {
    private static final Diagnostic UNSUPPORTED = error("UNSUPPORTED_FEATURE",
            "ItemReader, ItemBatcher and ResultWriter are not supported yet", "/States/S");
    private static final String PROCESSOR = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}";

    private static String map(String members) {
        return oneState("{\"Type\": \"Map\", " + members + " \"End\": true}");
    }

    @Test
    void aParallelHasBranches() {
        assertValid(standard(oneState("{\"Type\": \"Parallel\", \"End\": true, \"Branches\": [" + PROCESSOR + ", "
                + PROCESSOR.replace("\"P\"", "\"Q\"") + "]}")));
        assertDiagnostics(standard(oneState("{\"Type\": \"Parallel\", \"End\": true}")),
                schema("These fields are required: [Branches]", "/States/S"));
        assertDiagnostics(standard(oneState("{\"Type\": \"Parallel\", \"End\": true, \"Branches\": []}")),
                schema("Value cannot be empty", "/States/S/Branches"));
        assertDiagnostics(standard(oneState("{\"Type\": \"Parallel\", \"End\": true, \"Branches\": [1]}")),
                schema("Expected value of type [OBJECT]", "/States/S/Branches[0]"));
    }

    @Test
    void aMapHasOneProcessor() {
        assertValid(standard(map("\"ItemProcessor\": " + PROCESSOR + ",")));
        assertValid(standard(map("\"Iterator\": " + PROCESSOR + ",")));
        assertDiagnostics(standard(map("")),
                schema("This object should have only one of the following fields: [ItemProcessor, Iterator]",
                        "/States/S"));
        assertDiagnostics(standard(map("\"ItemProcessor\": " + PROCESSOR + ", \"Iterator\": "
                        + PROCESSOR.replace("\"P\"", "\"Q\"") + ",")),
                schema("There should only be one of the following fields: [ItemProcessor, Iterator]",
                        "/States/S/ItemProcessor"));
    }

    @Test
    void processorConfig() {
        assertValid(standard(map("\"ItemProcessor\": " + PROCESSOR.replace("{\"StartAt\"",
                "{\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"EXPRESS\"}, \"StartAt\"") + ",")));
        assertDiagnostics(standard(map("\"ItemProcessor\": " + PROCESSOR.replace("{\"StartAt\"",
                        "{\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\"}, \"StartAt\"") + ",")),
                schema("These fields are required: [ExecutionType]", "/States/S/ItemProcessor/ProcessorConfig"));
        assertDiagnostics(standard(map("\"ItemProcessor\": " + PROCESSOR.replace("{\"StartAt\"",
                        "{\"ProcessorConfig\": {\"Mode\": \"INLINE\", \"ExecutionType\": \"EXPRESS\", \"X\": 1},"
                                + " \"StartAt\"") + ",")),
                schema("Field 'X' is not supported", "/States/S/ItemProcessor/ProcessorConfig"),
                schema("Field 'ExecutionType' is not supported", "/States/S/ItemProcessor/ProcessorConfig"));
        assertDiagnostics(standard(map("\"ItemProcessor\": " + PROCESSOR.replace("{\"StartAt\"",
                        "{\"ProcessorConfig\": {\"Mode\": \"PARALLEL\"}, \"QueryLanguage\": \"JSONata\", \"StartAt\"")
                        + ",")),
                schema("Value should be one of the following: [INLINE, DISTRIBUTED]",
                        "/States/S/ItemProcessor/ProcessorConfig/Mode"),
                schema("Field 'QueryLanguage' is not supported", "/States/S/ItemProcessor"));
    }

    @Test
    void concurrencyAndTolerance() {
        String processor = "\"ItemProcessor\": " + PROCESSOR + ",";
        assertValid(standard(map(processor + """
                "MaxConcurrency": 0, "ToleratedFailurePercentage": 0.5, "ToleratedFailureCountPath": "$.n",""")));
        assertDiagnostics(standard(map(processor + """
                "MaxConcurrency": -1, "MaxConcurrencyPath": "$.m", "ToleratedFailurePercentage": 101,
                "ToleratedFailureCount": 1.5, "ToleratedFailurePercentagePath": "$.p[0:1]",""")),
                schema("Minimum value is 0", "/States/S/MaxConcurrency"),
                schema("There should only be one of the following fields: [MaxConcurrency, MaxConcurrencyPath]",
                        "/States/S/MaxConcurrency"),
                schema("Maximum value is 100", "/States/S/ToleratedFailurePercentage"),
                schema("There should only be one of the following fields: [ToleratedFailurePercentage,"
                        + " ToleratedFailurePercentagePath]", "/States/S/ToleratedFailurePercentage"),
                schema("Value is not a Reference Path", "/States/S/ToleratedFailurePercentagePath"),
                schema("Expected value of type Integer", "/States/S/ToleratedFailureCount"));
    }

    @Test
    void items() {
        String processor = "\"ItemProcessor\": " + PROCESSOR + ",";
        assertValid(standard(map(processor + "\"ItemsPath\": \"$.items\", \"ItemSelector\": {\"v.$\": \"$$.Map.Item.Value\"},")));
        assertDiagnostics(standard(map(processor + "\"ItemsPath\": \"$.items[*]\", \"ItemSelector\": {\"v.$\": \"v\"},")),
                schema("Value is not a Reference Path", "/States/S/ItemsPath"),
                schema("The value for the field 'v.$' must be a valid JSONPath or a valid intrinsic function call",
                        "/States/S/ItemSelector/v.$"));
        assertValid(standard(oneJsonataState("{\"Type\": \"Map\", " + processor + " \"Items\": [1, \"{% 2 %}\"],"
                + " \"ItemSelector\": {\"v.$\": \"{% $states.context.Map.Item.Value %}\"}, \"End\": true}")));
        assertDiagnostics(standard(oneJsonataState("{\"Type\": \"Map\", " + processor + " \"Items\": {}, \"End\": true}")),
                schema("Expected value of type [ARRAY]", "/States/S/Items"));
    }

    @Test
    void distributedParts() {
        String processor = "\"ItemProcessor\": " + PROCESSOR + ",";
        assertDiagnostics(standard(map(processor + "\"ItemReader\": 1, \"ResultWriter\": {}, \"Label\": 2,")),
                schema("Expected value of type [OBJECT]", "/States/S/ItemReader"),
                schema("Expected value of type [STRING]", "/States/S/Label"),
                UNSUPPORTED);
    }

    @Test
    void theEngineCannotRunItemReaderItemBatcherOrResultWriterYet() {
        String processor = "\"ItemProcessor\": " + PROCESSOR.replace("{\"StartAt\"",
                "{\"ProcessorConfig\": {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"EXPRESS\"}, \"StartAt\"") + ",";
        for (String part : new String[] {"\"ItemReader\": {\"Resource\": \"arn:aws:states:::s3:getObject\"},",
                "\"ItemBatcher\": {\"MaxItemsPerBatch\": 2},", "\"ResultWriter\": {\"Resource\": \"arn:aws:states:::s3:putObject\"},"}) {
            assertDiagnostics(express(map(processor + part)), UNSUPPORTED);
        }
        assertDiagnostics(express("""
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemBatcher": {}, "End": true, "ItemProcessor":
                    {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}}}}]}}}"""),
                error("UNSUPPORTED_FEATURE", "ItemReader, ItemBatcher and ResultWriter are not supported yet",
                        "/States/P/Branches[0]/States/M"));
    }
}

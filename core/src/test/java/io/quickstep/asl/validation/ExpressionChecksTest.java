package io.quickstep.asl.validation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class ExpressionChecksTest {
    @Test
    void pathsOfEveryRoot() {
        for (String path : new String[] {"$", "$.a.b[0]", "$['a b']", "$$.Execution.Input", "$var.x", "$.a[*]"}) {
            assertNull(ExpressionChecks.pathProblem(path), path);
        }
        assertEquals("Reference path didn't start with '$'", ExpressionChecks.pathProblem("a.b"));
        assertNotNull(ExpressionChecks.pathProblem("$.a["));
    }

    @Test
    void referencePathsAddressOneNode() {
        assertNull(ExpressionChecks.referencePathProblem("$.a[2].b"));
        for (String path : new String[] {"$.a[*]", "$..a", "$.a[0:2]", "$.a[0,1]", "$.a[?(@.b)]"}) {
            assertEquals("Reference path contains wildcards, filters, slices or unions",
                    ExpressionChecks.referencePathProblem(path), path);
        }
    }

    @Test
    void intrinsicCalls() {
        assertNull(ExpressionChecks.intrinsicProblem("States.Format('{} and {}', $.a, States.ArrayLength($.b))"));
        assertNotNull(ExpressionChecks.intrinsicProblem("States.Format('{}'"));
        assertNotNull(ExpressionChecks.intrinsicProblem("States.Unknown()"));
    }

    @Test
    void deeplyNestedPathsAreRefusedWithoutParsing() {
        int depth = 200_000;
        String filter = "$.a[?(" + "(".repeat(depth) + "@.b == 1" + ")".repeat(depth) + ")]";
        assertEquals("Nesting depth exceeds the maximum allowed (512)", ExpressionChecks.pathProblem(filter));
        String deepest = "$.a[?(" + "(".repeat(510) + "@.b == 1" + ")".repeat(510) + ")]";
        assertNull(ExpressionChecks.pathProblem(deepest));
    }

    @Test
    void deeplyNestedIntrinsicCallsAreRefusedWithoutParsing() {
        int depth = 200_000;
        assertEquals("Nesting depth exceeds the maximum allowed (512)",
                ExpressionChecks.intrinsicProblem("States.Array(".repeat(depth) + ")".repeat(depth)));
        assertNull(ExpressionChecks.intrinsicProblem("States.Array(".repeat(512) + ")".repeat(512)));
    }
}

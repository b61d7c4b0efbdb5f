package io.quickstep.compiler;

import io.quickstep.jsonata.JsonataScope;
import io.quickstep.path.PathScope;

/** What compiled expressions of either query language read while a state runs. */
public interface EvaluationScope extends PathScope, JsonataScope {
}

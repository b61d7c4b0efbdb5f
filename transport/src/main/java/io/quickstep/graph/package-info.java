/**
 * Workflow diagrams: a definition laid out as the AWS console draws it (the Eclipse Layout Kernel's
 * layered algorithm), drawn as SVG, PNG, Graphviz DOT or Mermaid, with an execution's path on it
 * when its events are given. {@link io.quickstep.graph.WorkflowDiagram} is the entry point;
 * {@code quickstep graph}, {@code run --graph} and {@code test --graphs} use it.
 *
 * <p>It works on the definition's model ({@code asl.model}), read-only, and reaches the engine
 * otherwise only through its public API: a diagram is a picture of the definition as written, not
 * of its compiled program.
 */
package io.quickstep.graph;

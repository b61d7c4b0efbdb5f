/**
 * The live view of {@code quickstep serve} ({@code GET /ui}): a page of the served state machines,
 * each drawn as its workflow diagram ({@link io.quickstep.graph.WorkflowDiagram}) with live figures
 * on its states, its recent executions, and for one chosen its path and each state's input and
 * output.
 *
 * <p>Everything comes from what the server already has: the engine's metrics (executions by
 * outcome, states entered) and the Step Functions API called in this process (the machines, their
 * recent executions and the executions' histories). Nothing is added to the engine's hot path;
 * the page's requests are answered on one thread of the view's own, never on an event loop
 * ({@link io.quickstep.ui.LiveView}). The page itself ({@code index.html}, {@code live.js},
 * {@code live.css}) is a resource of the jar, with no reference to anything outside the server.
 */
package io.quickstep.ui;
